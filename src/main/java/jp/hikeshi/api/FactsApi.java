package jp.hikeshi.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.api.FactsBody.FactsDataSet;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.reporting.DataSet;
import jp.hikeshi.reporting.Facts;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.PlainTextValidator;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static jp.hikeshi.api.ProblemExamples.UNAUTHENTICATED;
import static jp.hikeshi.api.ProblemExamples.NOT_FOUND;
import static jp.hikeshi.api.ProblemExamples.MALFORMED;
import static jp.hikeshi.api.ProblemExamples.CONFLICT;

/**
 * Step 2's facts (DOMAIN.md §4), read and replaced whole — the answers and the data sets in one
 * transaction, through {@link ReportingService#replaceFacts}: the same checks, timeline lines and
 * duties as the reporting page's forms. Allowed as soon as the incident exists: the reports owed
 * are worked out, provisionally, from 発覚.
 */
@RestController
@RequestMapping(path = "/api/v1/incidents/{id}/facts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reporting (step 2)")
class FactsApi {

	static final String EXAMPLE = """
			{
			  "personalData": "OCCURRED",
			  "ruledOutReason": null,
			  "dataSets": [
			    {"id": 41, "description": "会員名簿", "kinds": ["ORDINARY"], "whose": "CUSTOMERS",
			     "peopleConfirmed": 800, "peopleMaximum": 1200, "encryption": "NONE", "capturedInClear": false,
			     "items": "氏名、住所、電話番号", "medium": "会員サイトのデータベース", "publiclyViewable": false,
			     "encryptionMethod": null}
			  ],
			  "improperPurpose": true,
			  "improperPurposeReason": null,
			  "crimeSuspected": true,
			  "virusOrUnauthorisedAccess": true,
			  "workForClient": false,
			  "clientInformed": false,
			  "telecomSecrecy": false,
			  "gdpr": {"applies": false, "memberStates": [], "risk": "UNASSESSED", "exemption": "NONE",
			           "establishment": false, "offersToEu": false, "monitorsEu": false, "euDataSubjects": false},
			  "cause": "会員サイトの脆弱性を突いた不正アクセス",
			  "causedBy": "THIRD_PARTY",
			  "secondaryDamage": "現時点で二次被害は確認されていない",
			  "version": 7
			}""";

	static final String EXAMPLE_PUT = """
			{
			  "personalData": "OCCURRED",
			  "dataSets": [
			    {"kinds": ["ORDINARY"], "whose": "CUSTOMERS", "peopleConfirmed": 1001, "peopleMaximum": 1001,
			     "encryption": "NONE", "capturedInClear": false}
			  ],
			  "improperPurpose": true,
			  "crimeSuspected": true,
			  "virusOrUnauthorisedAccess": true,
			  "gdpr": {"applies": false},
			  "version": 7
			}""";

	static final String INVALID = """
			{"type": "about:blank", "title": "Unprocessable Content", "status": 422, "code": "dataSet.maximumBelowConfirmed",
			 "detail": "The maximum number must be at least the confirmed number (800 people).",
			 "instance": "/api/v1/incidents/42/facts",
			 "errors": [{"field": "dataSets[1].peopleMaximum", "code": "dataSet.maximumBelowConfirmed",
			             "message": "The maximum number must be at least the confirmed number (800 people)."}]}""";

	/** The model's names of what a refusal concerns, and the API's. */
	private static final Map<String, String> FIELDS = Map.of("leakRuledOutReason", "ruledOutReason",
			"gdprMemberStates", "gdpr.memberStates");

	private static final Map<String, String> DATA_SET_FIELDS = Map.of("confirmedCount", "peopleConfirmed",
			"maximumCount", "peopleMaximum", "encrypted", "encryption", "keyState", "encryption");

	private final ReportingService reporting;

	private final IncidentService incidents;

	private final MessageSource messages;

	FactsApi(ReportingService reporting, IncidentService incidents, MessageSource messages) {
		this.reporting = reporting;
		this.incidents = incidents;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "An incident's step-2 facts",
			description = """
					What decides the reports owed: whether personal data leaked (or may have), each set of personal data \
					with its kinds, owner, counts and protection, a possible improper purpose, a suspected crime, work \
					for a client, GDPR. `version` is what a PUT or a filing sends back. For the security lead and the \
					executive; anyone else gets 404.""")
	@ApiResponse(responseCode = "200", description = "The facts",
			content = @Content(schema = @Schema(implementation = FactsBody.class), examples = @ExampleObject(EXAMPLE)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or not one the caller may see",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	FactsBody get(@PathVariable long id, Authentication user) {
		return FactsBody.of(this.reporting.caseFor(id, Actor.of(user)));
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace an incident's step-2 facts",
			description = """
					Replaces the facts and the data sets in one transaction: a data set with an `id` is changed, one \
					without is added, one left out is removed; a yes/no left out is "no". Nothing is saved when \
					anything is refused (422, each field named as in the body: `dataSets[1].peopleMaximum`). The \
					reports owed are worked out again and the timeline records what changed, as on the page. \
					`version` is optional; given and stale, 409. A data set without a description is named from its \
					kinds and owner in Japanese. `workForClient` follows from the data sets (a data set whose `whose` \
					is CLIENT); given, it must agree. `gdpr.applies: true` without any ground records the commonest \
					ground (EU data subjects to whom the company offers goods or services). Allowed from the moment \
					the incident is reported. For the security lead (the executive reads only: 422 duty.leadOnly).""",
			requestBody = @RequestBody(content = @Content(examples = @ExampleObject(EXAMPLE_PUT))))
	@ApiResponse(responseCode = "200", description = "The facts as saved",
			content = @Content(schema = @Schema(implementation = FactsBody.class), examples = @ExampleObject(EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not JSON, or a value of the wrong type (an unknown enum value)",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(MALFORMED)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or not one the caller may see",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	@ApiResponse(responseCode = "409", description = "The version sent is no longer current",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(CONFLICT)))
	@ApiResponse(responseCode = "413", description = "The body is over 1 MB",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = "A fact or a data set refused; nothing saved",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(INVALID)))
	FactsBody put(@PathVariable long id, @Valid @org.springframework.web.bind.annotation.RequestBody FactsBody body,
			Authentication user) {
		Actor actor = Actor.of(user);
		this.incidents.find(id, actor);
		List<FactsDataSet> sets = body.sets();
		List<ReportingCase.DataSetChange> changes = new ArrayList<>();
		for (int i = 0; i < sets.size(); i++) {
			FactsDataSet set = sets.get(i);
			if (set.ordinaryWithOthers()) {
				throw BusinessRuleViolation.onField("dataSets[" + i + "].kinds", "api.dataSet.ordinaryWithOthers");
			}
			boolean named = set.description() != null && !set.description().isBlank();
			changes.add(set.change(named ? set.description() : describe(set)));
		}
		requireAgreement(body, changes);
		if (body.gdpr() != null && !PlainTextValidator.isPlain(body.gdpr().memberStatesText(), false)) {
			throw BusinessRuleViolation.onField("gdpr.memberStates", "PlainText");
		}
		try {
			this.reporting.replaceFacts(id, body.version(), actor, body.facts(), body.secondaryDamage(), changes);
		}
		catch (BusinessRuleViolation refused) {
			throw (refused.field() == null) ? refused
					: BusinessRuleViolation.onField(apiField(refused.field()), refused.code(), refused.arguments());
		}
		return FactsBody.of(this.reporting.caseFor(id, actor));
	}

	/** The answers the API derives must agree with what they derive from, if a script sends them. */
	private static void requireAgreement(FactsBody body, List<ReportingCase.DataSetChange> changes) {
		boolean forClient = changes.stream().anyMatch(change -> change.details().whose() == DataSet.Owner.CLIENT);
		if (body.workForClient() != null && body.workForClient() != forClient) {
			throw BusinessRuleViolation.onField("workForClient", "api.facts.workForClientDisagrees");
		}
		Facts facts = body.facts();
		if (body.gdpr() != null && body.gdpr().applies() != null && body.gdpr().applies() != facts.gdprApplies()) {
			throw BusinessRuleViolation.onField("gdpr.applies", "api.facts.gdprAppliesDisagrees");
		}
	}

	/** A data set's name made from its kinds and owner, in the company's record language: 「顧客の個人データ（要配慮、マイナンバー）」. */
	private String describe(FactsDataSet set) {
		Locale japanese = Locale.JAPANESE;
		String whose = this.messages.getMessage("api.dataSet.whose." + set.whose().name(), null, japanese);
		List<String> kinds = set.specialKinds()
			.stream()
			.map(kind -> this.messages.getMessage(switch (kind) {
				case SENSITIVE -> "dataSet.sensitive.short";
				case FINANCIAL -> "dataSet.financial.short";
				case MY_NUMBER -> "dataSet.myNumber.short";
				case ORDINARY -> "dataSet.ordinary";
			}, null, japanese))
			.toList();
		if (kinds.isEmpty()) {
			return this.messages.getMessage("api.dataSet.description.ordinary", new Object[] { whose }, japanese);
		}
		String listed = kinds.stream()
			.reduce((first, second) -> this.messages.getMessage("list.pair", new Object[] { first, second }, japanese))
			.orElseThrow();
		return this.messages.getMessage("api.dataSet.description", new Object[] { whose, listed }, japanese);
	}

	/** {@code dataSets[1].maximumCount} → {@code dataSets[1].peopleMaximum}; {@code leakRuledOutReason} → {@code ruledOutReason}. */
	private static String apiField(String field) {
		int dot = field.lastIndexOf('.');
		if (field.startsWith("dataSets[") && dot > 0) {
			String name = field.substring(dot + 1);
			return field.substring(0, dot + 1) + DATA_SET_FIELDS.getOrDefault(name, name);
		}
		return FIELDS.getOrDefault(field, field);
	}

}
