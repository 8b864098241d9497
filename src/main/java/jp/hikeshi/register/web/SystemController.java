package jp.hikeshi.register.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.register.Backup;
import jp.hikeshi.register.Register;
import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.register.SystemKind;
import jp.hikeshi.register.SystemService;
import jp.hikeshi.register.SystemService.Editable;
import jp.hikeshi.register.Whose;
import jp.hikeshi.shared.BusinessRuleViolation;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register's systems, kept by the security lead and the administrator: the list (with the
 * data each holds, in words), a page per system to change it and its data sets, a new one. Rows
 * of data are added with a button and removed with a box, without JavaScript; a refused form
 * comes back (422) with each reason beside its field and everything typed still there.
 */
@Controller
@RequestMapping("/preparedness/systems")
class SystemController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String SYSTEM = "system";

	private static final String LIST = "redirect:/preparedness/systems";

	private static final int UNPROCESSABLE = 422;

	private final SystemService service;

	private final Register register;

	private final RegisterWords words;

	SystemController(SystemService service, Register register, RegisterWords words) {
		this.service = service;
		this.register = register;
		this.words = words;
	}

	@GetMapping
	String list(@RequestParam(required = false) SystemFilter show, Model model, Locale locale) {
		SystemFilter filter = (show == null) ? SystemFilter.ALL : show;
		List<SystemEntry> all = this.register.systemsInUse();
		model.addAttribute("filter", filter);
		model.addAttribute("filters", SystemFilter.values());
		model.addAttribute("total", all.size());
		model.addAttribute("systems",
				all.stream().filter(filter::test).map(system -> this.words.row(system, locale)).toList());
		return "register/systems";
	}

	@GetMapping("/new")
	String create(Model model) {
		if (!model.containsAttribute(SYSTEM)) {
			model.addAttribute(SYSTEM, SystemForm.empty());
		}
		return form(null, model);
	}

	@PostMapping(consumes = FORM, params = "addRow")
	String addRowToNew(@ModelAttribute(SYSTEM) SystemForm form, BindingResult errors, Model model) {
		form.dropRemoved();
		form.addRow();
		return form(null, model);
	}

	@PostMapping(consumes = FORM, params = "!addRow")
	String add(@ModelAttribute(SYSTEM) SystemForm form, BindingResult errors, Authentication user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		form.dropRemoved();
		if (!accepted(errors, form, null, () -> this.service.add(form.change(), user.getName()))) {
			response.setStatus(UNPROCESSABLE);
			return form(null, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("register.system.added", form.getName()));
		return LIST;
	}

	@GetMapping("/{systemId}")
	String edit(@PathVariable("systemId") long id, Model model) {
		Editable system = find(id);
		if (!model.containsAttribute(SYSTEM)) {
			model.addAttribute(SYSTEM, SystemForm.of(system));
		}
		return form(system, model);
	}

	@PostMapping(path = "/{systemId}", consumes = FORM, params = "addRow")
	String addRow(@PathVariable("systemId") long id, @ModelAttribute(SYSTEM) SystemForm form, BindingResult errors,
			Model model) {
		Editable system = find(id);
		form.dropRemoved();
		form.addRow();
		return form(system, model);
	}

	@PostMapping(path = "/{systemId}", consumes = FORM, params = "!addRow")
	String change(@PathVariable("systemId") long id, @ModelAttribute(SYSTEM) SystemForm form, BindingResult errors,
			Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Editable system = find(id);
		form.dropRemoved();
		if (!accepted(errors, form, id,
				() -> this.service.change(id, form.getVersion(), form.change(), user.getName()))) {
			response.setStatus(UNPROCESSABLE);
			return form(system, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("register.system.saved", form.getName()));
		return LIST;
	}

	@PostMapping(path = "/{systemId}/retire", consumes = FORM)
	String retire(@PathVariable("systemId") long id, @RequestParam long version, Authentication user,
			RedirectAttributes redirect) {
		Editable system = find(id);
		Refusals.flash(redirect, () -> this.service.retire(id, version, user.getName()), "register.system.retired",
				system.entry().name());
		return LIST;
	}

	/** Every reason at once, each beside its field; then the service, which checks them again. */
	private boolean accepted(BindingResult errors, SystemForm form, Long id, Runnable action) {
		if (!errors.hasErrors()) {
			for (BusinessRuleViolation refusal : this.service.refusals(form.change(), id)) {
				refusal.reportTo(errors);
			}
		}
		return Refusals.accepted(errors, action);
	}

	private String form(Editable system, Model model) {
		model.addAttribute("edited", system);
		model.addAttribute("kinds", SystemKind.values());
		model.addAttribute("backups", Backup.values());
		model.addAttribute("owners", Whose.values());
		model.addAttribute("vendors", this.register.vendors());
		model.addAttribute("clients", this.register.clients());
		return "register/system";
	}

	private Editable find(long id) {
		return this.service.editable(id)
			.filter(system -> !system.entry().retired())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
