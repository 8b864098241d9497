package jp.hikeshi.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TimelineVerification;
import jp.hikeshi.incident.TimelineView;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static jp.hikeshi.api.ProblemExamples.UNAUTHENTICATED;
import static jp.hikeshi.api.ProblemExamples.NOT_FOUND;

/**
 * An incident's timeline (対応経過), whole and in order: each entry's raw values as codes for a
 * script, and the line as the incident page reads it in the caller's language
 * ({@link TimelineView}), with the hash that chains it to the one before; and the check of that
 * chain. Not paged: even a long incident has a few hundred entries, and a chronology is read whole.
 */
@RestController
@RequestMapping(path = "/api/v1/incidents/{id}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents")
class TimelineApi {

	private static final String EXAMPLE = """
			{"incidentId": 42, "reference": "INC-2026-00042", "entries": [
			 {"sequence": 1, "at": "2026-12-01T09:12:30+09:00",
			  "actor": {"username": "staff1", "displayName": "佐藤 一郎"}, "via": null, "kind": "REPORTED",
			  "kindLabel": "報告", "values": {"toState": "REPORTED"}, "change": null, "note": null,
			  "text": "2026年12月1日 09:12　佐藤 一郎　報告", "sharedWithReporter": true,
			  "hash": "5d41402abc4b2a76b9719d911017c592…", "previousHash": ""},
			 {"sequence": 7, "at": "2026-12-01T10:03:00+09:00",
			  "actor": {"username": "lead", "displayName": "鈴木 花子"}, "via": "edr", "kind": "FACT_LEAK_CHANGED",
			  "kindLabel": "報告要否の判断材料", "values": {"field": "LEAK", "before": "UNASSESSED", "after": "OCCURRED"},
			  "change": "個人データの漏えい等：未判断 → 発生した", "note": null,
			  "text": "2026年12月1日 10:03　鈴木 花子　報告要否の判断材料：個人データの漏えい等：未判断 → 発生した",
			  "sharedWithReporter": false, "hash": "…", "previousHash": "…"}]}""";

	private static final String VERIFIED = """
			{"intact": true, "entries": 27, "problems": []}""";

	private final IncidentService incidents;

	private final TimelineView view;

	private final People people;

	private final MessageSource messages;

	TimelineApi(IncidentService incidents, TimelineView view, People people, MessageSource messages) {
		this.incidents = incidents;
		this.view = view;
		this.people = people;
		this.messages = messages;
	}

	/** An incident's timeline, oldest first. */
	@Schema(name = "Timeline")
	record TimelineEntries(long incidentId, String reference, List<TimelineLine> entries) {
	}

	/**
	 * One entry.
	 * @param values the entry's raw values as stored and hashed: {@code fromState}, {@code toState},
	 * {@code field}, {@code before}, {@code after}, each only where the entry has it
	 * @param change what changed, as the page writes it beside the kind; {@code null} for none
	 * @param text the whole line as the page reads it (when, who, what, the note), in the caller's language
	 */
	@Schema(name = "TimelineEntry")
	record TimelineLine(int sequence, OffsetDateTime at, Person actor,
			@Schema(description = "The name of the API token the entry was made through; null for a page.", nullable = true) String via,
			@Schema(description = "The kind of entry, a code: REPORTED, STATE_CHANGED, NOTE, FACT_LEAK_CHANGED, DUTY_FILED …") TimelineEntry.Kind kind,
			String kindLabel,
			@Schema(description = "The entry's raw values as codes (states, facts, report types, dates, user names), each only where the entry has it: fromState, toState, field, before, after.")
			Map<String, String> values,
			@Schema(nullable = true) String change, @Schema(nullable = true) String note,
			@Schema(description = "The line as the incident page reads it, in the caller's language.") String text,
			boolean sharedWithReporter,
			@Schema(description = "SHA-256 over the entry and the hash before it.") String hash, String previousHash) {
	}

	/** The hash chain checked. */
	@Schema(name = "TimelineVerification")
	record TimelineCheck(boolean intact, int entries,
			@Schema(description = "The first entry where the chain does not hold; absent when intact.")
			@JsonInclude(JsonInclude.Include.NON_NULL) Integer firstBroken,
			List<TimelineProblem> problems) {
	}

	/** One finding, as a code and a sentence. */
	@Schema(name = "TimelineProblem")
	record TimelineProblem(int sequence, String code, String message) {
	}

	@GetMapping
	@Operation(summary = "An incident's timeline",
			description = """
					Every entry, oldest first (not paged): when, who (and the API token, where one was used), the \
					kind and its raw values as codes, the line as the incident page reads it in the language of \
					Accept-Language, and the hash that chains each entry to the one before. For the security lead, \
					the executive and the incident's response team; anyone else gets 404.""")
	@ApiResponse(responseCode = "200", description = "The timeline", content = @Content(schema = @Schema(implementation = TimelineEntries.class), examples = @ExampleObject(EXAMPLE)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or not one the caller may see",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	TimelineEntries timeline(@PathVariable long id, Authentication user) {
		Incident incident = this.incidents.findForPage(id, Actor.of(user));
		Locale locale = LocaleContextHolder.getLocale();
		Map<Integer, TimelineView.Line> lines = this.view.of(incident, locale)
			.stream()
			.collect(Collectors.toMap(TimelineView.Line::sequence, Function.identity(), (first, second) -> first));
		People.Directory directory = this.people.directory();
		ZoneId zone = this.incidents.zone();
		List<TimelineLine> entries = incident.getTimeline()
			.stream()
			.sorted(Comparator.comparingInt(TimelineEntry::getSequence))
			.map(entry -> line(entry, lines.get(entry.getSequence()), directory, zone))
			.toList();
		return new TimelineEntries(incident.getId(), incident.getReference(), entries);
	}

	@GetMapping("/verification")
	@Operation(summary = "Check an incident's timeline for tampering",
			description = """
					Recomputes every entry's hash and the chain between them: `intact` when nothing was changed, \
					removed or inserted; otherwise each problem with the entry where it shows, and `firstBroken`. \
					The same check as the page's 「改ざんチェック」.""")
	@ApiResponse(responseCode = "200", description = "The result", content = @Content(schema = @Schema(implementation = TimelineCheck.class), examples = @ExampleObject(VERIFIED)))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	@ApiResponse(responseCode = "404", description = "No such incident, or not one the caller may see",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(NOT_FOUND)))
	TimelineCheck verification(@PathVariable long id, Authentication user) {
		TimelineVerification verification = this.incidents.verifyTimeline(id, Actor.of(user));
		Locale locale = LocaleContextHolder.getLocale();
		List<TimelineProblem> problems = verification.problems()
			.stream()
			.map(problem -> new TimelineProblem(problem.sequence(), problem.code(),
					this.messages.getMessage(problem.code(), arguments(problem, locale), problem.code(), locale)))
			.toList();
		Integer firstBroken = verification.problems()
			.stream()
			.map(TimelineVerification.Problem::sequence)
			.min(Integer::compare)
			.orElse(null);
		return new TimelineCheck(verification.intact(), verification.entries(), firstBroken, problems);
	}

	/** The entry, then the labels the problem names (states), in the caller's language. */
	private Object[] arguments(TimelineVerification.Problem problem, Locale locale) {
		List<Object> arguments = new java.util.ArrayList<>(List.of(problem.sequence()));
		problem.labels().forEach(label -> arguments.add(this.messages.getMessage(label, null, label, locale)));
		return arguments.toArray();
	}

	private static TimelineLine line(TimelineEntry entry, TimelineView.Line line, People.Directory directory,
			ZoneId zone) {
		Map<String, String> values = new LinkedHashMap<>();
		put(values, "fromState", (entry.getFromState() == null) ? null : entry.getFromState().name());
		put(values, "toState", (entry.getToState() == null) ? null : entry.getToState().name());
		put(values, "field", entry.getField());
		put(values, "before", entry.getBefore());
		put(values, "after", entry.getAfter());
		String change = (line.text() == null || line.text().isBlank()) ? null : line.text();
		return new TimelineLine(entry.getSequence(), entry.getOccurredAt().atZone(zone).toOffsetDateTime(),
				Person.of(entry.getActor(), directory), entry.getVia(), entry.getKind(), line.kind(), values, change,
				entry.getNote(), line.asText(), entry.isSharedWithReporter(), entry.getHash(), entry.getPreviousHash());
	}

	private static void put(Map<String, String> values, String name, String value) {
		if (value != null) {
			values.put(name, value);
		}
	}

}
