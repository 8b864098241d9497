package jp.hikeshi.incident.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistPoint;
import jp.hikeshi.incident.Playbook;
import jp.hikeshi.incident.PlaybookService;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator edits the playbook: built-in points on, off or reworded; the company's own points. */
@Controller
class PlaybookAdminController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final PlaybookService playbooks;

	PlaybookAdminController(PlaybookService playbooks) {
		this.playbooks = playbooks;
	}

	@GetMapping("/admin/playbooks")
	String page(Model model) {
		Playbook playbook = this.playbooks.current();
		model.addAttribute("own", playbook.entries().stream().filter(entry -> entry.builtin() == null).toList());
		java.util.Map<ChecklistPoint, Playbook.Entry> changes = new java.util.EnumMap<>(ChecklistPoint.class);
		playbook.entries().stream().filter(entry -> entry.builtin() != null).forEach(entry -> changes.put(entry.builtin(), entry));
		model.addAttribute("changes", changes);
		model.addAttribute("builtins", this.playbooks.builtins());
		model.addAttribute("categories", Category.values());
		return "admin/playbooks";
	}

	@PostMapping(path = "/admin/playbooks/builtin/{point}", consumes = FORM)
	String builtin(@PathVariable ChecklistPoint point, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(required = false) String text, Authentication user, RedirectAttributes redirect) {
		return attempt(redirect, () -> this.playbooks.changeBuiltin(point, active, text, user.getName()));
	}

	@PostMapping(path = "/admin/playbooks", consumes = FORM)
	String add(@RequestParam(required = false) String text, @RequestParam(required = false) List<Category> categories,
			Authentication user, RedirectAttributes redirect) {
		return attempt(redirect, () -> this.playbooks.saveOwn(null, text, set(categories), true, user.getName()));
	}

	@PostMapping(path = "/admin/playbooks/{id}", consumes = FORM)
	String edit(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) List<Category> categories,
			@RequestParam(defaultValue = "false") boolean active, Authentication user, RedirectAttributes redirect) {
		return attempt(redirect, () -> this.playbooks.saveOwn(id, text, set(categories), active, user.getName()));
	}

	private static String attempt(RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", "playbook.saved");
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		return "redirect:/admin/playbooks";
	}

	private static Set<Category> set(List<Category> categories) {
		return (categories == null || categories.isEmpty()) ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(categories);
	}

}
