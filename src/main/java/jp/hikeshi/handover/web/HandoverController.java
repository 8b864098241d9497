package jp.hikeshi.handover.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.handover.Chronology;
import jp.hikeshi.handover.CsvExport;
import jp.hikeshi.handover.PdfDocuments;
import jp.hikeshi.handover.RecordRows;
import jp.hikeshi.handover.RecordWorkbook;
import jp.hikeshi.handover.Signatures;
import jp.hikeshi.incident.TimelineView;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.organisation.Organisation;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.shared.ReadableTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Documents to hand over: the required-items record as an Excel workbook, a print view and a PDF,
 * the full incident report for A4 and as a PDF, and the incident list as CSV. Anyone who may not see an
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

	private final DocumentTemplates templates;

	private final PdfDocuments pdfs;

	private final Clock clock;

	HandoverController(IncidentService incidents, ReportingService reporting, OrganisationService organisations,
			MessageSource messages, People people, TimelineView timeline, PreventionService prevention,
			DocumentTemplates templates, PdfDocuments pdfs, Clock clock) {
		this.templates = templates;
		this.pdfs = pdfs;
		this.clock = clock;
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
			RecordWorkbook.write(drillMark(incident) + label("handover.record.title", JAPANESE) + " " + incident.getReference(),
					label("handover.item", JAPANESE), label("handover.content", JAPANESE), rows, out);
		}
	}

	/** The required-items record: always in Japanese, the language of the guide and of the authorities it goes to. */
	@GetMapping("/incidents/{id}/record/print")
	String recordPrint(@PathVariable long id, Authentication user, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Actor actor = Actor.of(user);
		Incident incident = this.incidents.findForPage(id, actor);
		Map<String, Object> document = recordDocument(incident, actor);
		model.addAttribute("incident", incident);
		model.addAttribute("documentLanguage", JAPANESE.getLanguage());
		model.addAttribute("document", this.templates.fragment("record", JAPANESE, document, request, response));
		return "handover/record";
	}

	@GetMapping("/incidents/{id}/record.pdf")
	ResponseEntity<byte[]> recordPdf(@PathVariable long id, Authentication user, HttpServletRequest request,
			HttpServletResponse response) {
		Actor actor = Actor.of(user);
		Incident incident = this.incidents.findForPage(id, actor);
		Map<String, Object> document = recordDocument(incident, actor);
		document.put("documentTitle",
				drillMark(incident) + label("handover.record.title", JAPANESE) + " " + incident.getReference());
		return pdf(this.templates.pdfSource("record", JAPANESE, document, request, response),
				incident.getReference() + "-record.pdf");
	}

	/**
	 * The full incident report: summary, required items, duties and filings, cause, measures, and
	 * the chronology once. In the reader's language, or in the one asked for ({@code ?language=ja}):
	 * an English reader can still hand the Japanese version to an authority or an insurer.
	 */
	@GetMapping("/incidents/{id}/report")
	String report(@PathVariable long id, @RequestParam(required = false) String language, Authentication user,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Actor actor = Actor.of(user);
		Incident incident = this.incidents.findForPage(id, actor);
		Locale documentLanguage = documentLanguage(language);
		model.addAttribute("incident", incident);
		model.addAttribute("documentLanguage", documentLanguage.getLanguage());
		model.addAttribute("document", this.templates.fragment("report", documentLanguage,
				reportDocument(incident, actor, documentLanguage), request, response));
		return "handover/report";
	}

	@GetMapping("/incidents/{id}/report.pdf")
	ResponseEntity<byte[]> reportPdf(@PathVariable long id, @RequestParam(required = false) String language,
			Authentication user, HttpServletRequest request, HttpServletResponse response) {
		Actor actor = Actor.of(user);
		Incident incident = this.incidents.findForPage(id, actor);
		Locale documentLanguage = documentLanguage(language);
		Map<String, Object> document = reportDocument(incident, actor, documentLanguage);
		document.put("documentTitle", (incident.isDrill() ? label("drill.titlePrefix", documentLanguage) + " " : "")
				+ this.messages.getMessage("handover.report.heading",
						new Object[] { incident.getReference(), incident.getTitle() }, documentLanguage));
		String suffix = documentLanguage.equals(JAPANESE) ? "-report.pdf" : "-report-en.pdf";
		return pdf(this.templates.pdfSource("report", documentLanguage, document, request, response),
				incident.getReference() + suffix);
	}

	private Map<String, Object> recordDocument(Incident incident, Actor actor) {
		Map<String, Object> document = new HashMap<>();
		document.put("incident", incident);
		document.put("organisation", organisation());
		document.put("rows", rows(incident, JAPANESE));
		document.put("signatures", signatures(incident, actor, JAPANESE));
		document.put("documentLanguage", JAPANESE.getLanguage());
		return document;
	}

	private Map<String, Object> reportDocument(Incident incident, Actor actor, Locale language) {
		Map<String, Object> document = new HashMap<>();
		document.put("incident", incident);
		document.put("organisation", organisation());
		document.put("reportedAt", this.timeline.when(incident.getReportedAt(), language));
		document.put("rows", recordRows(language).withChronologyApart(incident, organisation()));
		document.put("chronology",
				Chronology.of(this.timeline.of(incident, language), this.organisations.timeZone(), language));
		document.put("plan", this.prevention.planOf(incident));
		// the reports owed are the lead's and the executive's business, not a responder's
		document.put("showDuties", actor.seesEverything());
		document.put("duties", actor.seesEverything()
				? this.reporting.existingCase(incident.getId())
					.map(c -> this.reporting.view(incident.getId(), actor).duties())
					.orElse(List.of())
				: List.of());
		document.put("signatures", signatures(incident, actor, language));
		document.put("documentLanguage", language.getLanguage());
		return document;
	}

	/** 作成者: the responsible person, else whoever prepares it; 承認者: the executive who approved closing, if any. */
	private Signatures signatures(Incident incident, Actor actor, Locale language) {
		People.Directory directory = this.people.directory();
		String preparedBy = directory.nameWithDepartment(
				(incident.getResponsible() != null) ? incident.getResponsible() : actor.username());
		String approvedBy = directory.nameWithDepartment(incident.getClosingApprovedBy());
		ZoneId zone = this.organisations.timeZone();
		String approvedOn = (incident.getClosingApprovedAt() == null) ? null
				: ReadableTime.day(LocalDate.ofInstant(incident.getClosingApprovedAt(), zone), language);
		return new Signatures(preparedBy, approvedBy, approvedOn,
				ReadableTime.day(LocalDate.now(this.clock.withZone(zone)), language));
	}

	/** Japanese unless English is asked for or is the reader's language. */
	private static Locale documentLanguage(String asked) {
		String language = (asked != null) ? asked : LocaleContextHolder.getLocale().getLanguage();
		return Locale.ENGLISH.getLanguage().equals(language) ? Locale.ENGLISH : JAPANESE;
	}

	private ResponseEntity<byte[]> pdf(String xhtml, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.noStore())
			.body(this.pdfs.render(xhtml));
	}

	/**
	 * The register as CSV, newest first, up to {@value #CSV_LIMIT} incidents, written as they are
	 * read a chunk at a time: at a million incidents, loading the hundred thousand at once ran the
	 * heap out of memory.
	 */
	@GetMapping("/incidents.csv")
	void csv(Authentication user, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		attachment(response, "incidents.csv");
		RecordRows rows = recordRows(JAPANESE);
		List<String> header = List.of("incident.reference", "incident.title", "incident.state", "incident.category",
				"incident.severity", "incident.reportedAt", "incident.discoveredAt", "incident.occurredAt",
				"incident.responsible").stream().map(code -> label(code, JAPANESE)).toList();
		try (OutputStream out = response.getOutputStream()) {
			CsvExport.Lines lines = CsvExport.start(header, out);
			this.incidents.eachNewest(Actor.of(user), CSV_LIMIT, incident -> {
				try {
					lines.add(List.of(incident.getReference(), incident.getTitle(),
							label("IncidentState." + incident.getState(), JAPANESE), rows.categories(incident),
							incident.getSeverity() == null ? "" : label("Severity." + incident.getSeverity(), JAPANESE),
							nullToEmpty(rows.cell(incident.getReportedAt())), nullToEmpty(rows.cell(incident.getDiscoveredAt())),
							nullToEmpty(rows.cell(incident.getOccurredAt())), nullToEmpty(rows.person(incident.getResponsible()))));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			lines.finish();
		}
	}

	/** 【訓練】 before the title of every document of a drill. */
	private String drillMark(Incident incident) {
		return incident.isDrill() ? label("drill.titlePrefix", JAPANESE) + " " : "";
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
