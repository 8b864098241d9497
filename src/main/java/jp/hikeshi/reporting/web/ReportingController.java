package jp.hikeshi.reporting.web;

import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.reporting.Announcement;
import jp.hikeshi.reporting.Answer;
import jp.hikeshi.reporting.FilingTexts;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.reporting.web.ReportingForms.AnnouncementForm;
import jp.hikeshi.reporting.web.ReportingForms.DutyForm;
import jp.hikeshi.reporting.web.ReportingForms.FactsForm;
import jp.hikeshi.reporting.web.ReportingForms.InquiryDeskForm;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Step 2 of an incident (報告・公表): the facts, the reports owed with their deadlines, the
 * texts to file, the public announcements and the inquiry desk. Every change redirects back
 * to the page, which says what happened or what was refused.
 */
@Controller
class ReportingController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final ReportingService reporting;

	private final IncidentService incidents;

	ReportingController(ReportingService reporting, IncidentService incidents) {
		this.reporting = reporting;
		this.incidents = incidents;
	}

	/** Everything still to be filed, most urgent first. */
	@GetMapping("/duties")
	String duties(Authentication user, Model model) {
		model.addAttribute("duties", this.reporting.openDuties(actor(user)));
		return "reporting/duties";
	}

	@GetMapping("/incidents/{id}/reporting")
	String page(@PathVariable long id, Authentication user, Model model) {
		ReportingService.View view = this.reporting.view(id, actor(user));
		ReportingCase reportingCase = view.reportingCase();
		model.addAttribute("incident", view.incident());
		model.addAttribute("reportingCase", reportingCase);
		model.addAttribute("duties", view.duties());
		model.addAttribute("lapsed", view.lapsed());
		model.addAttribute("factsForm", FactsForm.of(reportingCase));
		model.addAttribute("answers", Answer.values());
		model.addAttribute("announcementKinds", Announcement.Kind.values());
		model.addAttribute("textKinds", FilingTexts.Kind.values());
		model.addAttribute("version", reportingCase.getVersion());
		return "reporting/page";
	}

	@GetMapping("/incidents/{id}/reporting/texts/{kind}")
	String text(@PathVariable long id, @PathVariable FilingTexts.Kind kind, Authentication user, Model model) {
		Actor actor = actor(user);
		model.addAttribute("incident", this.incidents.find(id, actor));
		model.addAttribute("kind", kind);
		model.addAttribute("text", this.reporting.text(id, actor, kind));
		model.addAttribute("version", this.reporting.caseFor(id, actor).getVersion());
		model.addAttribute("announcementKind", switch (kind) {
			case ANNOUNCEMENT_FIRST -> Announcement.Kind.FIRST;
			case ANNOUNCEMENT_FOLLOW_UP -> Announcement.Kind.FOLLOW_UP;
			case ANNOUNCEMENT_FINAL -> Announcement.Kind.FINAL;
			default -> null;
		});
		return "reporting/text";
	}

	@PostMapping(path = "/incidents/{id}/reporting/facts", consumes = FORM)
	String facts(@PathVariable long id, @Valid FactsForm form, BindingResult errors, Authentication user,
			RedirectAttributes redirect) {
		return attempt(id, errors, redirect, "reporting.facts.saved", () -> this.reporting.updateFacts(id,
				form.getVersion(), actor(user), form.facts(), form.getDataItems(), form.getSecondaryDamage()));
	}

	@PostMapping(path = "/incidents/{id}/reporting/duties/{dutyId}/file", consumes = FORM)
	String file(@PathVariable long id, @PathVariable long dutyId, @Valid DutyForm form, BindingResult errors,
			Authentication user, RedirectAttributes redirect) {
		return attempt(id, errors, redirect, "duty.filed", () -> this.reporting.file(id, form.getVersion(), actor(user),
				dutyId, form.getFiledOn(), form.getFilingReference()));
	}

	@PostMapping(path = "/incidents/{id}/reporting/duties/{dutyId}/waive", consumes = FORM)
	String waive(@PathVariable long id, @PathVariable long dutyId, @Valid DutyForm form, BindingResult errors,
			Authentication user, RedirectAttributes redirect) {
		return attempt(id, errors, redirect, "duty.waived",
				() -> this.reporting.waive(id, form.getVersion(), actor(user), dutyId, form.getReason()));
	}

	@PostMapping(path = "/incidents/{id}/reporting/duties/{dutyId}/not-yet-due", consumes = FORM)
	String notYetDue(@PathVariable long id, @PathVariable long dutyId, @Valid DutyForm form, BindingResult errors,
			Authentication user, RedirectAttributes redirect) {
		return attempt(id, errors, redirect, "duty.markedNotYetDue",
				() -> this.reporting.markNotYetDue(id, form.getVersion(), actor(user), dutyId));
	}

	@PostMapping(path = "/incidents/{id}/reporting/duties/{dutyId}/reopen", consumes = FORM)
	String reopen(@PathVariable long id, @PathVariable long dutyId, @Valid DutyForm form, BindingResult errors,
			Authentication user, RedirectAttributes redirect) {
		return attempt(id, errors, redirect, "duty.reopened",
				() -> this.reporting.reopen(id, form.getVersion(), actor(user), dutyId));
	}

	@PostMapping(path = "/incidents/{id}/reporting/announcements", consumes = FORM)
	String draft(@PathVariable long id, @Valid AnnouncementForm form, BindingResult errors, Authentication user,
			RedirectAttributes redirect) {
		if (form.getKind() == null || form.getDraft() == null || form.getDraft().isBlank()) {
			errors.reject("announcement.draftRequired");
		}
		return attempt(id, errors, redirect, "announcement.drafted", () -> this.reporting.draftAnnouncement(id,
				form.getVersion(), actor(user), form.getKind(), form.getDraft()));
	}

	@PostMapping(path = "/incidents/{id}/reporting/announcements/{announcementId}/approve", consumes = FORM)
	String approve(@PathVariable long id, @PathVariable long announcementId, @Valid AnnouncementForm form,
			BindingResult errors, Authentication user, RedirectAttributes redirect) {
		return attempt(id, errors, redirect, "announcement.approved",
				() -> this.reporting.approveAnnouncement(id, form.getVersion(), actor(user), announcementId));
	}

	@PostMapping(path = "/incidents/{id}/reporting/announcements/{announcementId}/publish", consumes = FORM)
	String publish(@PathVariable long id, @PathVariable long announcementId, @Valid AnnouncementForm form,
			BindingResult errors, Authentication user, RedirectAttributes redirect) {
		return attempt(id, errors, redirect, "announcement.published", () -> this.reporting.publishAnnouncement(id,
				form.getVersion(), actor(user), announcementId, form.getPublishedOn()));
	}

	@PostMapping(path = "/incidents/{id}/reporting/inquiry-desk", consumes = FORM)
	String inquiryDesk(@PathVariable long id, @Valid InquiryDeskForm form, BindingResult errors, Authentication user,
			RedirectAttributes redirect) {
		return attempt(id, errors, redirect, "inquiryDesk.saved", () -> this.reporting.updateInquiryDesk(id,
				form.getVersion(), actor(user), form.getOpenedOn(), form.getContact(), form.getInquiries()));
	}

	private String attempt(long id, BindingResult errors, RedirectAttributes redirect, String notice, Runnable action) {
		if (errors.hasErrors()) {
			redirect.addFlashAttribute("problem", problemOf(errors));
			return back(id);
		}
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		catch (ObjectOptimisticLockingFailureException conflict) {
			redirect.addFlashAttribute("problem", "incident.conflict");
		}
		return back(id);
	}

	/** One clear message for the first thing wrong with a form. */
	private static String problemOf(BindingResult errors) {
		if (errors.hasGlobalErrors()) {
			return errors.getGlobalErrors().get(0).getCode();
		}
		FieldError error = errors.getFieldErrors().get(0);
		return switch (error.getField()) {
			case "peopleCount" -> "facts.peopleCountAbsurd";
			case "filingReference" -> "Size".equals(error.getCode()) ? "duty.referenceTooLong" : "duty.referenceInvalid";
			case "filedOn" -> "duty.filedOnRequired";
			case "reason" -> "duty.reasonInvalid";
			case "publishedOn" -> "announcement.publishedOnInvalid";
			case "openedOn" -> "inquiryDesk.openedOnInvalid";
			case "inquiries" -> "inquiryDesk.negative";
			case "draft" -> "announcement.draftInvalid";
			default -> "incident.invalidInput";
		};
	}

	private static Actor actor(Authentication user) {
		return Actor.of(user);
	}

	private static String back(long id) {
		return "redirect:/incidents/" + id + "/reporting";
	}

}
