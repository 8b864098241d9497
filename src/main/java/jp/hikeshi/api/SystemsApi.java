package jp.hikeshi.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import jp.hikeshi.register.Register;
import jp.hikeshi.register.SystemService;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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

	SystemsApi(SystemService service, Register register) {
		this.service = service;
		this.register = register;
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
		return this.register.systemsInUse()
			.stream()
			.map(system -> SystemBody.of(system, this.service.editable(system.id()).orElseThrow().note()))
			.toList();
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a system to the register",
			description = """
					Adds a system with its data sets, audited as on the page. Refused (422, nothing saved) with the \
					field named as in the body (`dataSets[0].clientId`): a name already in use (whatever the case, \
					`register.system.name.taken` — so a retried request cannot add the system twice), a vendor or \
					client that is not in the register, a client for data that is not a client's, a count outside \
					0..100,000,000, an encryption method or key custody for data that is not encrypted, a backup \
					location without a backup, more than 50 data sets.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(EXAMPLE_POST))))
	@ApiResponse(responseCode = "201", description = "The system as registered",
			content = @Content(schema = @Schema(implementation = SystemBody.class), examples = @ExampleObject(EXAMPLE)))
	@ApiResponse(responseCode = "400", description = "Not JSON, or a value of the wrong type (an unknown kind)",
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
	SystemBody add(@Valid @RequestBody SystemBody body, Authentication user) {
		List<SystemBody.SystemDataSet> sets = (body.dataSets() == null) ? List.of() : body.dataSets();
		for (int i = 0; i < sets.size(); i++) {
			if (sets.get(i).ordinaryWithOthers()) {
				throw BusinessRuleViolation.onField("dataSets[" + i + "].kinds", "api.dataSet.ordinaryWithOthers");
			}
		}
		long id;
		try {
			id = this.service.add(body.change(), user.getName());
		}
		catch (BusinessRuleViolation refused) {
			throw (refused.field() == null) ? refused
					: BusinessRuleViolation.onField(apiField(refused.field()), refused.code(), refused.arguments());
		}
		return SystemBody.of(this.register.systems(List.of(id)).get(0), body.note());
	}

	/** {@code dataSets[1].peopleCount} → {@code dataSets[1].peopleMaximum}; the rest keep their names. */
	private static String apiField(String field) {
		return field.endsWith(".peopleCount") ? field.replace(".peopleCount", ".peopleMaximum") : field;
	}

}
