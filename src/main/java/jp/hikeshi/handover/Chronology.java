package jp.hikeshi.handover;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.hikeshi.incident.TimelineView;
import jp.hikeshi.shared.ReadableTime;

/**
 * The report's chronology (対応経過) by day, as a person writes one: the day once, then each
 * entry's time, who acted and what was done. A one-day incident then reads as one list of times
 * rather than the same date on every line, and its lines have the width to stay on one.
 */
public final class Chronology {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

	private Chronology() {
	}

	/** One day of the chronology, in the company's time zone. */
	public record Day(String day, List<Entry> entries) {
	}

	/** One entry: its time of day, the person, the kind of entry, what it says and its note. */
	public record Entry(String time, String who, String kind, String text, String note) {
	}

	/** The lines, oldest first, grouped by their day in the given zone. */
	public static List<Day> of(List<TimelineView.Line> lines, ZoneId zone, Locale locale) {
		List<Day> days = new ArrayList<>();
		LocalDate current = null;
		List<Entry> entries = null;
		for (TimelineView.Line line : lines) {
			ZonedDateTime at = line.at().atZone(zone);
			if (!at.toLocalDate().equals(current)) {
				current = at.toLocalDate();
				entries = new ArrayList<>();
				days.add(new Day(ReadableTime.day(current, locale), entries));
			}
			entries.add(new Entry(TIME.format(at), line.who(), line.kind(), line.text(), line.note()));
		}
		return days;
	}

}
