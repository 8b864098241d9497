package jp.hikeshi.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How the dashboard groups a period's figures over time: by month up to two years, by quarter up
 * to eight, by year beyond. A chart of sixty monthly bars is not read, and each row of its table
 * cost the page time: grouped so, a period is shown in at most 32 rows and bars, whatever its length.
 */
public enum Grouping {

	MONTH(1), QUARTER(3), YEAR(12);

	private final int months;

	Grouping(int months) {
		this.months = months;
	}

	/** The grouping for the period from {@code from} to {@code to}, both days included. */
	public static Grouping of(LocalDate from, LocalDate to) {
		long months = ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
		return (months <= 24) ? MONTH : (months <= 96) ? QUARTER : YEAR;
	}

	/** How many months a group spans. */
	public int months() {
		return this.months;
	}

	/** PostgreSQL's date_trunc field for the group. */
	public String field() {
		return name().toLowerCase(Locale.ROOT);
	}

}
