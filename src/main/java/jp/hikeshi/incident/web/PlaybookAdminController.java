package jp.hikeshi.incident.web;

import java.util.EnumMap;
import java.util.Map;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistPoint;
import jp.hikeshi.incident.Playbook;
import jp.hikeshi.incident.PlaybookService;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator edits the playbook: built-in points on, off or reworded; the company's own
 * points. The page holds one form per point: a refused one is shown again as it was typed, with
 * the reason next to its field, and the others as they are saved.
 */
@Controller
class PlaybookAdminController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String PAGE = "admin/playbooks";

	private static final String SAVED = "playbook.saved";

	private final PlaybookService playbooks;

	PlaybookAdminController(PlaybookService playbooks) {
		this.playbooks = playbooks;
	}

	@GetMapping("/admin/playbooks")
	String page(Model model) {
		Playbook playbook = this.playbooks.current();
		model.addAttribute("own", playbook.entries().stream().filter(entry -> entry.builtin() == null).toList());
		Map<ChecklistPoint, Playbook.Entry> changes = new EnumMap<>(ChecklistPoint.class);
		playbook.entries().stream().filter(entry -> entry.builtin() != null).forEach(entry -> changes.put(entry.builtin(), entry));
		model.addAttribute("changes", changes);
		model.addAttribute("builtins", this.playbooks.builtins());
		model.addAttribute("categories", Category.values());
		if (!model.containsAttribute("newPoint")) {
			model.addAttribute("newPoint", PlaybookPointForm.newPoint());
		}
		return PAGE;
	}

	@PostMapping(path = "/admin/playbooks/builtin/{point}", consumes = FORM)
	String builtin(@PathVariable ChecklistPoint point, @ModelAttribute("builtinForm") BuiltinPointForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors,
				() -> this.playbooks.changeBuiltin(point, form.inUse(), form.text(), user.getName()))) {
			model.addAttribute("rewording", point);
			return page(model);
		}
		redirect.addFlashAttribute("notice", Notice.of(SAVED));
		return "redirect:/admin/playbooks";
	}

	@PostMapping(path = "/admin/playbooks", consumes = FORM)
	String add(@ModelAttribute("newPoint") PlaybookPointForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors,
				() -> this.playbooks.saveOwn(null, form.text(), form.categorySet(), true, user.getName()))) {
			return page(model);
		}
		redirect.addFlashAttribute("notice", Notice.of(SAVED));
		return "redirect:/admin/playbooks";
	}

	@PostMapping(path = "/admin/playbooks/{id}", consumes = FORM)
	String edit(@PathVariable long id, @ModelAttribute("ownForm") PlaybookPointForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors,
				() -> this.playbooks.saveOwn(id, form.text(), form.categorySet(), form.inUse(), user.getName()))) {
			model.addAttribute("editing", id);
			return page(model);
		}
		redirect.addFlashAttribute("notice", Notice.of(SAVED));
		return "redirect:/admin/playbooks";
	}

}
