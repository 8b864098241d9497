package jp.hikeshi.incident;

import java.util.Collection;
import java.util.stream.Collectors;

import jp.hikeshi.incident.TimelineEntry.Kind;

/**
 * A fact another module recorded that belongs on an incident's timeline (対応経過): evidence
 * collected, a measure completed, a report filed. The module publishes it from the
 * transactional method that records the fact; the incident module's {@code TimelineRecorder}
 * appends the entry in the same transaction, so the history line commits or rolls back with
 * the fact, and the incident's version does not move (history never conflicts).
 *
 * <p>Values stay raw — enum names, ISO dates, user names — and are hashed as such; the pages
 * render them through the {@link Kind}'s slots in the reader's language.
 */
public interface HistoryEvent {

	long incidentId();

	/** The user name of whoever did it. */
	String actor();

	/** The line to append. */
	Line line();

	/**
	 * One entry's content. {@code subject}, {@code before} and {@code after} may be enums,
	 * collections of enums, dates, user names or text, as the kind's slots say.
	 */
	record Line(Kind kind, String subject, String before, String after, String note) {

		public static Line of(Kind kind, Object subject, Object before, Object after, String note) {
			return new Line(kind, raw(subject), raw(before), raw(after), note);
		}

		/** The raw form a value is kept in: enum names, ISO-8601 for times and dates, lists comma-separated. */
		static String raw(Object value) {
			if (value == null) {
				return null;
			}
			if (value instanceof Enum<?> constant) {
				return constant.name();
			}
			if (value instanceof Collection<?> values) {
				return values.stream().map(HistoryEvent.Line::raw).sorted().collect(Collectors.joining(", "));
			}
			return value.toString();
		}

	}

}
