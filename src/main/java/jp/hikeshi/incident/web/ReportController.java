package jp.hikeshi.incident.web;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineView;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.register.Register;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff: report something suspicious (from any page, in plain words, on a phone), then follow
 * their own reports and add to them. They never see the response team's internal notes.
 */
@Controller
class ReportController {

	private final IncidentService incidents;

	private final TimelineView timeline;

	private final People people;

	private final Register register;

	ReportController(IncidentService incidents, TimelineView timeline, People people, Register register) {
		this.register = register;
		this.incidents = incidents;
		this.timeline = timeline;
		this.people = people;
	}

	@ModelAttribute("stillHappeningOptions")
	List<StillHappening> stillHappeningOptions() {
		return List.of(StillHappening.values());
	}

	@GetMapping("/report")
	String form(Model model) {
		model.addAttribute("form",
				ReportForm.noticedAt(LocalDateTime.now(this.incidents.zone()).truncatedTo(ChronoUnit.MINUTES)));
		return formPage(model);
	}

	@PostMapping(path = "/report", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String report(@Valid @ModelAttribute("form") ReportForm form, BindingResult errors, Authentication user,
			Model model) {
		AtomicReference<Incident> reported = new AtomicReference<>();
		if (!Refusals.accepted(errors,
				() -> reported.set(report(form, user)))) {
			return formPage(model);
		}
		return "redirect:/reports/" + reported.get().getId() + "/sent";
	}

	/**
	 * The form with the register's systems in use ("which device or service?" is a choice, free
	 * text beside it) and its vendors: read only when the form is shown, not for a report that is
	 * accepted and redirected.
	 */
	private String formPage(Model model) {
		model.addAttribute("systems", this.register.systemsInUse());
		model.addAttribute("vendors", this.register.vendors());
		return "report/form";
	}

	/** The service names a refused system by its place in the list; the form has one choice. */
	private Incident report(ReportForm form, Authentication user) {
		try {
			return this.incidents.report(form.toCommand(this.incidents.zone()), form.systemIds(),
					form.getReportedByVendorId(), Actor.of(user));
		}
		catch (BusinessRuleViolation refused) {
			if (refused.field() != null && refused.field().startsWith("systemIds")) {
				throw BusinessRuleViolation.onField("systemId", refused.code(), refused.arguments());
			}
			throw refused;
		}
	}

	/** The thanks, what to do now, and whom to call: the security leads, by name and number. */
	@GetMapping("/reports/{id}/sent")
	String sent(@PathVariable long id, Authentication user, Model model) {
		model.addAttribute("incident", this.incidents.findOwnReport(id, Actor.of(user)));
		model.addAttribute("leads", this.people.reachable(Role.SECURITY_LEAD));
		return "report/sent";
	}

	@GetMapping("/reports")
	String mine(@RequestParam(defaultValue = "0") int page, Authentication user, Model model) {
		model.addAttribute("reports", this.incidents.myReports(Actor.of(user), Math.max(0, page)));
		return "report/list";
	}

	@GetMapping("/reports/{id}")
	String detail(@PathVariable long id, Authentication user, Model model) {
		model.addAttribute("form", InformationForm.empty());
		return ownReport(id, user, model);
	}

	@PostMapping(path = "/reports/{id}/information", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String addInformation(@PathVariable long id, @Valid @ModelAttribute("form") InformationForm form,
			BindingResult errors, Authentication user, Model model, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.incidents.addInformation(id, Actor.of(user), form.text()))) {
			return ownReport(id, user, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("report.informationAdded"));
		return "redirect:/reports/" + id;
	}

	private String ownReport(long id, Authentication user, Model model) {
		Incident incident = this.incidents.findOwnReport(id, Actor.of(user));
		model.addAttribute("incident", incident);
		model.addAttribute("history", this.timeline.forReporter(incident, LocaleContextHolder.getLocale()));
		return "report/detail";
	}

}
