package jp.hikeshi.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.api.DutyBody.DutyApiType;
import jp.hikeshi.api.DutyBody.DutyDue;
import jp.hikeshi.api.DutyBody.DutyIncident;
import jp.hikeshi.incident.IncidentNotFoundException;
import jp.hikeshi.reporting.Deadline.Urgency;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.Happened;
import jp.hikeshi.shared.PlainText;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static jp.hikeshi.api.ProblemExamples.UNAUTHENTICATED;
import static jp.hikeshi.api.ProblemExamples.NOT_FOUND;
import static jp.hikeshi.api.ProblemExamples.MALFORMED;
import static jp.hikeshi.api.ProblemExamples.CONFLICT;

/**
 * The reports owed (DOMAIN.md §4): an incident's, and every one still owed across the incidents
 * the caller may see, with their deadlines counted as the law counts them; a filing or a waiver
 * recorded through {@link ReportingService#file} and {@link ReportingService#waive}, with the
 * same guards as the reporting page. A report is named in the path by its type (there is at
 * most one of each per incident); a type the API does not know, or one the incident does not
 * owe, is 404 — the path names nothing.
 */
@RestController
@Tag(name = "Reporting (step 2)")
class DutiesApi {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	private static final String LIST_EXAMPLE = "{\"incidentId\": 42, \"reference\": \"INC-2026-00042\", \"version\": 8, \"duties\": ["
			+ DutyBody.EXAMPLE + "]}";

	private static final String DUE_EXAMPLE = """
			{"due": "soon", "duties": [
			 {"incident": {"id": 42, "reference": "INC-2026-00042", "title": "会員サイトへの不正アクセス"},
			  "id": 311, "type": "POLICE", "label": "警察への届出・相談", "provisional": false, "state": "TO_DO",
			  "stateLabel": "未対応", "reasons": [{"code": "duty.reason.crime", "message": "犯罪の疑いがあります。"}],
			  "source": "…", "rule": "PROMPTLY", "deadline": null, "target": null, "urgency": "PROMPTLY",
			  "urgencyLabel": "速やかに（今すぐ着手）", "daysLeft": null, "filing": null, "waiver": null,
			  "decidedBy": null, "decidedAt": null}]}""";

	private static final String BAD_PARAMETER = """
			{"type": "about:blank", "title": "Bad Request", "status": 400, "code": "api.badParameter",
			 "detail": "The value of \\"due\\" is missing or not in the expected form.", "instance": "/api/v1/duties", "parameter": "due"}""";

	private static final String FILING_REFUSED = """
			{"type": "about:blank", "title": "Unprocessable Content", "status": 422, "code": "duty.filedInFuture",
			 "detail": "The day filed cannot be in the future.", "instance": "/api/v1/incidents/42/duties/PPC_PRELIMINARY/filing",
			 "errors": [{"field": "filedOn", "code": "duty.filedInFuture", "message": "The day filed cannot be in the future."}]}""";

	private static final String WAIVER_REFUSED = """
			{"type": "about:blank", "title": "Unprocessable Content", "status": 422, "code": "duty.waiverReasonRequired",
			 "detail": "Give the reason for not filing.", "instance": "/api/v1/incidents/42/duties/IPA/waiver",
			 "errors": [{"field": "reason", "code": "duty.waiverReasonRequired", "message": "Give the reason for not filing."}]}""";

	private final ReportingService reporting;

	private final People people;

	private final MessageSource messages;

	DutiesApi(ReportingService reporting, People people, MessageSource messages) {
		this.reporting = reporting;
		this.people = people;
		this.messages = messages;
	}

	/** An incident's reports owed, and the version a filing or a waiver sends back. */
	@Schema(name = "IncidentDuties")
	record DutyList(long incidentId, String reference,
			@Schema(description = "The version of the facts and reports: send it with a filing or a waiver.") long version,
			List<DutyBody> duties) {
	}

	/** The reports still owed across incidents. */
	@Schema(name = "DueDuties")
	record DutyDueList(String due, List<DutyDue> duties) {
	}

	/**
	 * A report filed, as the reporting page's form records it.
	 * @param outcome for the notice to the people: whether all were reached
	 * @param alternative where some were not: the announcement or the inquiry desk that served instead
	 */
	@Schema(name = "DutyFilingRequest")
	record DutyFilingRequest(@Schema(description = "The version the caller saw (from the duties or the facts).") @NotNull Long version,
			@Schema(description = "The day it was filed: not before 発覚, not in the future.", example = "2026-12-03") @Happened LocalDate filedOn,
			@Schema(description = "The authority's reference (受付番号).") @Size(max = Duty.MAX_REFERENCE_LENGTH) @PlainText String reference,
			@Schema(description = "EU authority only: why the notice came after 72 hours (required then).")
			@Size(max = 1000) @PlainText(multiline = true) String lateReason,
			@Schema(description = "Notice to the people only (required there): ALL_NOTIFIED, PARTLY_WITH_ALTERNATIVE, ALTERNATIVE_ONLY.")
			Duty.NoticeOutcome outcome,
			@Schema(description = "Where not all were reached: ANNOUNCEMENT (published) or INQUIRY_DESK (open).")
			Duty.AlternativeMeasure alternative) {
	}

	/** A supplementary report (追完) to one filed: also after the incident is closed. */
	@Schema(name = "DutySupplementRequest")
	record DutySupplementRequest(@NotNull Long version,
			@Schema(description = "The day it was filed: not before 発覚, not in the future.", example = "2027-01-20") @Happened LocalDate filedOn,
			@Schema(description = "The authority's reference (受付番号).") @Size(max = Duty.MAX_REFERENCE_LENGTH) @PlainText String reference,
			@Schema(description = "Why it is filed (required).") @Size(max = 1000) @PlainText(multiline = true) String reason) {
	}

	@Schema(name = "DutyWaiverRequest")
	record DutyWaiverRequest(@NotNull Long version,
			@Schema(description = "Why it is not to be filed (required).") @Size(max = 1000) @PlainText(multiline = true) String reason) {
	}

	@GetMapping(path = "/api/v1/incidents/{id}/duties", produces = JSON)
	@Operation(summary = "The reports an incident owes",
			description = """
					Each report that applies or may apply (要判断, `provisional`), with its reasons, legal basis, \
					deadline (the legal limit as a day in Japan and the moment it ends; null for "promptly" and for \
					none) and target (day 3 of a preliminary report), urgency now, and the filing or waiver recorded. \
					Deadlines count from 発覚, the day of 発覚 being day 1. For the security lead and the executive.""")
	@ApiResponse(responseCode = "200", description = "The reports owed",
			content = @Content(schema = @Schema(implementation = DutyList.class), examples = @ExampleObject(LIST_EXAMPLE)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or not one the caller may see",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	DutyList duties(@PathVariable long id, Authentication user) {
		return list(this.reporting.view(id, Actor.of(user)));
	}

	@PostMapping(path = "/api/v1/incidents/{id}/duties/{type}/filing", consumes = JSON, produces = JSON)
	@Operation(summary = "Record a report as filed",
			description = """
					Records that the report was filed, on a day and under the authority's reference, as the reporting \
					page does: not before 発覚, not in the future; the EU authority after 72 hours needs `lateReason`; \
					the notice to the people needs `outcome` (and an `alternative` already in place where not all were \
					reached). Filing the notice to the client frees the client's data from the company's own reports. \
					Answers with the incident's reports owed as they are now. `type` is one of the Duty types; an \
					unknown type or one the incident does not owe is 404. For the security lead.""",
			requestBody = @RequestBody(content = @Content(examples = @ExampleObject("""
					{"version": 8, "filedOn": "2026-12-03", "reference": "PPC-2026-12345"}"""))))
	@ApiResponse(responseCode = "200", description = "Filed; the reports owed as they are now",
			content = @Content(schema = @Schema(implementation = DutyList.class), examples = @ExampleObject(LIST_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not JSON, or a value of the wrong type",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(MALFORMED)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident or report, or not one the caller may see",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	@ApiResponse(responseCode = "409", description = "The version sent is no longer current",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(CONFLICT)))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = "Refused, with the field to correct; nothing recorded",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(FILING_REFUSED)))
	DutyList file(@PathVariable long id,
			@Parameter(description = "The report, as Duty.type names it", example = "PPC_PRELIMINARY") @PathVariable String type,
			@Valid @org.springframework.web.bind.annotation.RequestBody DutyFilingRequest body, Authentication user) {
		Actor actor = Actor.of(user);
		long dutyId = dutyOf(id, type, actor);
		try {
			this.reporting.file(id, body.version(), actor, dutyId, new ReportingCase.Filing(body.filedOn(),
					body.reference(), body.lateReason(), body.outcome(), body.alternative()));
		}
		catch (BusinessRuleViolation refused) {
			throw "filingReference".equals(refused.field())
					? BusinessRuleViolation.onField("reference", refused.code(), refused.arguments()) : refused;
		}
		return list(this.reporting.view(id, actor));
	}

	@PostMapping(path = "/api/v1/incidents/{id}/duties/{type}/waiver", consumes = JSON, produces = JSON)
	@Operation(summary = "Decide not to file a report",
			description = """
					Records that the report is not to be filed, with the reason, as the reporting page does. Answers \
					with the incident's reports owed as they are now. An unknown type or one the incident does not \
					owe is 404. For the security lead.""",
			requestBody = @RequestBody(content = @Content(examples = @ExampleObject("""
					{"version": 8, "reason": "IPAへの届出は任意のため、今回は行わない"}"""))))
	@ApiResponse(responseCode = "200", description = "Waived; the reports owed as they are now",
			content = @Content(schema = @Schema(implementation = DutyList.class), examples = @ExampleObject(LIST_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not JSON, or a value of the wrong type",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(MALFORMED)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident or report, or not one the caller may see",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	@ApiResponse(responseCode = "409", description = "The version sent is no longer current",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(CONFLICT)))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = "Refused, with the field to correct; nothing recorded",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(WAIVER_REFUSED)))
	DutyList waive(@PathVariable long id,
			@Parameter(description = "The report, as Duty.type names it", example = "IPA") @PathVariable String type,
			@Valid @org.springframework.web.bind.annotation.RequestBody DutyWaiverRequest body, Authentication user) {
		Actor actor = Actor.of(user);
		this.reporting.waive(id, body.version(), actor, dutyOf(id, type, actor), body.reason());
		return list(this.reporting.view(id, actor));
	}

	@PostMapping(path = "/api/v1/incidents/{id}/duties/{type}/supplement", consumes = JSON, produces = JSON)
	@Operation(summary = "Record a supplementary report (追完)",
			description = """
					Records a report that adds to one already filed, with the day, the reference and the reason 					(required), as the reporting page does; it goes on the timeline. The one change step 2 takes 					once the incident is closed: every other change to a closed incident is refused (422, 					`duty.incidentClosed`), as is any change before the report is triaged (`duty.notTriaged`). 					For the security lead.""",
			requestBody = @RequestBody(content = @Content(examples = @ExampleObject("""
					{"version": 12, "filedOn": "2027-01-20", "reference": "PPC-2027-0042", "reason": "侵入経路が後から判明したため"}"""))))
	@ApiResponse(responseCode = "200", description = "Recorded; the reports owed as they are now",
			content = @Content(schema = @Schema(implementation = DutyList.class), examples = @ExampleObject(LIST_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not JSON, or a value of the wrong type",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(MALFORMED)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident or report, or not one the caller may see",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	@ApiResponse(responseCode = "409", description = "The version sent is no longer current",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(CONFLICT)))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = "Refused (no reason, the report not filed yet), with the field to correct; nothing recorded",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(WAIVER_REFUSED)))
	DutyList supplement(@PathVariable long id,
			@Parameter(description = "The report, as Duty.type names it", example = "PPC_FINAL") @PathVariable String type,
			@Valid @org.springframework.web.bind.annotation.RequestBody DutySupplementRequest body, Authentication user) {
		Actor actor = Actor.of(user);
		try {
			this.reporting.supplement(id, body.version(), actor, dutyOf(id, type, actor), body.filedOn(),
					body.reference(), body.reason());
		}
		catch (BusinessRuleViolation refused) {
			throw "filingReference".equals(refused.field())
					? BusinessRuleViolation.onField("reference", refused.code(), refused.arguments()) : refused;
		}
		return list(this.reporting.view(id, actor));
	}

	@GetMapping(path = "/api/v1/duties", produces = JSON)
	@Operation(summary = "Every report still owed, across incidents",
			description = """
					Every report to do (or marked not yet due) on the open incidents the caller may see, most urgent \
					first. `due=soon`: due now but not past its limit — urgency DUE_SOON or PROMPTLY (「速やかに」 \
					counts as due now); `due=overdue`: past its limit; `due=all` (the default): everything still owed. For the \
					security lead and the executive.""")
	@ApiResponse(responseCode = "200", description = "The reports still owed",
			content = @Content(schema = @Schema(implementation = DutyDueList.class), examples = @ExampleObject(DUE_EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "`due` is none of soon, overdue, all",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(BAD_PARAMETER)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "The caller's roles do not cover step 2",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	DutyDueList due(
			@Parameter(description = "Which: soon (DUE_SOON or PROMPTLY), overdue, all",
					schema = @Schema(allowableValues = { "soon", "overdue", "all" }, defaultValue = "all"))
			@RequestParam(defaultValue = "all") @Pattern(regexp = "soon|overdue|all") String due,
			Authentication user) {
		Locale locale = LocaleContextHolder.getLocale();
		People.Directory directory = this.people.directory();
		List<DutyDue> duties = this.reporting.openDuties(Actor.of(user))
			.stream()
			.filter(duty -> switch (due) {
				case "soon" -> duty.urgency() == Urgency.DUE_SOON
						|| duty.urgency() == Urgency.PROMPTLY;
				case "overdue" -> duty.urgency() == Urgency.OVERDUE;
				default -> true;
			})
			.map(duty -> new DutyDue(new DutyIncident(duty.incidentId(), duty.reference(), duty.title()),
					DutyBody.of(duty, this.messages, locale, directory, this.reporting.zone())))
			.toList();
		return new DutyDueList(due, duties);
	}

	/** The id of the report the path names, if the incident owes it (else 404, as for anything not there). */
	private long dutyOf(long incidentId, String type, Actor actor) {
		DutyApiType named = DutyApiType.named(type).orElseThrow(() -> new IncidentNotFoundException(incidentId));
		return this.reporting.view(incidentId, actor)
			.duties()
			.stream()
			.map(DueDuty::duty)
			.filter(duty -> duty.getType() == named.type())
			.findFirst()
			.orElseThrow(() -> new IncidentNotFoundException(incidentId))
			.getId();
	}

	private DutyList list(ReportingService.View view) {
		Locale locale = LocaleContextHolder.getLocale();
		People.Directory directory = this.people.directory();
		return new DutyList(view.incident().getId(), view.incident().getReference(), view.reportingCase().getVersion(),
				view.duties()
					.stream()
					.map(due -> DutyBody.of(due, this.messages, locale, directory, this.reporting.zone()))
					.toList());
	}

}
