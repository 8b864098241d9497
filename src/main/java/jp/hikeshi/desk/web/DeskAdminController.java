package jp.hikeshi.desk.web;

import java.util.Locale;

import jakarta.validation.Valid;

import jp.hikeshi.desk.DeskAdministration;
import jp.hikeshi.desk.DeskAdministration.Editable;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator keeps the public desks' phone numbers, addresses and hours up to date and
 * says when each was last checked. A refused change comes back with the message next to the
 * field and everything typed still there.
 */
@Controller
class DeskAdminController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String DESK = "desk";

	private static final String LIST = "redirect:/admin/desks";

	private final DeskAdministration desks;

	DeskAdminController(DeskAdministration desks) {
		this.desks = desks;
	}

	@GetMapping("/admin/desks")
	String list(Model model, Locale locale) {
		model.addAttribute("desks", this.desks.all(locale));
		return "admin/desks";
	}

	@GetMapping("/admin/desks/{code}")
	String edit(@PathVariable String code, Model model, Locale locale) {
		Editable desk = find(code, locale);
		model.addAttribute("edited", desk);
		if (!model.containsAttribute(DESK)) {
			model.addAttribute(DESK, DeskForm.of(desk));
		}
		return "admin/desk";
	}

	@PostMapping(path = "/admin/desks/{code}", consumes = FORM)
	String change(@PathVariable String code, @Valid @ModelAttribute(DESK) DeskForm form, BindingResult errors,
			Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		Editable desk = find(code, locale);
		if (!Refusals.accepted(errors,
				() -> this.desks.change(code, form.version(), form.toReach(), form.checked(), user.getName()))) {
			return edit(code, model, locale);
		}
		redirect.addFlashAttribute("notice", Notice.of("desks.admin.saved", desk.desk().name()));
		return LIST;
	}

	@PostMapping(path = "/admin/desks/{code}/checked", consumes = FORM)
	String checked(@PathVariable String code, @RequestParam long version, Authentication user, Locale locale,
			RedirectAttributes redirect) {
		Editable desk = find(code, locale);
		Refusals.flash(redirect, () -> this.desks.markChecked(code, version, user.getName()), "desks.admin.checked",
				desk.desk().name());
		return LIST;
	}

	private Editable find(String code, Locale locale) {
		return this.desks.editable(code, locale).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
