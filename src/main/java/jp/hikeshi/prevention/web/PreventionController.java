package jp.hikeshi.prevention.web;

import jakarta.validation.Valid;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionPlan;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.prevention.RootCause;
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
 * The prevention plan of an incident (its root cause and its measures), and every measure still
 * open. A refused form comes back with its errors next to the fields and everything typed.
 */
@Controller
class PreventionController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String ROOT_CAUSES_FORM = "rootCausesForm";

	private static final String MEASURE_FORM = "measureForm";

	private static final String DONE_FORM = "doneForm";

	private final PreventionService prevention;

	private final IncidentService incidents;

	private final AccountService accounts;

	PreventionController(PreventionService prevention, IncidentService incidents, AccountService accounts) {
		this.prevention = prevention;
		this.incidents = incidents;
		this.accounts = accounts;
	}

	@GetMapping("/measures")
	String open(Authentication user, Model model) {
		model.addAttribute("measures", this.prevention.openMeasures(Actor.of(user)));
		model.addAttribute("today", this.prevention.today());
		if (!model.containsAttribute(DONE_FORM)) {
			model.addAttribute(DONE_FORM, DoneForm.none());
		}
		return "prevention/measures";
	}

	@GetMapping("/incidents/{id}/prevention-plan")
	String plan(@PathVariable long id, Authentication user, Model model) {
		return showPlan(id, Actor.of(user), model);
	}

	@PostMapping(path = "/incidents/{id}/root-causes", consumes = FORM)
	String rootCauses(@PathVariable long id, @Valid @ModelAttribute(ROOT_CAUSES_FORM) RootCausesForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!Refusals.accepted(errors, () -> this.prevention.recordRootCauses(id, actor, form.toCommand()))) {
			return showPlan(id, actor, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("rootCauses.saved"));
		return back(id);
	}

	@PostMapping(path = "/incidents/{id}/measures", consumes = FORM)
	String addMeasure(@PathVariable long id, @Valid @ModelAttribute(MEASURE_FORM) MeasureForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!Refusals.accepted(errors, () -> this.prevention.addMeasure(id, actor, form.toCommand()))) {
			return showPlan(id, actor, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("measure.added"));
		return back(id);
	}

	@PostMapping(path = "/incidents/{id}/measures/{measureId}/done", consumes = FORM)
	String done(@PathVariable long id, @PathVariable long measureId, @Valid @ModelAttribute(DONE_FORM) DoneForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!complete(id, measureId, form, errors, actor, model)) {
			return showPlan(id, actor, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("measure.done"));
		return back(id);
	}

	/** The owner marks their measure done from the list of open measures. */
	@PostMapping(path = "/measures/{incidentId}/{measureId}/done", consumes = FORM)
	String doneFromList(@PathVariable long incidentId, @PathVariable long measureId,
			@Valid @ModelAttribute(DONE_FORM) DoneForm form, BindingResult errors, Authentication user, Model model,
			RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!complete(incidentId, measureId, form, errors, actor, model)) {
			return open(user, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("measure.done"));
		return "redirect:/measures";
	}

	/**
	 * A button with the day beside it, on a row of a list. Refused, the list comes back with the
	 * reason beside that row's day ({@code completing} names the row) and the day as typed; a
	 * reason that is not the day (done meanwhile, not theirs to mark) stands above the list.
	 */
	private boolean complete(long incidentId, long measureId, DoneForm form, BindingResult errors, Actor actor,
			Model model) {
		if (Refusals.accepted(errors, () -> this.prevention.complete(incidentId, measureId, actor, form.doneOn()))) {
			return true;
		}
		model.addAttribute("completing", measureId);
		return false;
	}

	private String showPlan(long id, Actor actor, Model model) {
		Incident incident = this.incidents.find(id, actor);
		PreventionPlan plan = this.prevention.planOf(incident);
		model.addAttribute("incident", incident);
		model.addAttribute("plan", plan);
		model.addAttribute("allCauses", RootCause.values());
		model.addAttribute("kinds", Measure.Kind.values());
		model.addAttribute("owners", this.accounts.all().stream().filter(UserAccount::isEnabled).toList());
		model.addAttribute("today", this.prevention.today());
		if (!model.containsAttribute(ROOT_CAUSES_FORM)) {
			model.addAttribute(ROOT_CAUSES_FORM, RootCausesForm.of(plan));
		}
		if (!model.containsAttribute(MEASURE_FORM)) {
			model.addAttribute(MEASURE_FORM, MeasureForm.empty());
		}
		if (!model.containsAttribute(DONE_FORM)) {
			model.addAttribute(DONE_FORM, DoneForm.none());
		}
		return "prevention/plan";
	}

	private static String back(long id) {
		return "redirect:/incidents/" + id + "/prevention-plan";
	}

}
