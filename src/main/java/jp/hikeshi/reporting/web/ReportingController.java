package jp.hikeshi.reporting.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.reporting.Announcement;
import jp.hikeshi.reporting.CausedBy;
import jp.hikeshi.reporting.DataSet;
import jp.hikeshi.desk.PublicDesks;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.GdprExemption;
import jp.hikeshi.reporting.GdprRisk;
import jp.hikeshi.reporting.LeakStatus;
import jp.hikeshi.reporting.FilingTexts;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.reporting.web.ReportingForms.DraftForm;
import jp.hikeshi.reporting.web.ReportingForms.DataSetForm;
import jp.hikeshi.reporting.web.ReportingForms.FactsForm;
import jp.hikeshi.reporting.web.ReportingForms.FileForm;
import jp.hikeshi.reporting.web.ReportingForms.InquiryDeskForm;
import jp.hikeshi.reporting.web.ReportingForms.PublishForm;
import jp.hikeshi.reporting.web.ReportingForms.VersionForm;
import jp.hikeshi.reporting.web.ReportingForms.WaiveForm;
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
 * Step 2 of an incident (報告・公表): the facts, the reports owed with their deadlines, the
 * texts to file, the public announcements and the inquiry desk. A form that is refused comes
 * back with the reason next to its field and everything typed still in it (a button with a date
 * is such a form); a button on its own that is refused says why at the top of the page;
 * whatever is done redirects back to the page.
 */
@Controller
class ReportingController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final ReportingService reporting;

	private final IncidentService incidents;

	private final PublicDesks desks;

	ReportingController(ReportingService reporting, IncidentService incidents, PublicDesks desks) {
		this.reporting = reporting;
		this.incidents = incidents;
		this.desks = desks;
	}

	/** Everything still to be filed, most urgent first. */
	@GetMapping("/duties")
	String duties(Authentication user, Model model) {
		model.addAttribute("duties", this.reporting.openDuties(actor(user)));
		return "reporting/duties";
	}

	/** What the person may do here, asked of the service that enforces it. */
	@ModelAttribute("may")
	ReportingService.Permissions may(Authentication user) {
		return this.reporting.permissionsFor(actor(user));
	}

	@GetMapping("/incidents/{id}/reporting")
	String page(@PathVariable long id, Authentication user, Model model) {
		return page(id, actor(user), model);
	}

	/** A prepared text; a notice to the people may be addressed otherwise than its data sets suggest. */
	@GetMapping("/incidents/{id}/reporting/texts/{kind}")
	String text(@PathVariable long id, @PathVariable FilingTexts.Kind kind,
			@RequestParam(required = false) FilingTexts.Addressee addressee, Authentication user, Model model) {
		return text(id, kind, addressee, actor(user), model);
	}

	@PostMapping(path = "/incidents/{id}/reporting/facts", consumes = FORM)
	String facts(@PathVariable long id, @Valid @ModelAttribute("factsForm") FactsForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = actor(user);
		if (!Refusals.accepted(errors, () -> this.reporting.updateFacts(id, form.version(), actor, form.facts(),
				form.secondaryDamage(), form.publicTitle()))) {
			return page(id, actor, model);
		}
		return done(id, redirect, "reporting.facts.saved");
	}

	/** A new set of personal data, on a page of its own. */
	@GetMapping("/incidents/{id}/reporting/data-sets/new")
	String newDataSet(@PathVariable long id, Authentication user, Model model) {
		Actor actor = actor(user);
		requireDecide(actor);
		return dataSetPage(id, null, DataSetForm.empty(this.reporting.caseFor(id, actor).getVersion()), actor, model);
	}

	@PostMapping(path = "/incidents/{id}/reporting/data-sets", consumes = FORM)
	String addDataSet(@PathVariable long id, @Valid @ModelAttribute("dataSetForm") DataSetForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = actor(user);
		if (!Refusals.accepted(errors,
				() -> this.reporting.addDataSet(id, form.version(), actor, form.details()))) {
			return dataSetPage(id, null, form, actor, model);
		}
		return done(id, redirect, "dataSet.saved");
	}

	@GetMapping("/incidents/{id}/reporting/data-sets/{dataSetId}")
	String dataSet(@PathVariable long id, @PathVariable long dataSetId, Authentication user, Model model) {
		Actor actor = actor(user);
		requireDecide(actor);
		ReportingCase reportingCase = this.reporting.caseFor(id, actor);
		DataSet dataSet = reportingCase.getDataSets()
			.stream()
			.filter(d -> d.getId() == dataSetId)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return dataSetPage(id, dataSetId, DataSetForm.of(reportingCase.getVersion(), dataSet), actor, model);
	}

	@PostMapping(path = "/incidents/{id}/reporting/data-sets/{dataSetId}", consumes = FORM)
	String changeDataSet(@PathVariable long id, @PathVariable long dataSetId,
			@Valid @ModelAttribute("dataSetForm") DataSetForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		Actor actor = actor(user);
		if (!Refusals.accepted(errors,
				() -> this.reporting.changeDataSet(id, form.version(), actor, dataSetId, form.details()))) {
			return dataSetPage(id, dataSetId, form, actor, model);
		}
		return done(id, redirect, "dataSet.saved");
	}

	@PostMapping(path = "/incidents/{id}/reporting/data-sets/{dataSetId}/delete", consumes = FORM)
	String removeDataSet(@PathVariable long id, @PathVariable long dataSetId, VersionForm form, Authentication user,
			RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.reporting.removeDataSet(id, form.version(), actor(user), dataSetId),
				"dataSet.removed");
		return back(id);
	}

	/** The lead confirms a data set the register proposed. */
	@PostMapping(path = "/incidents/{id}/reporting/data-sets/{dataSetId}/confirm", consumes = FORM)
	String confirmDataSet(@PathVariable long id, @PathVariable long dataSetId, VersionForm form, Authentication user,
			RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.reporting.confirmDataSet(id, form.version(), actor(user), dataSetId),
				"dataSet.confirmed");
		return back(id);
	}

	private String dataSetPage(long id, Long dataSetId, DataSetForm form, Actor actor, Model model) {
		ReportingCase reportingCase = this.reporting.caseFor(id, actor);
		model.addAttribute("incident", this.incidents.find(id, actor));
		model.addAttribute("dataSetId", dataSetId);
		model.addAttribute("version", reportingCase.getVersion());
		model.addAttribute("owners", DataSet.Owner.values());
		model.addAttribute("keyStates", DataSet.KeyState.values());
		addUnlessRefused(model, "dataSetForm", form);
		return "reporting/data-set";
	}

	private void requireDecide(Actor actor) {
		if (!this.reporting.permissionsFor(actor).decide()) {
			throw new org.springframework.security.access.AccessDeniedException("step 2 is the security lead's");
		}
	}

	@PostMapping(path = "/incidents/{id}/reporting/duties/{dutyId}/file", consumes = FORM)
	String file(@PathVariable long id, @PathVariable long dutyId, @Valid @ModelAttribute("fileForm") FileForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = actor(user);
		if (!Refusals.accepted(errors, () -> this.reporting.file(id, form.version(), actor, dutyId, form.filing()))) {
			return pageWithRefused(id, dutyId, "fileForm", actor, model);
		}
		return done(id, redirect, "duty.filed");
	}

	@PostMapping(path = "/incidents/{id}/reporting/duties/{dutyId}/waive", consumes = FORM)
	String waive(@PathVariable long id, @PathVariable long dutyId, @Valid @ModelAttribute("waiveForm") WaiveForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = actor(user);
		if (!Refusals.accepted(errors,
				() -> this.reporting.waive(id, form.version(), actor, dutyId, form.reason()))) {
			return pageWithRefused(id, dutyId, "waiveForm", actor, model);
		}
		return done(id, redirect, "duty.waived");
	}

	/** A late supplementary report (追完), the one change step 2 takes after the incident is closed. */
	@PostMapping(path = "/incidents/{id}/reporting/duties/{dutyId}/supplement", consumes = FORM)
	String supplement(@PathVariable long id, @PathVariable long dutyId,
			@Valid @ModelAttribute("supplementForm") ReportingForms.SupplementForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = actor(user);
		if (!Refusals.accepted(errors, () -> this.reporting.supplement(id, form.version(), actor, dutyId,
				form.filedOn(), form.filingReference(), form.reason()))) {
			return pageWithRefused(id, dutyId, "supplementForm", actor, model);
		}
		return done(id, redirect, "duty.supplemented");
	}

	@PostMapping(path = "/incidents/{id}/reporting/duties/{dutyId}/not-yet-due", consumes = FORM)
	String notYetDue(@PathVariable long id, @PathVariable long dutyId, VersionForm form, Authentication user,
			RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.reporting.markNotYetDue(id, form.version(), actor(user), dutyId),
				"duty.markedNotYetDue");
		return back(id);
	}

	@PostMapping(path = "/incidents/{id}/reporting/duties/{dutyId}/reopen", consumes = FORM)
	String reopen(@PathVariable long id, @PathVariable long dutyId, VersionForm form, Authentication user,
			RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.reporting.reopen(id, form.version(), actor(user), dutyId),
				"duty.reopened");
		return back(id);
	}

	/** The draft's form is on the page of the prepared text it started from; a refusal goes back there. */
	@PostMapping(path = "/incidents/{id}/reporting/announcements", consumes = FORM)
	String draft(@PathVariable long id, @Valid @ModelAttribute("draftForm") DraftForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		if (form == null || form.kind() == null) {
			// only the draft is typed; a kind or version that does not bind did not come from the page
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		Actor actor = actor(user);
		if (!Refusals.accepted(errors, () -> this.reporting.draftAnnouncement(id, form.version(), actor, form.kind(),
				form.draft()))) {
			return text(id, form.textKind(), null, actor, model);
		}
		return done(id, redirect, "announcement.drafted");
	}

	@PostMapping(path = "/incidents/{id}/reporting/announcements/{announcementId}/approve", consumes = FORM)
	String approve(@PathVariable long id, @PathVariable long announcementId, VersionForm form, Authentication user,
			RedirectAttributes redirect) {
		Refusals.flash(redirect,
				() -> this.reporting.approveAnnouncement(id, form.version(), actor(user), announcementId),
				"announcement.approved");
		return back(id);
	}

	/**
	 * A button with a date beside it. Refused, the page comes back with the reason beside that
	 * announcement's date ({@code publishing} names it) and the date as typed; a reason that is
	 * not the date (not approved, published meanwhile) stands above the announcements.
	 */
	@PostMapping(path = "/incidents/{id}/reporting/announcements/{announcementId}/publish", consumes = FORM)
	String publish(@PathVariable long id, @PathVariable long announcementId,
			@Valid @ModelAttribute("publishForm") PublishForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		if (errors.hasFieldErrors("version")) {
			// only the date is typed; a version that does not bind did not come from the page
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		Actor actor = actor(user);
		if (!Refusals.accepted(errors, () -> this.reporting.publishAnnouncement(id, form.version(), actor,
				announcementId, form.publishedOn()))) {
			model.addAttribute("publishing", announcementId);
			return page(id, actor, model);
		}
		return done(id, redirect, "announcement.published");
	}

	@PostMapping(path = "/incidents/{id}/reporting/inquiry-desk", consumes = FORM)
	String inquiryDesk(@PathVariable long id, @Valid @ModelAttribute("inquiryDeskForm") InquiryDeskForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		Actor actor = actor(user);
		if (!Refusals.accepted(errors, () -> this.reporting.updateInquiryDesk(id, form.version(), actor,
				form.openedOn(), form.contact(), form.inquiriesSoFar()))) {
			return page(id, actor, model);
		}
		return done(id, redirect, "inquiryDesk.saved");
	}

	/**
	 * The reporting page. A refused form is already in the model, with its errors and what was
	 * typed; every other form shows the case as it is now. The hidden version is always the
	 * case's current one, so that after "changed meanwhile" the form can be sent again.
	 */
	private String page(long id, Actor actor, Model model) {
		return page(this.reporting.view(id, actor), model);
	}

	private String page(ReportingService.View view, Model model) {
		ReportingCase reportingCase = view.reportingCase();
		model.addAttribute("incident", view.incident());
		model.addAttribute("reportingCase", reportingCase);
		model.addAttribute("duties", view.duties());
		model.addAttribute("lapsed", view.lapsed());
		model.addAttribute("desks", desksByDuty(view.duties()));
		model.addAttribute("leakStatuses", LeakStatus.values());
		model.addAttribute("gdprRisks", GdprRisk.values());
		model.addAttribute("gdprExemptions", GdprExemption.values());
		model.addAttribute("causes", CausedBy.values());
		model.addAttribute("noticeOutcomes", Duty.NoticeOutcome.values());
		model.addAttribute("alternatives", Duty.AlternativeMeasure.values());
		model.addAttribute("announcementKinds", Announcement.Kind.values());
		model.addAttribute("textKinds", FilingTexts.Kind.values());
		model.addAttribute("version", reportingCase.getVersion());
		addUnlessRefused(model, "factsForm", FactsForm.of(reportingCase));
		addUnlessRefused(model, "inquiryDeskForm", InquiryDeskForm.of(reportingCase));
		addUnlessRefused(model, "publishForm", PublishForm.none(reportingCase.getVersion()));
		model.addAttribute("emptyFileForm", FileForm.EMPTY);
		model.addAttribute("emptyWaiveForm", WaiveForm.EMPTY);
		model.addAttribute("emptySupplementForm", ReportingForms.SupplementForm.EMPTY);
		return "reporting/page";
	}

	/**
	 * The page after one duty's form was refused. Every duty has a filing and a waiver form;
	 * only the refused one ({@code refusedForm} of {@code refusedDuty}) shows what was typed, read
	 * from its binding result even where the form did not bind. Its errors for the whole form
	 * stand in that duty's box, or at the top of the list when the duty is no longer on it.
	 */
	private String pageWithRefused(long id, long dutyId, String form, Actor actor, Model model) {
		ReportingService.View view = this.reporting.view(id, actor);
		model.addAttribute("refusedDuty", dutyId);
		model.addAttribute("refusedForm", form);
		model.addAttribute("refusedDutyGone", view.duties().stream().noneMatch(due -> due.duty().getId() == dutyId));
		return page(view, model);
	}

	private String text(long id, FilingTexts.Kind kind, FilingTexts.Addressee addressee, Actor actor, Model model) {
		ReportingCase reportingCase = this.reporting.caseFor(id, actor);
		FilingTexts.Addressee to = (addressee != null) ? addressee
				: FilingTexts.Addressee.defaultFor(reportingCase.getDataSets());
		String text = this.reporting.text(id, actor, kind, kind.addressed() ? to : null);
		long version = reportingCase.getVersion();
		Announcement.Kind announcementKind = switch (kind) {
			case ANNOUNCEMENT_FIRST -> Announcement.Kind.FIRST;
			case ANNOUNCEMENT_FOLLOW_UP -> Announcement.Kind.FOLLOW_UP;
			case ANNOUNCEMENT_FINAL -> Announcement.Kind.FINAL;
			default -> null;
		};
		model.addAttribute("incident", this.incidents.find(id, actor));
		model.addAttribute("kind", kind);
		model.addAttribute("text", text);
		model.addAttribute("version", version);
		model.addAttribute("announcementKind", announcementKind);
		if (kind.addressed()) {
			model.addAttribute("addressee", to);
			model.addAttribute("addressees", FilingTexts.Addressee.values());
		}
		if (announcementKind != null) {
			addUnlessRefused(model, "draftForm", new DraftForm(version, announcementKind, text));
		}
		return "reporting/text";
	}

	/** Where to ask and where to file, next to each report it serves. */
	private Map<DutyType, List<PublicDesks.Desk>> desksByDuty(List<DueDuty> duties) {
		List<DutyType> types = duties.stream().map(due -> due.duty().getType()).filter(type -> type.desks() != null).toList();
		Map<String, List<PublicDesks.Desk>> served = this.desks
			.servingEach(types.stream().map(DutyType::desks).distinct().toList());
		Map<DutyType, List<PublicDesks.Desk>> byDuty = new EnumMap<>(DutyType.class);
		types.forEach(type -> byDuty.put(type, served.get(type.desks())));
		return byDuty;
	}

	private static void addUnlessRefused(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

	private static String done(long id, RedirectAttributes redirect, String notice) {
		redirect.addFlashAttribute("notice", Notice.of(notice));
		return back(id);
	}

	private static Actor actor(Authentication user) {
		return Actor.of(user);
	}

	private static String back(long id) {
		return "redirect:/incidents/" + id + "/reporting";
	}

}
