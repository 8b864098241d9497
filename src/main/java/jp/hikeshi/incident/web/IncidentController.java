package jp.hikeshi.incident.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.desk.PublicDesks;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentNotices;
import jp.hikeshi.incident.IncidentSearch;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TimelineView;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.RequestHeader;
import jp.hikeshi.register.Register;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.web.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The response team's pages: the list, the incident page with the three steps, and every
 * action on it. A successful action redirects back to the incident page with a notice; a refused
 * one re-renders the page with the message next to the field it concerns and everything that
 * was typed still in the form, and the summary at the top lists the reasons as links to the fields.
 * <p>
 * Checklist items and notes also answer htmx requests ({@code HX-Request}) in place: the changed
 * fragment, with the summary out of band, or the refused fragment with status 422. Without
 * JavaScript the same forms post and redirect as every other.
 */
@Controller
@RequestMapping("/incidents")
class IncidentController {

	private static final String PAGE = "incident/page";

	/** The timeline entries the incident's page shows, the newest: the rest are on the timeline's own page. */
	static final int TIMELINE_ON_PAGE = 50;

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String CHECKLIST_UPDATE = PAGE + " :: checklistUpdate";

	private static final String NOTES_UPDATE = PAGE + " :: notesUpdate";

	private static final int PAGE_SIZE = 25;

	/** The roles that open /incidents/**: only they can work on a team. */
	private static final Set<Role> TEAM_ROLES = Set.of(Role.RESPONDER, Role.SECURITY_LEAD, Role.EXECUTIVE);

	private static final int UNPROCESSABLE = 422;

	private final IncidentService incidents;

	private final People people;

	private final TimelineView timeline;

	private final List<IncidentNotices> notices;

	private final PublicDesks desks;

	private final Register register;

	private final TransactionOperations readOnly;

	IncidentController(IncidentService incidents, People people, TimelineView timeline,
			List<IncidentNotices> notices, PublicDesks desks, Register register, PlatformTransactionManager transactions) {
		this.register = register;
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		this.readOnly = readOnly;
		this.incidents = incidents;
		this.people = people;
		this.timeline = timeline;
		this.notices = notices;
		this.desks = desks;
	}

	@GetMapping
	String list(@Valid @ModelAttribute("search") SearchForm search, BindingResult errors, Authentication user,
			Model model) {
		IncidentSearch filters = errors.hasErrors() ? IncidentSearch.none() : search.toSearch(this.incidents.zone());
		int page = errors.hasFieldErrors("page") ? 0 : Paging.page(search.getPage());
		IncidentService.ListPage found = this.incidents.listPage(filters, Actor.of(user), PageRequest.of(page, PAGE_SIZE));
		model.addAttribute("incidents", found.page());
		model.addAttribute("countStopped", found.countStopped());
		model.addAttribute("states", IncidentState.values());
		model.addAttribute("steps", IncidentState.Step.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("severities", Severity.values());
		return "incident/list";
	}

	@GetMapping("/assigned")
	String assigned(@RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
		model.addAttribute("incidents",
				this.incidents.assignedTo(Actor.of(user), PageRequest.of(Paging.page(page), WorkQueuesController.PAGE_SIZE)));
		return "incident/assigned";
	}

	@GetMapping("/{id}")
	String page(@PathVariable long id, Authentication user, Model model, Locale locale) {
		return showPage(id, user, model, locale);
	}

	/** The whole timeline, oldest first: the incident's page shows its newest entries only. */
	@GetMapping("/{id}/timeline")
	String timeline(@PathVariable long id, Authentication user, Model model, Locale locale) {
		return this.readOnly.execute(status -> {
			Incident incident = this.incidents.find(id, Actor.of(user));
			model.addAttribute("incident", incident);
			model.addAttribute("timeline", this.timeline.of(incident, locale));
			return "incident/timeline";
		});
	}

	@GetMapping("/{id}/timeline/verify")
	String verify(@PathVariable long id, Authentication user, Model model, Locale locale) {
		model.addAttribute("incident", this.incidents.find(id, Actor.of(user)));
		jp.hikeshi.incident.TimelineVerification verification = this.incidents.verifyTimeline(id, Actor.of(user));
		model.addAttribute("verification", verification);
		if (verification.sealedAtUpgrade() != null) {
			model.addAttribute("sealedAtUpgradeOn", jp.hikeshi.shared.ReadableTime
				.dateTime(verification.sealedAtUpgrade().at(), this.incidents.zone(), locale));
		}
		return "incident/verify";
	}

	/** The moves made with a button: the version seen, and a reason or target where the move takes one. */
	@PostMapping(path = "/{id}/move/{transition}", consumes = FORM)
	String move(@PathVariable long id, @PathVariable Transition transition,
			@Valid @ModelAttribute("moveForm") MoveForm form, BindingResult errors, Authentication user, Model model,
			Locale locale, RedirectAttributes redirect) {
		Actor actor = Actor.of(user);
		this.incidents.find(id, actor);
		if (transition.hasOwnForm()) {
			errors.reject("incident.guard.useTheForm");
		}
		if (!Refusals.accepted(errors, () -> this.incidents.perform(id, form.version(), actor, form.toMove(transition)))) {
			model.addAttribute("refusedMove", transition);
			return refused(id, errors, "reason-" + transition, user, model, locale);
		}
		return done(id, redirect, "Transition." + transition.name() + ".done");
	}

	@PostMapping(path = "/{id}/escalate", consumes = FORM)
	String escalate(@PathVariable long id, @Valid @ModelAttribute("escalateForm") EscalateForm form,
			BindingResult errors, Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.incidents.perform(id, form.version(), Actor.of(user), form.toMove()))) {
			return refused(id, errors, null, user, model, locale);
		}
		return done(id, redirect, "Transition.ESCALATE.done");
	}

	@PostMapping(path = "/{id}/categories", consumes = FORM)
	String categories(@PathVariable long id, @Valid @ModelAttribute("categoriesForm") CategoriesForm form,
			BindingResult errors, Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.incidents.changeCategories(id, form.version(), Actor.of(user),
				form.category(), EscalateForm.set(form.additionalCategories()), form.leakKind()))) {
			model.addAttribute("refusedCategories", true);
			return refused(id, errors, null, user, model, locale);
		}
		return done(id, redirect, "incident.categories.saved");
	}

	@PostMapping(path = "/{id}/team", consumes = FORM)
	String formTeam(@PathVariable long id, @Valid @ModelAttribute("teamForm") TeamForm form, BindingResult errors,
			Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		boolean responsibleNamed = form.getResponsible() != null && !form.getResponsible().isBlank();
		List<String> named = Stream
			.concat(responsibleNamed ? Stream.of(form.getResponsible()) : Stream.empty(),
					form.team().stream().map(Assignee::username))
			.toList();
		Set<String> unknown = this.incidents.notEnabled(named);
		if (responsibleNamed && unknown.contains(form.getResponsible())) {
			errors.rejectValue("responsible", "incident.team.unknownUser");
		}
		if (form.team().stream().anyMatch(member -> unknown.contains(member.username()))) {
			errors.reject("incident.team.unknownUser");
		}
		rejectThoseWhoCannotOpenIncidents(form, named, unknown, errors);
		if (!Refusals.accepted(errors,
				() -> this.incidents.perform(id, form.getVersion(), Actor.of(user), form.toMove()))) {
			form.setMembers(withNames(form.getMembers()));
			return refused(id, errors, null, user, model, locale);
		}
		return done(id, redirect, "Transition.FORM_TEAM.done");
	}

	@PostMapping(path = "/{id}/checklist/{itemId}", consumes = FORM)
	String checklist(@PathVariable long id, @PathVariable long itemId,
			@Valid @ModelAttribute("checklistForm") ChecklistForm form, BindingResult errors, Authentication user,
			Model model, Locale locale, RedirectAttributes redirect,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
		this.incidents.find(id, Actor.of(user));
		boolean accepted = Refusals.accepted(errors, () -> this.incidents.decideChecklistItem(id, form.version(),
				Actor.of(user), itemId, form.status(), form.reason()));
		if (htmx != null) {
			if (!accepted) {
				model.addAttribute("refusedItem", itemId);
			}
			inPlace(id, accepted, accepted, errors, "incident.checklist.saved", user, model, locale, response);
			model.addAttribute("item", ((Incident) model.getAttribute("incident")).getChecklist()
				.stream()
				.filter(candidate -> candidate.getId() == itemId)
				.findFirst()
				.orElseThrow(() -> new jp.hikeshi.incident.IncidentNotFoundException(id)));
			return CHECKLIST_UPDATE;
		}
		if (!accepted) {
			model.addAttribute("refusedItem", itemId);
			return refused(id, errors, "reason-" + itemId, user, model, locale);
		}
		return done(id, redirect, "incident.checklist.saved", "checklist-" + itemId);
	}

	@PostMapping(path = "/{id}/record", consumes = FORM)
	String record(@PathVariable long id, @Valid @ModelAttribute("recordForm") RecordForm form, BindingResult errors,
			Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		ZoneId zone = this.incidents.zone();
		if (!Refusals.accepted(errors, () -> {
			Instant occurred = (form.occurredAt() == null) ? null : form.occurredAt().atZone(zone).toInstant();
			Instant discovered = form.discoveredAt().atZone(zone).toInstant();
			this.incidents.updateRecord(id, form.version(), Actor.of(user), form.record(), occurred, discovered,
					form.discoveredLateReason());
		})) {
			model.addAttribute("refusedForm", "record");
			return refused(id, errors, null, user, model, locale);
		}
		return done(id, redirect, "incident.record.saved");
	}

	/** The lead or the team names the register's systems the incident concerns, and the vendor that told the company. */
	@PostMapping(path = "/{id}/systems", consumes = FORM)
	String systems(@PathVariable long id, @Valid @ModelAttribute("systemsForm") SystemsForm form, BindingResult errors,
			Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> {
			try {
				this.incidents.chooseSystemsAndVendor(id, form.version(), Actor.of(user), form.systemIds(),
						form.reportedByVendorId());
			}
			catch (BusinessRuleViolation refused) {
				// the page's checkboxes are one field: the refusal goes beside them
				throw (refused.field() != null && refused.field().startsWith("systemIds"))
						? BusinessRuleViolation.onField("systemIds", refused.code(), refused.arguments()) : refused;
			}
		})) {
			model.addAttribute("refusedForm", "systems");
			return refused(id, errors, null, user, model, locale);
		}
		return done(id, redirect, "incident.systems.saved", "systems");
	}

	@PostMapping(path = "/{id}/recovery", consumes = FORM)
	String recovery(@PathVariable long id, @Valid @ModelAttribute("recoveryForm") RecoveryForm form,
			BindingResult errors, Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.incidents.confirmRecovery(id, form.version(), Actor.of(user),
				form.checks(), form.reportedToExecutive()))) {
			model.addAttribute("refusedForm", "recovery");
			return refused(id, errors, null, user, model, locale);
		}
		return done(id, redirect, "incident.recovery.saved");
	}

	@PostMapping(path = "/{id}/damage", consumes = FORM)
	String damage(@PathVariable long id, @Valid @ModelAttribute("damageForm") DamageForm form, BindingResult errors,
			Authentication user, Model model, Locale locale, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.incidents.recordDamage(id, form.version(), Actor.of(user),
				form.directYen(), form.indirectYen(), form.disruptionDays()))) {
			model.addAttribute("refusedForm", "damage");
			return refused(id, errors, null, user, model, locale);
		}
		return done(id, redirect, "incident.damage.saved");
	}

	@PostMapping(path = "/{id}/notes", consumes = FORM)
	String note(@PathVariable long id, @Valid @ModelAttribute("noteForm") NoteForm form, BindingResult errors,
			Authentication user, Model model, Locale locale, RedirectAttributes redirect,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
		long before = this.incidents.find(id, Actor.of(user)).getVersion();
		boolean accepted = Refusals.accepted(errors, () -> this.incidents.addNote(id, Actor.of(user), form.text()));
		if (htmx != null) {
			// a note needs no version; the page's forms take the new one only if the page was current before it
			boolean pageWasCurrent = form.version() != null && form.version() == before;
			if (accepted) {
				model.addAttribute("noteForm", NoteForm.empty());
			}
			inPlace(id, accepted && pageWasCurrent, accepted, errors, "incident.note.saved", user, model, locale,
					response);
			return NOTES_UPDATE;
		}
		if (!accepted) {
			return refused(id, errors, null, user, model, locale);
		}
		return done(id, redirect, "incident.note.saved", "timeline");
	}

	/**
	 * Prepares the answer to an htmx request: the fragment, changed (200) or refused with its reasons
	 * beside the field (422). The summary goes along out of band, carrying the incident's new version
	 * for the page's other forms, only when the page was current: after a change made meanwhile those
	 * forms keep their version, so that what they hold is still refused as stale.
	 */
	private void inPlace(long id, boolean updateVersions, boolean accepted, BindingResult errors, String notice,
			Authentication user, Model model, Locale locale, HttpServletResponse response) {
		if (accepted) {
			model.addAttribute("notice", Notice.of(notice));
		}
		else {
			model.addAttribute("changedMeanwhile", Refusals.changedMeanwhile(errors));
			model.addAttribute("refusalNotice", Notice.of("incident.refusedInPlace"));
			response.setStatus(UNPROCESSABLE);
		}
		model.addAttribute("needsOutOfBand", updateVersions);
		showPage(id, user, model, locale);
	}

	/** Refused: the page again, the reasons also in its summary as links to the fields that fix them. */
	private String refused(long id, BindingResult errors, String reasonField, Authentication user, Model model,
			Locale locale) {
		model.addAttribute("refusal", errors.getAllErrors().stream().map(error -> {
			if (error instanceof FieldError field) {
				if (field.getField().contains("[")) {
					return Needed.of(error, error.getCode(), id);
				}
				String anchor = ("reason".equals(field.getField()) && reasonField != null) ? reasonField : field.getField();
				return new Needed(error, "#" + anchor);
			}
			return Needed.of(error, error.getCode(), id);
		}).toList());
		return showPage(id, user, model, locale);
	}

	/** An account that holds none of the roles that open incidents would be on a team it cannot see. */
	private void rejectThoseWhoCannotOpenIncidents(TeamForm form, List<String> named, Set<String> unknown,
			BindingResult errors) {
		java.util.Map<String, UserAccount> accounts = this.people.accounts(named);
		java.util.function.Predicate<String> cannot = username -> !unknown.contains(username)
				&& accounts.containsKey(username) && !mayWorkOnIncidents(accounts.get(username));
		People.Directory directory = this.people.directory();
		if (form.getResponsible() != null && cannot.test(form.getResponsible())) {
			errors.rejectValue("responsible", "incident.team.notResponder",
					new Object[] { directory.name(form.getResponsible()) }, null);
		}
		for (int row = 0; row < form.getMembers().size(); row++) {
			TeamForm.Member member = form.getMembers().get(row);
			if (member.isSelected() && cannot.test(member.getUsername())) {
				errors.rejectValue("members[" + row + "].selected", "incident.team.notResponder",
						new Object[] { directory.name(member.getUsername()) }, null);
			}
		}
	}

	private static boolean mayWorkOnIncidents(UserAccount account) {
		return account.getRoles().stream().anyMatch(TEAM_ROLES::contains);
	}

	private static String done(long id, RedirectAttributes redirect, String notice) {
		return done(id, redirect, notice, null);
	}

	/** Post/redirect/get, back to where the person was on the page. */
	private static String done(long id, RedirectAttributes redirect, String notice, String anchor) {
		redirect.addFlashAttribute("notice", Notice.of(notice));
		return "redirect:/incidents/" + id + ((anchor == null) ? "" : "#" + anchor);
	}

	/**
	 * The page's dozen reads in one read-only transaction, which each service's joins: on their own
	 * they began and ended eight, each with its round trips to PostgreSQL and its persistence context.
	 * Nothing here writes; the entities are detached, as before, once the page is rendered.
	 */
	private String showPage(long id, Authentication user, Model model, Locale locale) {
		return this.readOnly.execute(status -> putPage(id, user, model, locale));
	}

	private String putPage(long id, Authentication user, Model model, Locale locale) {
		Actor actor = Actor.of(user);
		Incident incident = this.incidents.findForIncidentPage(id, actor);
		// the accounts, looked up once: the timeline, the checklist and the team picker all name people
		People.Directory directory = this.people.directory();
		model.addAttribute("incident", incident);
		putIfAbsent(model, "changedMeanwhile", false);
		model.addAttribute("may", incident.permissionsFor(actor));
		model.addAttribute("people", directory);
		// the newest entries; their sequence numbers (from 1, without gaps) say how many came before
		List<TimelineEntry> newest = this.incidents.newestEntries(incident, TIMELINE_ON_PAGE);
		model.addAttribute("timeline", this.timeline.lines(newest, locale, directory));
		model.addAttribute("timelineEarlier", newest.isEmpty() ? 0 : newest.get(0).getSequence() - 1);
		model.addAttribute("transitions", incident.transitionsFor(actor));
		model.addAttribute("othersMoves", Transition.from(incident.getState())
			.stream()
			.filter(transition -> transition != Transition.REENTER && !transition.mayBePerformedBy(actor))
			.toList());
		model.addAttribute("needed", Transition.from(incident.getState())
			.stream()
			.flatMap(transition -> this.incidents.unmetGuards(incident, transition).stream())
			.distinct()
			.map(unmet -> Needed.of(unmet, unmet.code(), incident.getId()))
			.toList());
		model.addAttribute("reentryPoints", Transition.reentryPointsBefore(incident.getState()));
		model.addAttribute("categories", Category.values());
		model.addAttribute("leakKinds", LeakKind.values());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("disclosureStatuses", DisclosureStatus.values());
		model.addAttribute("checklistStatuses", ChecklistItem.Status.values());
		model.addAttribute("steps", IncidentState.Step.values());
		model.addAttribute("notices", incident.permissionsFor(actor).seeReporting()
				? this.notices.stream().flatMap(source -> source.noticesFor(incident).stream()).toList() : List.of());
		// where to ask and report, from step 1 on: the guide wants them at hand before anything is decided
		model.addAttribute("desks", this.desks.all(locale));
		model.addAttribute("ownContacts", this.desks.ownContacts());
		putIfAbsent(model, "moveForm", MoveForm.empty(incident.getVersion()));
		putIfAbsent(model, "escalateForm", EscalateForm.empty(incident.getVersion()));
		putIfAbsent(model, "teamForm", teamForm(incident, directory));
		putIfAbsent(model, "categoriesForm", CategoriesForm.of(incident));
		putIfAbsent(model, "checklistForm", new ChecklistForm(incident.getVersion(), null, null));
		putIfAbsent(model, "recordForm", RecordForm.of(incident, this.incidents.zone()));
		putIfAbsent(model, "recoveryForm", RecoveryForm.of(incident));
		putIfAbsent(model, "damageForm", DamageForm.of(incident));
		putIfAbsent(model, "systemsForm", SystemsForm.of(incident));
		List<Register.SystemEntry> chosen = this.incidents.systemsOf(incident);
		model.addAttribute("chosenSystems", chosen);
		// the systems in use, and those already named though retired since: they stay named
		List<Register.SystemEntry> offered = new java.util.ArrayList<>(chosen.stream().filter(Register.SystemEntry::retired).toList());
		offered.addAll(0, this.register.systemsInUse());
		model.addAttribute("registerSystems", offered);
		model.addAttribute("reportingVendor", this.incidents.reportingVendorOf(incident).orElse(null));
		model.addAttribute("vendors", this.register.vendors());
		putIfAbsent(model, "noteForm", NoteForm.empty());
		return PAGE;
	}

	/** A fresh form, unless the request brought one back (with what was typed and its errors). */
	private static void putIfAbsent(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

	private static TeamForm teamForm(Incident incident, People.Directory directory) {
		TeamForm form = new TeamForm();
		form.setVersion(incident.getVersion());
		form.setResponsible(incident.getResponsible());
		form.setMembers(withNames(directory.accounts()
			.stream()
			.filter(UserAccount::isEnabled)
			.filter(IncidentController::mayWorkOnIncidents)
			.map(account -> new TeamForm.Member(account.getUsername(), null))
			.toList(), directory));
		return form;
	}

	/** The candidates as people read them: display name and department, never the login name. */
	private List<TeamForm.Member> withNames(List<TeamForm.Member> members) {
		return withNames(members, this.people.directory());
	}

	private static List<TeamForm.Member> withNames(List<TeamForm.Member> members, People.Directory directory) {
		members.forEach(member -> member.setDisplayName(directory.nameWithDepartment(member.getUsername())));
		return members;
	}

}
