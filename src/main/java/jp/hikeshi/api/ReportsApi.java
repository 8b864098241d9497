package jp.hikeshi.api;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.shared.Sha256;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import static jp.hikeshi.api.ProblemExamples.UNAUTHENTICATED;

/**
 * A report sent by a tool (a mail gateway, an EDR) or a script: the staff report of the page,
 * through the same service, so the same rules apply. Anyone with a token may report.
 */
@RestController
@RequestMapping(path = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports", description = "Open a report, as staff do on the report page")
class ReportsApi {

	private final IncidentService incidents;

	private final Idempotency idempotency;

	private final JsonMapper json;

	private final ApiProblems problems;

	ReportsApi(IncidentService incidents, Idempotency idempotency, JsonMapper json, ApiProblems problems) {
		this.incidents = incidents;
		this.idempotency = idempotency;
		this.json = json;
		this.problems = problems;
	}

	/** What a report made: the incident, its reference number and its state. */
	@Schema(name = "ReportReceipt")
	record Receipt(long id, String reference, IncidentState state) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open a report",
			description = """
					Opens an incident from a report, as a member of staff does on the report page, with the same \
					limits on each field. The security leads are told as for any report. `discoveredAt` (発覚) is \
					now unless given and may not be in the future. `source` names the tool that sends it and is \
					shown to the team beside the reporter. `systemIds` names systems of the register in use (the \
					report form's "which device or service?"); `reportedByVendorId` a vendor of the register that \
					told the company, whose notice is then 発覚. With an `Idempotency-Key`, a retried request (same \
					key, same body, within 24 hours) answers what the first one made — with the header \
					`Idempotent-Replayed: true` — instead of opening a second incident.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "from a mail gateway", value = """
					{"description": "添付ファイル付きの不審なメールを3通隔離しました。送信元: invoice@example.net", \
					"source": "mail gateway"}"""),
			@ExampleObject(name = "everything", value = """
					{"title": "PCの動作が遅い", "description": "経理のPCでファイルが開けない。拡張子が変わっている。", \
					"discoveredAt": "2026-11-30T09:15:00+09:00", "stillHappening": "YES", "affectedSystem": "経理PC-03", \
					"outsideReporter": {"name": "山田 様 (取引先)", "contact": "03-1234-5678"}, "source": "EDR"}""") }))
	@Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER,
			description = "Up to 200 printable ASCII characters; a retry with the same key and body returns the first result",
			example = "b1f4c2e0-mail-4711")
	@ApiResponse(responseCode = "201", description = "The report is in; Location names the incident",
			headers = { @Header(name = "Location", description = "/api/v1/incidents/{id}"),
					@Header(name = Idempotency.REPLAYED, description = "true when this answers an earlier request") },
			content = @Content(schema = @Schema(implementation = Receipt.class), examples = @ExampleObject("""
					{"id": 42, "reference": "INC-2026-00042", "state": "REPORTED"}""")))
	@ApiResponse(responseCode = "400", description = "Not JSON of this shape (an unknown stillHappening, a time without offset), or an Idempotency-Key that is too long or not printable ASCII",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject("""
					{"type": "about:blank", "title": "Bad request", "status": 400, "code": "api.malformed", \
					"detail": "The request body is not valid JSON of the expected shape.", "instance": "/api/v1/reports"}""")))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "413", description = "A body over 1 MB", content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "A body that is not application/json",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422",
			description = "A field is missing, too long or holds control characters (`api.invalid`, each field in `errors`); `discoveredAt` in the future (`incident.report.discoveredInFuture`); an Idempotency-Key already used with another body (`api.idempotency.mismatch`)",
			content = @Content(mediaType = "application/problem+json", examples = {
					@ExampleObject(name = "invalid", value = """
							{"type": "about:blank", "title": "Refused", "status": 422, "code": "api.invalid", \
							"detail": "Some fields are not valid.", "instance": "/api/v1/reports", \
							"errors": [{"field": "description", "code": "NotBlank", "message": "Please fill this in."}]}"""),
					@ExampleObject(name = "key reused", value = """
							{"type": "about:blank", "title": "Refused", "status": 422, "code": "api.idempotency.mismatch", \
							"detail": "This Idempotency-Key was already used for another request in the last 24 hours. Use a new key for a new report.", \
							"instance": "/api/v1/reports"}""") }))
	@ApiResponse(responseCode = "429", description = "Over the token's allowance; see Retry-After",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<Receipt> report(@Valid @RequestBody ReportRequest report,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication user,
			HttpServletRequest request) {
		Actor actor = Actor.of(user);
		// as sent: an empty header is no key, and refused rather than ignored
		key = request.getHeader(Idempotency.HEADER);
		if (key == null) {
			Incident incident = this.incidents.report(report.toReport(), report.systems(), report.reportedByVendorId(), actor);
			return created(request, new Receipt(incident.getId(), incident.getReference(), incident.getState()), false);
		}
		if (!Idempotency.isValidKey(key)) {
			throw new InvalidKey();
		}
		Idempotency.Outcome outcome = this.idempotency.once(actor.username(), key,
				Sha256.hex(this.json.writeValueAsBytes(report)),
				() -> this.incidents.report(report.toReport(), report.systems(), report.reportedByVendorId(), actor));
		return created(request, new Receipt(outcome.incidentId(), outcome.reference(), outcome.state()),
				outcome.replayed());
	}

	/** An Idempotency-Key that cannot be one: 400, naming the header. */
	@ExceptionHandler(InvalidKey.class)
	ProblemDetail invalidKey(HttpServletRequest request) {
		ProblemDetail problem = this.problems.problem(HttpStatus.BAD_REQUEST, "api.badParameter", request,
				Idempotency.HEADER);
		problem.setProperty("parameter", Idempotency.HEADER);
		return problem;
	}

	private static final class InvalidKey extends RuntimeException {

		InvalidKey() {
			super(Idempotency.HEADER, null, false, false);
		}

	}

	private static ResponseEntity<Receipt> created(HttpServletRequest request, Receipt receipt, boolean replayed) {
		ResponseEntity.BodyBuilder answer = ResponseEntity
			.created(URI.create(request.getContextPath() + "/api/v1/incidents/" + receipt.id()));
		if (replayed) {
			answer.header(Idempotency.REPLAYED, "true");
		}
		return answer.body(receipt);
	}

}
