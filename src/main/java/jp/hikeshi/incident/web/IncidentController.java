package jp.hikeshi.incident.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentSearch;
import jp.hikeshi.incident.IncidentNotices;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.incident.TransitionRefused;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The response team's pages: the list, the incident page with the three steps, and every
 * action on it. Each action redirects back to the incident page, which then shows what
 * happened: the move made, the guards that refused it, or a conflict with someone faster.
 */
@Controller
@RequestMapping("/incidents")
class IncidentController {

	private static final String PAGE = "incident/page";

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final int PAGE_SIZE = 25;

	private final IncidentService incidents;

	private final AccountService accounts;

	private final List<IncidentNotices> notices;

	IncidentController(IncidentService incidents, AccountService accounts, List<IncidentNotices> notices) {
		this.incidents = incidents;
		this.accounts = accounts;
		this.notices = notices;
	}

	@GetMapping
	String list(@Valid @ModelAttribute("search") SearchForm search, BindingResult errors, Authentication user,
			Model model) {
		IncidentSearch filters = errors.hasErrors() ? IncidentSearch.none() : search.toSearch(this.incidents.zone());
		int page = errors.hasFieldErrors("page") ? 0 : search.getPage();
		model.addAttribute("incidents", this.incidents.search(filters, Actor.of(user), PageRequest.of(page, PAGE_SIZE)));
		model.addAttribute("states", IncidentState.values());
		model.addAttribute("steps", IncidentState.Step.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("severities", Severity.values());
		return "incident/list";
	}

	@GetMapping("/assigned")
	String assigned(Authentication user, Model model) {
		model.addAttribute("incidents", this.incidents.assignedTo(Actor.of(user)));
		return "incident/assigned";
	}

	@GetMapping("/{id}")
	String page(@PathVariable long id, Authentication user, Model model) {
		return showPage(this.incidents.findForPage(id, Actor.of(user)), Actor.of(user), model);
	}

	@GetMapping("/{id}/timeline/verify")
	String verify(@PathVariable long id, Authentication user, Model model) {
		model.addAttribute("incident", this.incidents.find(id, Actor.of(user)));
		model.addAttribute("verification", this.incidents.verifyTimeline(id, Actor.of(user)));
		return "incident/verify";
	}

	/** The moves that need nothing but the version, a reason or a target. */
	@PostMapping(path = "/{id}/move/{transition}", consumes = FORM)
	String move(@PathVariable long id, @PathVariable Transition transition, @Valid MoveForm form, BindingResult errors,
			Authentication user, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		this.incidents.find(id, actor);
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("problem", "incident.invalidInput");
			return back(id);
		}
		long version = form.getVersion();
		return attempt(id, redirect, "Transition." + transition.name() + ".done", () -> {
			switch (transition) {
				case TAKE -> this.incidents.take(id, version, actor);
				case DISMISS -> this.incidents.dismiss(id, version, actor, form.getReason());
				case REOPEN -> this.incidents.reopen(id, version, actor, form.getReason());
				case START_CONTAINMENT -> this.incidents.startContainment(id, version, actor);
				case FINISH_CONTAINMENT -> this.incidents.finishContainment(id, version, actor);
				case START_RECOVERY -> this.incidents.startRecovery(id, version, actor);
				case START_PREVENTION -> this.incidents.startPrevention(id, version, actor);
				case APPROVE_CLOSING -> this.incidents.approveClosing(id, version, actor);
				case CLOSE -> this.incidents.close(id, version, actor);
				case REENTER -> this.incidents.reenter(id, version, actor, form.getTarget(), form.getReason());
				case ESCALATE, FORM_TEAM -> throw new BusinessRuleViolation("incident.guard.useTheForm");
			}
		});
	}

	@PostMapping(path = "/{id}/escalate", consumes = FORM)
	String escalate(@PathVariable long id, @Valid @ModelAttribute("escalateForm") EscalateForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return showPage(id, user, model);
		}
		return attempt(id, redirect, "Transition.ESCALATE.done",
				() -> this.incidents.escalate(id, form.getVersion(), Actor.of(user), form.getCategory(),
						form.getLeakKind(), form.getSeverity(), form.getNote()));
	}

	@PostMapping(path = "/{id}/team", consumes = FORM)
	String formTeam(@PathVariable long id, @Valid @ModelAttribute("teamForm") TeamForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		List<String> known = this.accounts.all().stream().filter(UserAccount::isEnabled).map(UserAccount::getUsername).toList();
		if (form.getResponsible() != null && !form.getResponsible().isBlank() && !known.contains(form.getResponsible())) {
			errors.rejectValue("responsible", "incident.team.unknownUser");
		}
		if (form.team().stream().anyMatch(member -> !known.contains(member.username()))) {
			errors.reject("incident.team.unknownUser");
		}
		if (errors.hasErrors()) {
			return showPage(id, user, model);
		}
		return attempt(id, redirect, "Transition.FORM_TEAM.done", () -> this.incidents.formTeam(id, form.getVersion(),
				Actor.of(user), form.getResponsible(), form.team()));
	}

	@PostMapping(path = "/{id}/checklist/{itemId}", consumes = FORM)
	String checklist(@PathVariable long id, @PathVariable long itemId, @Valid ChecklistForm form, BindingResult errors,
			Authentication user, RedirectAttributes redirect) {
		this.incidents.find(id, Actor.of(user));
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("problem", "incident.invalidInput");
			return back(id);
		}
		return attempt(id, redirect, "incident.checklist.saved", () -> this.incidents.decideChecklistItem(id,
				form.getVersion(), Actor.of(user), itemId, form.getStatus(), form.getReason()));
	}

	@PostMapping(path = "/{id}/record", consumes = FORM)
	String record(@PathVariable long id, @Valid @ModelAttribute("recordForm") RecordForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return showPage(id, user, model);
		}
		ZoneId zone = this.incidents.zone();
		Instant occurred = (form.getOccurredAt() == null) ? null : form.getOccurredAt().atZone(zone).toInstant();
		Instant discovered = form.getDiscoveredAt().atZone(zone).toInstant();
		return attempt(id, redirect, "incident.record.saved", () -> this.incidents.updateRecord(id, form.getVersion(),
				Actor.of(user), form.record(), occurred, discovered));
	}

	@PostMapping(path = "/{id}/recovery", consumes = FORM)
	String recovery(@PathVariable long id, @Valid @ModelAttribute("recoveryForm") RecoveryForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return showPage(id, user, model);
		}
		return attempt(id, redirect, "incident.recovery.saved", () -> this.incidents.confirmRecovery(id,
				form.getVersion(), Actor.of(user), form.getChecks(), form.isReportedToExecutive()));
	}

	@PostMapping(path = "/{id}/damage", consumes = FORM)
	String damage(@PathVariable long id, @Valid @ModelAttribute("damageForm") DamageForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return showPage(id, user, model);
		}
		return attempt(id, redirect, "incident.damage.saved", () -> this.incidents.recordDamage(id, form.getVersion(),
				Actor.of(user), form.getDirectYen(), form.getIndirectYen(), form.getDisruptionDays()));
	}

	@PostMapping(path = "/{id}/notes", consumes = FORM)
	String note(@PathVariable long id, @Valid @ModelAttribute("noteForm") TextForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return showPage(id, user, model);
		}
		return attempt(id, redirect, "incident.note.saved",
				() -> this.incidents.addNote(id, Actor.of(user), form.getText()));
	}

	private String attempt(long id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (TransitionRefused refused) {
			redirect.addFlashAttribute("refusal", refused.unmet());
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		catch (ObjectOptimisticLockingFailureException conflict) {
			redirect.addFlashAttribute("problem", "incident.conflict");
		}
		return back(id);
	}

	private String showPage(long id, Authentication user, Model model) {
		return showPage(this.incidents.findForPage(id, Actor.of(user)), Actor.of(user), model);
	}

	private String showPage(Incident incident, Actor actor, Model model) {
		ZoneId zone = this.incidents.zone();
		model.addAttribute("incident", incident);
		model.addAttribute("actor", actor);
		model.addAttribute("transitions", incident.transitionsFor(actor));
		model.addAttribute("othersMoves", Transition.from(incident.getState())
			.stream()
			.filter(transition -> transition != Transition.REENTER && !transition.mayBePerformedBy(actor))
			.toList());
		model.addAttribute("guards", Transition.from(incident.getState())
			.stream()
			.flatMap(transition -> this.incidents.unmetGuards(incident, transition).stream())
			.distinct()
			.toList());
		model.addAttribute("reentryPoints", Transition.reentryPointsBefore(incident.getState()));
		model.addAttribute("categories", Category.values());
		model.addAttribute("leakKinds", LeakKind.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("disclosureStatuses", DisclosureStatus.values());
		model.addAttribute("checklistStatuses", ChecklistItem.Status.values());
		model.addAttribute("steps", IncidentState.Step.values());
		model.addAttribute("showReporting", actor.seesEverything() && incident.getCategory() != null);
		model.addAttribute("notices", actor.seesEverything()
				? this.notices.stream().flatMap(source -> source.noticesFor(incident).stream()).toList() : List.of());
		model.addAttribute("isLead", actor.has(jp.hikeshi.account.Role.SECURITY_LEAD));
		model.addAttribute("showPrevention", incident.getState().ordinal() >= IncidentState.RECOVERY.ordinal());
		model.addAttribute("canWork", incident.getState().isOpen()
				&& (actor.has(jp.hikeshi.account.Role.SECURITY_LEAD) || incident.isOnTeam(actor.username())));
		if (!model.containsAttribute("escalateForm")) {
			EscalateForm escalate = new EscalateForm();
			escalate.setVersion(incident.getVersion());
			model.addAttribute("escalateForm", escalate);
		}
		if (!model.containsAttribute("teamForm")) {
			model.addAttribute("teamForm", teamForm(incident));
		}
		if (!model.containsAttribute("recordForm")) {
			model.addAttribute("recordForm", RecordForm.of(incident, zone));
		}
		if (!model.containsAttribute("recoveryForm")) {
			RecoveryForm recovery = new RecoveryForm();
			recovery.setChecks(incident.getRecoveryChecks());
			recovery.setReportedToExecutive(incident.isRecoveryReported());
			model.addAttribute("recoveryForm", recovery);
		}
		if (!model.containsAttribute("damageForm")) {
			model.addAttribute("damageForm", DamageForm.of(incident));
		}
		if (!model.containsAttribute("noteForm")) {
			TextForm note = new TextForm();
			note.setVersion(incident.getVersion());
			model.addAttribute("noteForm", note);
		}
		return PAGE;
	}

	private TeamForm teamForm(Incident incident) {
		TeamForm form = new TeamForm();
		form.setVersion(incident.getVersion());
		form.setResponsible(incident.getResponsible());
		form.setMembers(this.accounts.all()
			.stream()
			.filter(UserAccount::isEnabled)
			.map(account -> new TeamForm.Member(account.getUsername(), account.getDisplayName()))
			.toList());
		return form;
	}

	private static String back(long id) {
		return "redirect:/incidents/" + id;
	}

}
