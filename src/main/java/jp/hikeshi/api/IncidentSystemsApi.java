package jp.hikeshi.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.register.Register;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static jp.hikeshi.api.ProblemExamples.UNAUTHENTICATED;

/**
 * The register's systems an incident concerns, as the incident page names them: naming one that
 * holds personal data proposes that data to step 2, whose provisional reports then appear.
 */
@RestController
@RequestMapping(path = "/api/v1/incidents/{id}/systems", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents", description = "Follow and work incidents, as on the incident pages")
class IncidentSystemsApi {

	private static final String PROBLEM = "application/problem+json";

	private final IncidentService incidents;

	IncidentSystemsApi(IncidentService incidents) {
		this.incidents = incidents;
	}

	/** The systems to name, replacing those named before. */
	@Schema(name = "IncidentSystemsRequest")
	record SystemsRequest(
			@Schema(description = "Ids of systems of the register (GET /api/v1/systems); an empty list names none",
					requiredMode = Schema.RequiredMode.REQUIRED)
			@NotNull @Size(max = 100) List<@NotNull Long> systemIds,
			@Schema(description = "The incident's version the caller saw; stale: 409. Absent: the incident as it is now")
			Long version) {
	}

	/** The systems an incident names, and the incident's version now. */
	@Schema(name = "IncidentSystems")
	record Systems(long incidentId, List<SystemRef> systems, long version) {

		static Systems of(Incident incident, List<Register.SystemEntry> systems) {
			return new Systems(incident.getId(), systems.stream().map(SystemRef::of).toList(), incident.getVersion());
		}

	}

	/** A system of the register, by name. */
	@Schema(name = "IncidentSystem")
	record SystemRef(long id, String name, boolean retired, boolean holdsPersonalData) {

		static SystemRef of(Register.SystemEntry system) {
			return new SystemRef(system.id(), system.name(), system.retired(), system.holdsPersonalData());
		}

	}

	@GetMapping
	@Operation(summary = "Read the systems an incident concerns",
			description = "The register's systems the incident names, in the order they were named: for the security lead, the executive and the response team.")
	@ApiResponse(responseCode = "200", description = "The systems and the incident's version",
			content = @Content(schema = @Schema(implementation = Systems.class)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or one the caller may not see",
			content = @Content(mediaType = PROBLEM))
	Systems read(@PathVariable long id, Authentication user) {
		Incident incident = this.incidents.findForPage(id, Actor.of(user));
		return Systems.of(incident, this.incidents.systemsOf(incident));
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Name the systems an incident concerns",
			description = """
					Replaces the register's systems the incident names, as the incident page does: for the security \
					lead and the response team while it is open. The change goes on the timeline with the systems' \
					names; the record's 被害を受けたシステム, システム構成 and 事業者 are filled from the register \
					where still empty. Personal data the systems hold is proposed to step 2 at once (or when the \
					incident is escalated), so the reports it calls for appear with their deadlines; the proposals \
					of a system no longer named go unless the lead confirmed them. A system retired from the register \
					stays named but cannot be newly named.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject("""
			{"systemIds": [3, 7], "version": 4}""")))
	@ApiResponse(responseCode = "200", description = "The systems now named and the incident's version",
			content = @Content(schema = @Schema(implementation = Systems.class), examples = @ExampleObject("""
					{"incidentId": 42, "systems": [{"id": 3, "name": "顧客管理サーバ", "retired": false, \
					"holdsPersonalData": true}, {"id": 7, "name": "ECサイト", "retired": false, \
					"holdsPersonalData": true}], "version": 5}""")))
	@ApiResponse(responseCode = "400", description = "Not JSON of this shape", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or one the caller may not see",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "409", description = "The incident changed since that version (`incident.changedMeanwhile`)",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "413", description = "A body over 1 MB", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "415", description = "A body that is not application/json",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "422",
			description = "A system the register does not know (`incident.systems.unknown`) or retired (`incident.systems.retired`), named by its place in `systemIds`; the incident closed or the caller not on its team (`api.transitionRefused`)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject("""
					{"type": "about:blank", "title": "Refused", "status": 422, "code": "incident.systems.unknown", \
					"detail": "The register has no such system.", "instance": "/api/v1/incidents/42/systems", \
					"errors": [{"field": "systemIds[1]", "code": "incident.systems.unknown", \
					"message": "The register has no such system."}]}""")))
	Systems choose(@PathVariable long id, @Valid @RequestBody SystemsRequest request, Authentication user) {
		Actor actor = Actor.of(user);
		List<Register.SystemEntry> systems = this.incidents.chooseSystems(id, request.version(), actor,
				request.systemIds());
		return Systems.of(this.incidents.findForPage(id, actor), systems);
	}

}
