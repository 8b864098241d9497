package jp.hikeshi.investigation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.Valid;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.desk.PublicDesks;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.investigation.Investigation;
import jp.hikeshi.investigation.Investigation.Remediation;
import jp.hikeshi.investigation.InvestigationService;
import jp.hikeshi.investigation.web.InvestigationForms.CompletionForm;
import jp.hikeshi.investigation.web.InvestigationForms.ExecutiveReportForm;
import jp.hikeshi.investigation.web.InvestigationForms.FactsForm;
import jp.hikeshi.investigation.web.InvestigationForms.HelpForm;
import jp.hikeshi.investigation.web.InvestigationForms.RemediationForm;
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
 * 調査・対応: 5W1H, repairs, help from outside, reports to the executive. One page, one form per
 * thing recorded; a refused form comes back on the page with its errors beside its fields and
 * what was typed still in them, the other forms as they were.
 */
@Controller
class InvestigationController {

	/** Whether the person records reports to the executive, asked of the service that enforces it. */
	@ModelAttribute("mayReportToExecutive")
	boolean mayReportToExecutive(Authentication user) {
		return (user != null) && this.investigation.mayReportToExecutive(Actor.of(user));
	}

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String FACTS = "facts";

	private static final String REMEDIATION = "remediation";

	private static final String COMPLETION = "completion";

	private static final String HELP = "help";

	private static final String REPORT = "report";

	private final InvestigationService investigation;

	private final IncidentService incidents;

	private final AccountService accounts;

	private final PublicDesks desks;

	InvestigationController(InvestigationService investigation, IncidentService incidents, AccountService accounts,
			PublicDesks desks) {
		this.investigation = investigation;
		this.incidents = incidents;
		this.accounts = accounts;
		this.desks = desks;
	}

	@GetMapping("/incidents/{id}/investigation")
	String page(@PathVariable long id, Authentication user, Model model) {
		return page(id, Actor.of(user), model);
	}

	@PostMapping(path = "/incidents/{id}/investigation/facts", consumes = FORM)
	String facts(@PathVariable long id, @Valid @ModelAttribute(FACTS) FactsForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!Refusals.accepted(errors,
				() -> this.investigation.updateFacts(id, form.version(), actor, form.toCommand()))) {
			if (Refusals.changedMeanwhile(errors)) {
				// what was typed stays; sent again, it applies to the incident as it is now
				model.addAttribute("factsVersion", this.incidents.find(id, actor).getVersion());
			}
			return page(id, actor, model);
		}
		return saved(id, redirect, "investigation.saved");
	}

	@PostMapping(path = "/incidents/{id}/investigation/remediations", consumes = FORM)
	String remediation(@PathVariable long id, @Valid @ModelAttribute(REMEDIATION) RemediationForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!Refusals.accepted(errors, () -> this.investigation.addRemediation(id, actor, form.toCommand()))) {
			return page(id, actor, model);
		}
		return saved(id, redirect, "remediation.added");
	}

	@PostMapping(path = "/incidents/{id}/investigation/remediations/{remediationId}/done", consumes = FORM)
	String remediationDone(@PathVariable long id, @PathVariable long remediationId,
			@Valid @ModelAttribute(COMPLETION) CompletionForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!Refusals.accepted(errors,
				() -> this.investigation.completeRemediation(id, remediationId, actor, form.doneOn()))) {
			model.addAttribute("completing", remediationId);
			return page(id, actor, model);
		}
		return saved(id, redirect, "remediation.done");
	}

	@PostMapping(path = "/incidents/{id}/investigation/help", consumes = FORM)
	String help(@PathVariable long id, @Valid @ModelAttribute(HELP) HelpForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!Refusals.accepted(errors, () -> this.investigation.addOutsideHelp(id, actor, form.toCommand()))) {
			return page(id, actor, model);
		}
		return saved(id, redirect, "help.added");
	}

	@PostMapping(path = "/incidents/{id}/investigation/executive-reports", consumes = FORM)
	String executiveReport(@PathVariable long id, @Valid @ModelAttribute(REPORT) ExecutiveReportForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		if (!Refusals.accepted(errors, () -> this.investigation.addExecutiveReport(id, actor, form.toCommand()))) {
			return page(id, actor, model);
		}
		return saved(id, redirect, "executiveReport.added");
	}

	/** The page, with a fresh form for every form that is not coming back with errors. */
	private String page(long id, Actor actor, Model model) {
		Incident incident = this.incidents.find(id, actor);
		Investigation investigation = this.investigation.of(id, actor);
		LocalDate today = LocalDate.now(this.incidents.zone());
		model.addAttribute("incident", incident);
		model.addAttribute("investigation", investigation);
		// the 5W1H fields in the guide's order: いつ、どこで、誰が、誰を、何を、なぜ、どうした
		model.addAttribute("fiveW1H", List.of("when", "where", "who", "whom", "what", "why", "how"));
		model.addAttribute("kinds", List.of(Remediation.Kind.values()));
		model.addAttribute("owners", this.accounts.all().stream().filter(UserAccount::isEnabled).toList());
		model.addAttribute("today", today);
		model.addAttribute("desks", this.desks.all());
		model.addAttribute("ownContacts", this.desks.ownContacts());
		fresh(model, FACTS, () -> FactsForm.of(investigation.facts(), incident.getVersion()));
		fresh(model, REMEDIATION, RemediationForm::empty);
		fresh(model, COMPLETION, CompletionForm::none);
		fresh(model, HELP, () -> HelpForm.askedOn(today));
		fresh(model, REPORT, () -> ExecutiveReportForm.reportedOn(today));
		return "investigation/page";
	}

	private static void fresh(Model model, String name, Supplier<Object> form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form.get());
		}
	}

	private static String saved(long id, RedirectAttributes redirect, String notice) {
		redirect.addFlashAttribute("notice", Notice.of(notice));
		return "redirect:/incidents/" + id + "/investigation";
	}

}
