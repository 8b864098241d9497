package jp.hikeshi.drill.web;

import jp.hikeshi.drill.Scenario;
import jp.hikeshi.drill.Scenarios;
import jp.hikeshi.reporting.DutyType;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator keeps the drill scenarios: the list, and one form to add or change one (the
 * report in both languages, the duties expected, the timed injects). A refused form comes back
 * as typed, the reason beside its field.
 */
@Controller
class ScenarioAdminController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String LIST = "/admin/drill-scenarios";

	private final Scenarios scenarios;

	ScenarioAdminController(Scenarios scenarios) {
		this.scenarios = scenarios;
	}

	@GetMapping(LIST)
	String list(Model model) {
		model.addAttribute("scenarios", this.scenarios.all());
		return "admin/drill-scenarios";
	}

	@GetMapping(LIST + "/new")
	String add(Model model) {
		model.addAttribute("scenarioForm", ScenarioForm.blank());
		return form(null, model);
	}

	@GetMapping(LIST + "/{scenarioId}")
	String edit(@PathVariable("scenarioId") long id, Model model) {
		Scenario scenario = this.scenarios.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("scenarioForm", ScenarioForm.of(scenario));
		return form(id, model);
	}

	@PostMapping(path = LIST, consumes = FORM)
	String create(@ModelAttribute("scenarioForm") ScenarioForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.scenarios.save(null, null, form.toCommand(), user.getName()))) {
			return form(null, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("drill.scenario.saved"));
		return "redirect:" + LIST;
	}

	@PostMapping(path = LIST + "/{scenarioId}", consumes = FORM)
	String update(@PathVariable("scenarioId") long id, @ModelAttribute("scenarioForm") ScenarioForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		this.scenarios.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!Refusals.accepted(errors,
				() -> this.scenarios.save(id, form.getVersion(), form.toCommand(), user.getName()))) {
			return form(id, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("drill.scenario.saved"));
		return "redirect:" + LIST;
	}

	private String form(Long id, Model model) {
		model.addAttribute("scenarioId", id);
		model.addAttribute("duties", DutyType.values());
		return "admin/drill-scenario";
	}

}
