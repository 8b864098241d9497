package jp.hikeshi.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.IncidentNotFoundException;
import jp.hikeshi.incident.IncidentSearch;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.shared.PlainText;
import jp.hikeshi.shared.PlausibleDate;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static jp.hikeshi.api.ProblemExamples.UNAUTHENTICATED;

/**
 * Incidents: the list and the incident as the pages show them to the same person, the moves of
 * the workflow and the team's notes — each through the same service call as the page, so the
 * same need-to-know, guards and conflicts apply. What a caller may not see is not there (404).
 */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents", description = "Follow and work incidents, as on the incident pages")
class IncidentsApi {

	static final int DEFAULT_SIZE = 25;

	static final int MAX_SIZE = 100;

	private static final String PROBLEM = "application/problem+json";

	private final IncidentService incidents;

	private final IncidentRepresentations representations;

	private final ApiProblems problems;

	IncidentsApi(IncidentService incidents, IncidentRepresentations representations, ApiProblems problems) {
		this.incidents = incidents;
		this.representations = representations;
		this.problems = problems;
	}

	/** A note of the response team. */
	@Schema(name = "NoteRequest")
	record NoteRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TransitionRequest.MAX_TEXT)
	@NotBlank @Size(max = TransitionRequest.MAX_TEXT) @PlainText(multiline = true) String text) {
	}

	@GetMapping
	@Operation(summary = "List incidents",
			description = """
					The incidents the caller may see, newest report first, filtered as on the list page; `from` and \
					`to` are days (YYYY-MM-DD, in the company's zone) the report arrived on, both included. The \
					security lead and the executive see every incident, a responder those whose team they are on. \
					Anyone else (staff with the reporter role) gets their own reports in the same shape, without \
					the team's judgement: category, severity and the responsible person are null, and the \
					`category` and `severity` filters are refused (400). Matches are counted up to 1,000 (or the end 					of the page asked for): past that, `total` is how many there are at least and `totalComplete` is 					false.""")
	@ApiResponse(responseCode = "200", description = "A page of incidents and the total",
			content = @Content(schema = @Schema(implementation = IncidentRepresentations.SummaryPage.class),
					examples = @ExampleObject("""
							{"items": [{"id": 42, "reference": "INC-2026-00042", "title": "不審なメール", "state": "TRIAGE", \
							"stateLabel": "判断中", "step": "DETECT", "stepLabel": "検知・初動対応", "category": null, \
							"categoryLabel": null, "severity": null, "severityLabel": null, \
							"discoveredAt": "2026-11-30T09:15:00+09:00", "reportedAt": "2026-11-30T09:20:11.5+09:00", \
							"responsible": null}], "page": 0, "size": 25, "total": 1, "totalComplete": true}""")))
	@ApiResponse(responseCode = "400", description = "A filter of the wrong type (an unknown state, a date that is not YYYY-MM-DD), a page below 0, a size outside 1–100, or a team filter from staff",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject("""
					{"type": "about:blank", "title": "Bad request", "status": 400, "code": "api.badParameter", \
					"detail": "The value of \\"size\\" is missing or not of the expected type.", "parameter": "size", \
					"instance": "/api/v1/incidents"}""")))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	IncidentRepresentations.SummaryPage list(@RequestParam(required = false) IncidentState state,
			@RequestParam(required = false) IncidentState.Step step,
			@Parameter(description = "The primary category") @RequestParam(required = false) Category category,
			@RequestParam(required = false) Severity severity,
			@Parameter(description = "Part of the reference, title or description")
			@RequestParam(required = false) @Size(max = 200) @PlainText String text,
			@Parameter(description = "Reported on or after this day (YYYY-MM-DD)")
			@RequestParam(required = false) @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Reported on or before this day (YYYY-MM-DD)")
			@RequestParam(required = false) @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "0-based") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@Parameter(description = "1 to 100") @RequestParam(defaultValue = "" + DEFAULT_SIZE) @Min(1) @Max(MAX_SIZE) int size,
			Authentication user) {
		Actor actor = Actor.of(user);
		ZoneId zone = this.incidents.zone();
		IncidentSearch search = new IncidentSearch(state, step, category, severity, null, text,
				(from == null) ? null : from.atStartOfDay(zone).toInstant(),
				(to == null) ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
		if (worksIncidents(actor)) {
			return this.representations.page(this.incidents.listPage(search, actor, PageRequest.of(page, size)), true);
		}
		if (category != null || severity != null) {
			throw new TeamFilter((category != null) ? "category" : "severity");
		}
		return this.representations.page(this.incidents.searchOwnReports(search, actor, PageRequest.of(page, size)),
				false);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an incident",
			description = """
					The incident as its page shows it to the caller. To the response team (view `team`): its \
					state, step, categories, severity, times (発覚 `discoveredAt`, 発生 `occurredAt`, `reportedAt`), \
					the responsible person and team, the required-items record item by item, the `version` to send \
					back with a transition, and `allowedTransitions`: the moves the caller's roles allow from this \
					state, each `ready` when the incident's own conditions hold, else with what is `unmet`. To the \
					member of staff who reported it and is not on the team (view `reporter`): what they told and \
					where it stands — never the team's notes, judgement or members.""")
	@ApiResponse(responseCode = "200", description = "The incident, as the team or as its reporter sees it",
			content = @Content(schema = @Schema(oneOf = { IncidentRepresentations.IncidentView.class,
					IncidentRepresentations.ReportView.class }), examples = {
							@ExampleObject(name = "team", value = """
									{"view": "team", "id": 42, "reference": "INC-2026-00042", "title": "不審なメール", \
									"description": "添付ファイルを開いてしまった", "state": "TRIAGE", "stateLabel": "判断中", \
									"step": "DETECT", "stepLabel": "検知・初動対応", "categories": [], "leakKind": null, \
									"leakKindLabel": null, "severity": null, "severityLabel": null, \
									"discoveredAt": "2026-11-30T09:15:00+09:00", "occurredAt": null, \
									"reportedAt": "2026-11-30T09:20:11.5+09:00", \
									"reportedBy": {"username": "staff1", "displayName": "佐藤 一郎"}, "source": null, \
									"affectedSystem": "経理PC-03", "stillHappening": "UNKNOWN", "stillHappeningLabel": "分からない", \
									"outsideReporter": null, "systems": [{"id": 3, "name": "経理PC-03", \
									"retired": false, "holdsPersonalData": false}], "reportedByVendor": null, \
									"responsible": null, "team": [], \
									"requiredItems": {"items": [{"key": "CATEGORY", "label": "インシデントの分類", "filled": false}], \
									"complete": false, "percent": 38}, "version": 1, \
									"allowedTransitions": [{"transition": "DISMISS", "label": "対応不要とする", \
									"ready": true, "unmet": []}, {"transition": "ESCALATE", "label": "経営者へ報告する", \
									"ready": true, "unmet": []}]}"""),
							@ExampleObject(name = "reporter", value = """
									{"view": "reporter", "id": 42, "reference": "INC-2026-00042", "title": "不審なメール", \
									"description": "添付ファイルを開いてしまった", "state": "TRIAGE", "stateLabel": "判断中", \
									"affectedSystem": "経理PC-03", "stillHappening": "UNKNOWN", "stillHappeningLabel": "分からない", \
									"discoveredAt": "2026-11-30T09:15:00+09:00", "reportedAt": "2026-11-30T09:20:11.5+09:00", \
									"source": null}""") }))
	@ApiResponse(responseCode = "400", description = "An id that is not a number", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or one the caller may not see",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject("""
					{"type": "about:blank", "title": "Not found", "status": 404, "code": "api.notFound", \
					"detail": "There is nothing here, or nothing you may see.", "instance": "/api/v1/incidents/42"}""")))
	Object read(@PathVariable long id, Authentication user) {
		Actor actor = Actor.of(user);
		try {
			return this.representations.team(this.incidents.findForPage(id, actor), actor);
		}
		catch (IncidentNotFoundException notForTheTeam) {
			// the one who reported it follows it, as on the page of their own report (else 404 again)
			return this.representations.reporter(this.incidents.findOwnReport(id, actor));
		}
	}

	@PostMapping(path = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Make a move of the workflow",
			description = """
					Makes a transition, as its button or form on the incident page does, on the `version` the \
					caller saw. Each move takes what its form takes: `reason` for DISMISS, REOPEN and REENTER \
					(with `target`), `category`, `additionalCategories`, `leakKind`, `severity` and `note` for \
					ESCALATE, `responsible` and `team` (user names of enabled accounts) for FORM_TEAM. A refusal \
					lists every guard that failed (`unmet`), in the language of Accept-Language. A stale `version` \
					is refused with 409, naming who changed what meanwhile.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "take", value = """
					{"transition": "TAKE", "version": 0}"""),
			@ExampleObject(name = "escalate", value = """
					{"transition": "ESCALATE", "version": 1, "category": "VIRUS_RANSOMWARE", \
					"additionalCategories": ["INFORMATION_LEAK"], "leakKind": "MALWARE", "severity": "HIGH", \
					"note": "経理PCで暗号化を確認。顧客名簿の流出のおそれ"}"""),
			@ExampleObject(name = "form the team", value = """
					{"transition": "FORM_TEAM", "version": 2, "responsible": "lead", \
					"team": [{"username": "responder", "duty": "ログの保全"}]}"""),
			@ExampleObject(name = "go back", value = """
					{"transition": "REENTER", "version": 9, "target": "CONTAINMENT", "reason": "再感染を確認"}""") }))
	@ApiResponse(responseCode = "200", description = "Done: the incident as it is now",
			content = @Content(schema = @Schema(implementation = IncidentRepresentations.IncidentView.class),
					examples = @ExampleObject("""
							{"view": "team", "id": 42, "reference": "INC-2026-00042", "state": "TRIAGE", "version": 1, \
							"allowedTransitions": [{"transition": "DISMISS", "label": "Dismiss: not an incident", \
							"ready": true, "unmet": []}]}""")))
	@ApiResponse(responseCode = "400", description = "Not JSON of this shape: an unknown transition, state, category or severity name",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject("""
					{"type": "about:blank", "title": "Bad request", "status": 400, "code": "api.malformed", \
					"detail": "The request body is not valid JSON of the expected shape.", \
					"instance": "/api/v1/incidents/42/transitions"}""")))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or one the caller may not see or work",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "409", description = "The incident changed since that version (`incident.changedMeanwhile`)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject("""
					{"type": "about:blank", "title": "Conflict", "status": 409, "code": "incident.changedMeanwhile", \
					"detail": "Since the version you sent, 鈴木 花子 made a change (State changed, at 30 Nov 2026, 09:31). Nothing was changed: read the incident again, then repeat the move if it still applies.", \
					"instance": "/api/v1/incidents/42/transitions"}""")))
	@ApiResponse(responseCode = "413", description = "A body over 1 MB", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "415", description = "A body that is not application/json",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "422",
			description = "Refused: every guard that failed in `unmet` (`api.transitionRefused`), or fields that are wrong in `errors` (`api.invalid`; for FORM_TEAM, people who are no enabled account: `incident.team.unknownUser`)",
			content = @Content(mediaType = PROBLEM, examples = {
					@ExampleObject(name = "guards", value = """
							{"type": "about:blank", "title": "Refused", "status": 422, "code": "api.transitionRefused", \
							"detail": "The move cannot be made yet.", "instance": "/api/v1/incidents/42/transitions", \
							"unmet": [{"code": "incident.guard.categoryRequired", "message": "Choose a category."}, \
							{"code": "incident.guard.severityRequired", "message": "Choose a severity."}]}"""),
					@ExampleObject(name = "unknown people", value = """
							{"type": "about:blank", "title": "Refused", "status": 422, "code": "api.invalid", \
							"detail": "Some fields are not valid.", "instance": "/api/v1/incidents/42/transitions", \
							"errors": [{"field": "team[0].username", "code": "incident.team.unknownUser", \
							"message": "This person is not an active user."}]}""") }))
	IncidentRepresentations.IncidentView transition(@PathVariable long id,
			@Valid @RequestBody TransitionRequest move, Authentication user) {
		Actor actor = Actor.of(user);
		this.incidents.find(id, actor);
		if (move.transition() == Transition.FORM_TEAM) {
			Set<String> unknown = this.incidents
				.notEnabled(move.named().stream().map(TransitionRequest.Named::username).toList());
			List<String> fields = move.named()
				.stream()
				.filter(named -> unknown.contains(named.username()))
				.map(TransitionRequest.Named::field)
				.toList();
			if (!fields.isEmpty()) {
				throw new UnknownPeople(fields);
			}
		}
		this.incidents.perform(id, move.version(), actor, move.toMove());
		return this.representations.team(this.incidents.findForPage(id, actor), actor);
	}

	@PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a note of the response team",
			description = """
					Adds an internal note to the incident's timeline, as on its page: for the security lead, the \
					executive and the response team; the reporter never sees it. A note is history beside the \
					incident, not a change of it: it takes no version and never conflicts.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject("""
			{"text": "メールゲートウェイのログを保全した（SHA-256 を記録）"}""")))
	@ApiResponse(responseCode = "201", description = "The note, as the timeline keeps it",
			content = @Content(schema = @Schema(implementation = IncidentRepresentations.Note.class),
					examples = @ExampleObject("""
							{"sequence": 7, "at": "2026-11-30T10:02:45.123+09:00", \
							"by": {"username": "lead", "displayName": "鈴木 花子"}, \
							"text": "メールゲートウェイのログを保全した（SHA-256 を記録）", "via": "mail gateway"}""")))
	@ApiResponse(responseCode = "400", description = "Not JSON of this shape", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or one the caller may not see",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "413", description = "A body over 1 MB", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "415", description = "A body that is not application/json",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "422", description = "No text, more than 4000 characters, or control characters (`api.invalid`)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject("""
					{"type": "about:blank", "title": "Refused", "status": 422, "code": "api.invalid", \
					"detail": "Some fields are not valid.", "instance": "/api/v1/incidents/42/notes", \
					"errors": [{"field": "text", "code": "NotBlank", "message": "Please fill this in."}]}""")))
	IncidentRepresentations.Note note(@PathVariable long id, @Valid @RequestBody NoteRequest note,
			Authentication user) {
		TimelineEntry entry = this.incidents.addNote(id, Actor.of(user), note.text());
		return this.representations.note(entry);
	}

	/** Whether the caller works incidents (as on the list page), rather than following their own reports. */
	private static boolean worksIncidents(Actor actor) {
		return actor.has(Role.SECURITY_LEAD) || actor.has(Role.EXECUTIVE) || actor.has(Role.RESPONDER);
	}

	@ExceptionHandler(UnknownPeople.class)
	ProblemDetail unknownPeople(UnknownPeople unknown, HttpServletRequest request) {
		ProblemDetail problem = this.problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "api.invalid", request);
		String message = this.problems.text(new DefaultMessageSourceResolvable("incident.team.unknownUser"), request);
		problem.setProperty("errors", unknown.fields
			.stream()
			.map(field -> new ApiErrors.FieldProblem(field, "incident.team.unknownUser", message))
			.toList());
		return problem;
	}


	@ExceptionHandler(TeamFilter.class)
	ProblemDetail teamFilter(TeamFilter filter, HttpServletRequest request) {
		ProblemDetail problem = this.problems.problem(HttpStatus.BAD_REQUEST, "api.badParameter", request,
				filter.getMessage());
		problem.setProperty("parameter", filter.getMessage());
		return problem;
	}

	/** People named in a team who are no enabled account: refused like invalid fields, before the move is tried. */
	private static final class UnknownPeople extends RuntimeException {

		private final List<String> fields;

		UnknownPeople(List<String> fields) {
			super("incident.team.unknownUser", null, false, false);
			this.fields = fields;
		}

	}

	/** A filter on the team's judgement from someone who only follows their own reports. */
	private static final class TeamFilter extends RuntimeException {

		TeamFilter(String parameter) {
			super(parameter, null, false, false);
		}

	}

}
