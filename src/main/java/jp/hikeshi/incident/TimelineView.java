package jp.hikeshi.incident;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.hikeshi.account.People;
import jp.hikeshi.incident.TimelineEntry.Kind;
import jp.hikeshi.incident.TimelineEntry.Slot;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.shared.ReadableTime;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The timeline as a person reads it (対応経過): each entry's raw values rendered through its
 * kind's slots — enum names as their labels, login names as display names, times and dates in
 * the organisation's zone and the reader's language — so that the chronology can be handed to
 * an authority as it is. The stored rows (and their hashes) are never touched.
 */
@Component
public class TimelineView {

	/** How the fields of the incident's own FIELD_CHANGED entries read, including those older rows wrote for other modules. */
	private static final Map<String, Slot> FIELDS = Map.ofEntries(Map.entry("occurredAt", Slot.INSTANT),
			Map.entry("discoveredAt", Slot.INSTANT), Map.entry("disclosureStatus", Slot.enumOf("DisclosureStatus")),
			Map.entry("damageDirectYen", Slot.YEN), Map.entry("damageIndirectYen", Slot.YEN),
			Map.entry("disruptionDays", Slot.NUMBER), Map.entry("duties", Slot.enumsOf("DutyType")),
			Map.entry("rootCauses", Slot.enumsOf("RootCause")), Map.entry("recoveryReported", Slot.BOOLEAN),
			Map.entry("category", Slot.enumOf("Category")), Map.entry("categories", Slot.enumsOf("Category")),
			Map.entry("leakKind", Slot.enumOf("LeakKind")));

	/** Older rows wrote "done 2026-11-25" when a measure or repair was done. */
	private static final Pattern LEGACY_DONE = Pattern.compile("done (\\d{4}-\\d{2}-\\d{2})");

	/** Older rows wrote "description (owner, 2026-12-01)" when a measure was added. */
	private static final Pattern LEGACY_MEASURE = Pattern.compile("(.*) \\(([^,()]+), (\\d{4}-\\d{2}-\\d{2})\\)", Pattern.DOTALL);

	/** Older rows wrote "deleted: reason" when evidence was deleted. */
	private static final Pattern LEGACY_DELETED = Pattern.compile("deleted: (.*)", Pattern.DOTALL);

	private final MessageSource messages;

	private final People people;

	private final OrganisationService organisations;

	TimelineView(MessageSource messages, People people, OrganisationService organisations) {
		this.messages = messages;
		this.people = people;
		this.organisations = organisations;
	}

	/**
	 * One entry, ready to show.
	 * @param who the person who acted, by display name — followed, where they acted through a
	 * personal API token, by that token: 「佐藤 健（APIトークン「メールゲートウェイ」経由）」
	 * @param asText the whole line as one string, for exports and print
	 * @param via the name of the API token the entry was written through, or {@code null}
	 */
	public record Line(int sequence, Instant at, String when, String who, String kind, String text, String note,
			Kind type, String asText, String via) {

		/** The page's class for the entry's kind, "timeline-state_changed": Java, not #strings per row (200 rows). */
		public String typeClass() {
			return "timeline-" + this.type.name().toLowerCase(Locale.ROOT);
		}

		/** Whether the change reads as anything; the page leaves its paragraph out otherwise (as #strings.isEmpty did). */
		public boolean hasText() {
			return this.text != null && !this.text.isBlank();
		}

	}

	/** The whole timeline, oldest first. */
	public List<Line> of(Incident incident, Locale locale) {
		return lines(incident.getTimeline(), locale);
	}

	/** What the reporter may see: their report, their additions, the state changes. */
	public List<Line> forReporter(Incident incident, Locale locale) {
		return lines(incident.getTimelineForReporter(), locale);
	}

	public List<Line> lines(List<TimelineEntry> entries, Locale locale) {
		return lines(entries, locale, this.people.directory());
	}

	/** Some entries, naming people from a directory the caller already holds (the incident page looks it up once). */
	public List<Line> lines(List<TimelineEntry> entries, Locale locale, People.Directory directory) {
		Reader reader = new Reader(locale, directory, this.organisations.timeZone());
		return entries.stream().map(reader::line).toList();
	}

	/** A time as the pages of this reader show it: 「2026年11月25日 22:00」, "25 Nov 2026, 22:00". */
	public String when(Instant instant, Locale locale) {
		return new Reader(locale, null, this.organisations.timeZone()).when(instant);
	}

	/** Renders for one reader: one language, one look-up of names. */
	private final class Reader {

		private final Locale locale;

		private final People.Directory directory;

		private final ZoneId zone;

		Reader(Locale locale, People.Directory directory, ZoneId zone) {
			this.locale = locale;
			this.directory = directory;
			this.zone = zone;
		}

		Line line(TimelineEntry entry) {
			Kind kind = entry.getKind();
			String text;
			if (kind == Kind.STATE_CHANGED) {
				String to = label("IncidentState", entry.getToState().name());
				text = (entry.getFromState() == null) ? to
						: message("timeline.STATE_CHANGED", "", "", label("IncidentState", entry.getFromState().name()), to);
			}
			else {
				Slot subject = kind.subject();
				Slot before = kind.before();
				Slot after = kind.after();
				if (kind == Kind.FIELD_CHANGED) {
					Slot field = FIELDS.getOrDefault(entry.getField(), Slot.TEXT);
					before = field;
					after = field;
				}
				String[] values = { value(subject, entry.getField()), value(before, entry.getBefore()),
						value(after, entry.getAfter()) };
				if (kind == Kind.TEAM_FORMED && "team".equals(entry.getField())) {
					values = legacyTeam(entry.getAfter());
				}
				text = message("timeline." + kind.name(), "", (Object[]) values);
			}
			String when = when(entry.getOccurredAt());
			String who = attributed((this.directory == null) ? entry.getActor() : this.directory.name(entry.getActor()),
					entry.getVia());
			String label = label("TimelineKind", kind.name());
			String line = (text == null || text.isBlank()) ? message("timeline.asText", "", when, who, label)
					: message("timeline.asText.withText", "", when, who, label, text);
			if (entry.getNote() != null && !entry.getNote().isBlank()) {
				line = message("timeline.asText.withNote", line, line, entry.getNote().replace('\n', ' '));
			}
			return new Line(entry.getSequence(), entry.getOccurredAt(), when, who, label, text, entry.getNote(), kind,
					line, entry.getVia());
		}

		/** The person, and the API token they acted through where there was one. */
		private String attributed(String person, String via) {
			return (via == null) ? person : message("attribution.viaApiToken", person + " (" + via + ")", person, via);
		}

		String value(Slot slot, String raw) {
			if (slot.type() == Slot.Type.NONE) {
				return "";
			}
			if (raw == null || raw.isEmpty()) {
				return message("timeline.none", "—");
			}
			return switch (slot.type()) {
				case NONE -> "";
				case TEXT -> legacyText(raw);
				case USER -> this.directory.name(raw);
				case USERS -> list(raw, this.directory::name);
				case INSTANT -> instant(raw);
				case DATE -> date(raw);
				case YEN -> message("timeline.yen", raw, number(raw));
				case NUMBER -> number(raw);
				case BOOLEAN -> message(Boolean.parseBoolean(raw) ? "timeline.yes" : "timeline.no", raw);
				case ENUM -> label(slot.prefix(), raw);
				case ENUMS -> list(raw, constant -> label(slot.prefix(), constant));
				case FIELD -> label(slot.prefix(), raw);
				case CHECKLIST_POINT -> message("ChecklistPoint." + raw, raw);
				case NAMES -> raw.lines()
					.filter(part -> !part.isBlank())
					.reduce((first, second) -> message("list.pair", first + ", " + second, first, second))
					.orElse("");
			};
		}

		String when(Instant instant) {
			return ReadableTime.dateTime(instant, this.zone, this.locale);
		}

		private String instant(String raw) {
			try {
				return when(Instant.parse(raw));
			}
			catch (DateTimeParseException ex) {
				return raw;
			}
		}

		private String date(String raw) {
			try {
				return ReadableTime.day(LocalDate.parse(raw), this.locale);
			}
			catch (DateTimeParseException ex) {
				return raw;
			}
		}

		private String number(String raw) {
			try {
				return NumberFormat.getNumberInstance(this.locale).format(new BigDecimal(raw));
			}
			catch (NumberFormatException ex) {
				return raw;
			}
		}

		/** Text older rows froze with English words or ISO dates in it. */
		private String legacyText(String raw) {
			Matcher done = LEGACY_DONE.matcher(raw);
			if (done.matches()) {
				return message("timeline.legacy.done", raw, date(done.group(1)));
			}
			Matcher measure = LEGACY_MEASURE.matcher(raw);
			if (measure.matches()) {
				return message("timeline.legacy.measure", raw, measure.group(1), this.directory.name(measure.group(2)),
						date(measure.group(3)));
			}
			Matcher deleted = LEGACY_DELETED.matcher(raw);
			if (deleted.matches()) {
				return message("timeline.legacy.deleted", raw, deleted.group(1));
			}
			return raw;
		}

		/** Older TEAM_FORMED rows: "responsible / member, member". */
		private String[] legacyTeam(String raw) {
			String[] parts = (raw == null) ? new String[] { "" } : raw.split(" / ", 2);
			return new String[] { this.directory.name(parts[0]), "",
					(parts.length < 2 || parts[1].isBlank()) ? message("timeline.none", "—")
							: list(parts[1], this.directory::name) };
		}

		private String list(String raw, java.util.function.Function<String, String> each) {
			return Arrays.stream(raw.split(",\\s*"))
				.filter(part -> !part.isBlank())
				.map(each)
				.reduce((first, second) -> message("list.pair", first + ", " + second, first, second))
				.orElse("");
		}

		private String label(String prefix, String constant) {
			return message(prefix + "." + constant, constant);
		}

		/**
		 * The message, or the fallback where the bundle has none (a NOTE entry has no change to
		 * word): asked without a default so that a missing code costs a look-up, not an exception
		 * with its stack trace (a seventh of the incident page's time, 200 notes).
		 */
		private String message(String code, String fallback, Object... arguments) {
			String message = TimelineView.this.messages.getMessage(code, arguments, null, this.locale);
			return (message != null) ? message : fallback;
		}

	}

}
