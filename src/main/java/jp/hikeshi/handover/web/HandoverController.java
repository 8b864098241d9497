package jp.hikeshi.handover.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.account.Actor;
import jp.hikeshi.handover.CsvExport;
import jp.hikeshi.account.People;
import jp.hikeshi.handover.RecordRows;
import jp.hikeshi.incident.TimelineView;
import jp.hikeshi.handover.RecordWorkbook;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentSearch;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.organisation.Organisation;
import jp.hikeshi.organisation.OrganisationService;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Documents to hand over: the required-items record as an Excel workbook and as a print view,
 * the full incident report for A4, and the incident list as CSV. Anyone who may not see an
 * incident gets a 404 for its documents too.
 */
@Controller
class HandoverController {

	/** The CSV holds at most this many incidents, newest first. */
	static final int CSV_LIMIT = 100_000;

	private static final Locale JAPANESE = Locale.JAPANESE;

	private final IncidentService incidents;

	private final ReportingService reporting;

	private final OrganisationService organisations;

	private final MessageSource messages;

	private final People people;

	private final TimelineView timeline;

	private final PreventionService prevention;

	HandoverController(IncidentService incidents, ReportingService reporting, OrganisationService organisations,
			MessageSource messages, People people, TimelineView timeline, PreventionService prevention) {
		this.incidents = incidents;
		this.reporting = reporting;
		this.organisations = organisations;
		this.messages = messages;
		this.people = people;
		this.timeline = timeline;
		this.prevention = prevention;
	}

	@GetMapping("/incidents/{id}/record.xlsx")
	void workbook(@PathVariable long id, Authentication user, HttpServletResponse response) throws IOException {
		Incident incident = this.incidents.findForPage(id, Actor.of(user));
		List<RecordRows.Row> rows = rows(incident, JAPANESE);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		attachment(response, incident.getReference() + "_record.xlsx");
		try (OutputStream out = response.getOutputStream()) {
			RecordWorkbook.write(label("handover.record.title", JAPANESE) + " " + incident.getReference(),
					label("handover.item", JAPANESE), label("handover.content", JAPANESE), rows, out);
		}
	}

	@GetMapping("/incidents/{id}/record/print")
	String recordPrint(@PathVariable long id, Authentication user, Model model) {
		Incident incident = this.incidents.findForPage(id, Actor.of(user));
		model.addAttribute("incident", incident);
		model.addAttribute("rows", rows(incident, JAPANESE));
		return "handover/record";
	}

	/** The full incident report: summary, required items, timeline, duties and filings, cause, measures. */
	@GetMapping("/incidents/{id}/report")
	String report(@PathVariable long id, Authentication user, Model model) {
		Actor actor = Actor.of(user);
		Incident incident = this.incidents.findForPage(id, actor);
		RecordRows rows = recordRows(JAPANESE);
		model.addAttribute("incident", incident);
		model.addAttribute("organisation", organisation());
		model.addAttribute("rows", rows.of(incident, organisation()));
		model.addAttribute("timeline", this.timeline.of(incident, JAPANESE));
		model.addAttribute("plan", this.prevention.planOf(incident));
		model.addAttribute("duties", actor.seesEverything()
				? this.reporting.existingCase(id).map(c -> this.reporting.view(id, actor).duties()).orElse(List.of())
				: List.of());
		return "handover/report";
	}

	@GetMapping("/incidents.csv")
	void csv(Authentication user, HttpServletResponse response) throws IOException {
		Page<Incident> page = this.incidents.search(IncidentSearch.none(), Actor.of(user), PageRequest.of(0, CSV_LIMIT));
		response.setContentType("text/csv; charset=UTF-8");
		attachment(response, "incidents.csv");
		RecordRows rows = recordRows(JAPANESE);
		List<String> header = List.of("incident.reference", "incident.title", "incident.state", "incident.category",
				"incident.severity", "incident.reportedAt", "incident.discoveredAt", "incident.occurredAt",
				"incident.responsible").stream().map(code -> label(code, JAPANESE)).toList();
		Iterable<List<String>> lines = page.getContent().stream().map(incident -> List.of(incident.getReference(),
				incident.getTitle(), label("IncidentState." + incident.getState(), JAPANESE),
				rows.categories(incident),
				incident.getSeverity() == null ? "" : label("Severity." + incident.getSeverity(), JAPANESE),
				nullToEmpty(rows.cell(incident.getReportedAt())), nullToEmpty(rows.cell(incident.getDiscoveredAt())),
				nullToEmpty(rows.cell(incident.getOccurredAt())), nullToEmpty(rows.person(incident.getResponsible()))))
			.toList();
		try (OutputStream out = response.getOutputStream()) {
			CsvExport.write(header, lines, out);
		}
	}

	private List<RecordRows.Row> rows(Incident incident, Locale locale) {
		return recordRows(locale).of(incident, organisation());
	}

	private RecordRows recordRows(Locale locale) {
		return new RecordRows(this.messages, locale, this.organisations.timeZone(), this.people.directory(),
				this.timeline);
	}

	private Organisation organisation() {
		return this.organisations.current().orElseThrow();
	}

	private String label(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

	private static void attachment(HttpServletResponse response, String filename) {
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
	}

	private static String nullToEmpty(String value) {
		return (value == null) ? "" : value;
	}

}
