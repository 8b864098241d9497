package jp.hikeshi.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import jp.hikeshi.register.Register;
import jp.hikeshi.register.SystemService;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.Sha256;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import static jp.hikeshi.api.ProblemExamples.MALFORMED;
import static jp.hikeshi.api.ProblemExamples.UNAUTHENTICATED;

/**
 * The register's systems (資産・情報の台帳), read and added by a script — an IT vendor's
 * inventory, say — through {@link SystemService}: the same rules and audit trail as the register's
 * pages. For the security lead and the administrator, who keep the register; anyone else: 404.
 */
@RestController
@RequestMapping(path = "/api/v1/systems", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Register", description = "The systems and the personal data they hold, as on the register's pages")
class SystemsApi {

	static final String EXAMPLE = """
			{"id": 7, "name": "会員サイト", "kind": "EC_SITE", "location": "レンタルサーバー", "owner": "営業部",
			 "vendorId": 3, "internetFacing": true, "backup": "BACKED_UP", "backupLocation": "ホスティング会社の別拠点",
			 "note": null,
			 "dataSets": [
			   {"description": "会員名簿", "kinds": ["FINANCIAL"], "whose": "CUSTOMERS", "clientId": null,
			    "peopleMaximum": 1200, "items": "氏名、住所、カード番号", "encrypted": true,
			    "encryptionMethod": "AES-256", "keyCustody": "情報システム部が鍵管理サービスで保管"}
			 ]}""";

	static final String EXAMPLE_POST = """
			{"name": "会員サイト", "kind": "EC_SITE", "internetFacing": true, "backup": "BACKED_UP",
			 "backupLocation": "ホスティング会社の別拠点",
			 "dataSets": [{"description": "会員名簿", "kinds": ["FINANCIAL"], "whose": "CUSTOMERS", "peopleMaximum": 1200}]}""";

	static final String INVALID = """
			{"type": "about:blank", "title": "Unprocessable Content", "status": 422, "code": "register.data.client.required",
			 "detail": "Choose the client whose data this is.", "instance": "/api/v1/systems",
			 "errors": [{"field": "dataSets[0].clientId", "code": "register.data.client.required",
			             "message": "Choose the client whose data this is."}]}""";

	private final SystemService service;

	private final Register register;

	private final Idempotency idempotency;

	private final JsonMapper json;

	private final ApiProblems problems;

	SystemsApi(SystemService service, Register register, Idempotency idempotency, JsonMapper json,
			ApiProblems problems) {
		this.problems = problems;
		this.service = service;
		this.register = register;
		this.idempotency = idempotency;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "The systems in the register",
			description = """
					The systems in use, by name, each with the personal data it holds (data sets named as in step 2's \
					facts). Retired systems are left out. For the security lead and the administrator; anyone else \
					gets 404.""")
	@ApiResponse(responseCode = "200", description = "The systems in use",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = SystemBody.class)),
					examples = @ExampleObject("[" + EXAMPLE + "]")))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "Not for this caller's roles",
			content = @Content(mediaType = "application/problem+json"))
	List<SystemBody> list() {
		java.util.Map<Long, String> notes = this.service.notesInUse();
		return this.register.systemsInUse().stream().map(system -> SystemBody.of(system, notes.get(system.id()))).toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a system to the register",
			description = """
					Adds a system with its data sets, audited as on the page. Refused (422, nothing saved) with the \
					field named as in the body (`dataSets[0].clientId`): a name already in use (whatever the case, \
					`register.system.name.taken` — so a retried request cannot add the system twice), a vendor or \
					client that is not in the register, a client for data that is not a client's, a count outside \
					0..100,000,000, an encryption method or key custody for data that is not encrypted, a backup \
					location without a backup, more than 50 data sets. With an `Idempotency-Key`, a retried request \
					(same body, within 24 hours) answers with the system the first one added \
					(`Idempotent-Replayed: true`); the same key with another body is refused \
					(`api.idempotency.mismatch`).""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(EXAMPLE_POST))))
	@Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER,
			description = "Optional: 1 to 200 printable ASCII characters; a retry with the same key and body adds nothing.",
			example = "inventory-2026-11-30-001")
	@ApiResponse(responseCode = "201", description = "The system as registered",
			content = @Content(schema = @Schema(implementation = SystemBody.class), examples = @ExampleObject(EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not JSON, a value of the wrong type (an unknown kind), or an Idempotency-Key that is too long or not printable ASCII",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(MALFORMED)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "Not for this caller's roles",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413", description = "The body is over 1 MB",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = "Refused by the register's rules; nothing saved",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(INVALID)))
	ResponseEntity<SystemBody> add(@Valid @RequestBody SystemBody body,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication user,
			HttpServletRequest request) {
		List<SystemBody.SystemDataSet> sets = (body.dataSets() == null) ? List.of() : body.dataSets();
		for (int i = 0; i < sets.size(); i++) {
			if (sets.get(i).ordinaryWithOthers()) {
				throw BusinessRuleViolation.onField("dataSets[" + i + "].kinds", "api.dataSet.ordinaryWithOthers");
			}
		}
		// as sent: an empty header is no key, and refused rather than ignored
		key = request.getHeader(Idempotency.HEADER);
		Idempotency.SystemOutcome outcome;
		try {
			if (key == null) {
				outcome = new Idempotency.SystemOutcome(this.service.add(body.change(), user.getName()), false);
			}
			else if (!Idempotency.isValidKey(key)) {
				throw new InvalidKey();
			}
			else {
				outcome = this.idempotency.onceForSystem(user.getName(), key,
						Sha256.hex(this.json.writeValueAsBytes(body)),
						() -> this.service.add(body.change(), user.getName()));
			}
		}
		catch (BusinessRuleViolation refused) {
			throw (refused.field() == null) ? refused
					: BusinessRuleViolation.onField(apiField(refused.field()), refused.code(), refused.arguments());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CREATED);
		if (outcome.replayed()) {
			answer.header(Idempotency.REPLAYED, "true");
		}
		long id = outcome.systemId();
		return answer.body(SystemBody.of(this.register.systems(List.of(id)).get(0),
				this.service.editable(id).orElseThrow().note()));
	}

	/** An Idempotency-Key that cannot be one: 400, naming the header, as for reports. */
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

	/** {@code dataSets[1].peopleCount} → {@code dataSets[1].peopleMaximum}; the rest keep their names. */
	private static String apiField(String field) {
		return field.endsWith(".peopleCount") ? field.replace(".peopleCount", ".peopleMaximum") : field;
	}

}
