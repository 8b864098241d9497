package jp.hikeshi.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The national holidays known at one moment: an immutable snapshot, so that one deadline is
 * counted against one version of the data even while an administrator replaces it.
 */
public final class Holidays {

	private final NavigableMap<LocalDate, String> days;

	private Holidays(NavigableMap<LocalDate, String> days) {
		this.days = Collections.unmodifiableNavigableMap(days);
	}

	public static Holidays of(Collection<Holiday> holidays) {
		NavigableMap<LocalDate, String> days = new TreeMap<>();
		holidays.forEach(holiday -> days.put(holiday.day(), holiday.name()));
		return new Holidays(days);
	}

	public boolean isHoliday(LocalDate day) {
		return this.days.containsKey(day);
	}

	public Optional<String> nameOf(LocalDate day) {
		return Optional.ofNullable(this.days.get(day));
	}

	public boolean isEmpty() {
		return this.days.isEmpty();
	}

	/** The first year the data covers; {@code null} when there is none. */
	public Integer firstYear() {
		return this.days.isEmpty() ? null : this.days.firstKey().getYear();
	}

	/** The last year the data covers; {@code null} when there is none. */
	public Integer lastYear() {
		return this.days.isEmpty() ? null : this.days.lastKey().getYear();
	}

	/**
	 * The last day the data covers: 31 December of its last year. Without data, the day before
	 * any day, so that every deadline is shown as beyond the calendar.
	 */
	public LocalDate coveredUntil() {
		return this.days.isEmpty() ? LocalDate.MIN : LocalDate.of(this.days.lastKey().getYear(), 12, 31);
	}

	/** The holidays by year, years and days in order. */
	public SortedMap<Integer, List<Holiday>> byYear() {
		SortedMap<Integer, List<Holiday>> years = new TreeMap<>();
		this.days.forEach((day, name) -> years.computeIfAbsent(day.getYear(), year -> new ArrayList<>())
			.add(new Holiday(day, name)));
		return years;
	}

	public List<Holiday> all() {
		return this.days.entrySet().stream().map(entry -> new Holiday(entry.getKey(), entry.getValue())).toList();
	}

}
