package jp.hikeshi.dashboard.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import jp.hikeshi.dashboard.Grouping;
import jp.hikeshi.dashboard.Metrics;

/**
 * The incidents over time as the page shows them: a month (or quarter, or year) a row, a category a
 * column, each count a link to its incidents. One row a month rather than one a month and
 * category: five years are 20 rows to read instead of 500, and the page's cost no longer grows with
 * the period (a month and category row cost a label looked up and a link built each).
 * Public, with its records, so that the page's compiled expressions call them directly (SpEL's
 * compiler leaves a package-private type to reflection, a few microseconds a cell).
 * @param categories the categories reported in the period, by code, those not yet classified last
 * @param rows the period's months (or quarters, or years) that had any report, oldest first
 */
public record OverTimeTable(List<String> categories, List<Row> rows) {

	/** What a category not yet classified is called in {@link Metrics.MonthCount}. */
	static final String UNCLASSIFIED = "UNCLASSIFIED";

	/** One month, quarter or year, named as the reader reads it, with a cell for each category in {@link #categories()}' order. */
	public record Row(String label, List<Cell> cells) {
	}

	/**
	 * One month's (quarter's, year's) count of one category, 0 where none was reported, and the list
	 * of those incidents: the category's in those days of the period, all of those days' for the
	 * incidents not yet classified (the list has no filter for them). The link is put together here,
	 * not by {@code @{...}} on the page: a long period had 500 of them, and the page's time grew with
	 * each.
	 */
	public record Cell(long count, String incidents) {

		/** Whether any was reported: the cell links to them (Java, not "count() > 0", which SpEL would not compile). */
		public boolean reported() {
			return this.count > 0;
		}

	}

	/**
	 * @param counts the period's counts, as the dashboard's figures hold them
	 * @param grouping how they are grouped
	 * @param from the period's first day
	 * @param to the period's last day
	 * @param label a group's name from its first month (yyyy-MM)
	 * @param contextPath where the application is served, "" at the root (category codes and days
	 * need no encoding in a query)
	 */
	static OverTimeTable of(List<Metrics.MonthCount> counts, Grouping grouping, LocalDate from, LocalDate to,
			Function<String, String> label, String contextPath) {
		TreeSet<String> categories = new TreeSet<>(
				Comparator.comparing((String category) -> category.equals(UNCLASSIFIED)).thenComparing(category -> category));
		Map<String, Map<String, Long>> byGroup = new LinkedHashMap<>();
		for (Metrics.MonthCount count : counts) {
			categories.add(count.category());
			byGroup.computeIfAbsent(count.month(), month -> new LinkedHashMap<>()).put(count.category(), count.count());
		}
		List<String> columns = List.copyOf(categories);
		List<Row> rows = new ArrayList<>(byGroup.size());
		byGroup.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			LocalDate first = YearMonth.parse(entry.getKey()).atDay(1);
			LocalDate last = first.plusMonths(grouping.months()).minusDays(1);
			// the days of the group within the period: the days the count counted
			String days = "from=" + (first.isBefore(from) ? from : first) + "&to=" + (last.isAfter(to) ? to : last);
			rows.add(new Row(label.apply(entry.getKey()), columns.stream()
				.map(category -> new Cell(entry.getValue().getOrDefault(category, 0L), contextPath + "/incidents?"
						+ (category.equals(UNCLASSIFIED) ? days : "category=" + category + "&" + days)))
				.toList()));
		});
		return new OverTimeTable(columns, List.copyOf(rows));
	}

}
