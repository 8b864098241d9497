package jp.hikeshi.dashboard.web;

import java.time.LocalDate;
import java.util.List;

import jp.hikeshi.dashboard.Grouping;
import jp.hikeshi.dashboard.Metrics.MonthCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverTimeTableTest {

	private static final LocalDate FROM = LocalDate.of(2025, 12, 10);

	private static final LocalDate TO = LocalDate.of(2026, 2, 20);

	@Test
	void aMonthARowACategoryAColumnTheUnclassifiedLastAndZeroWhereNoneWasReported() {
		OverTimeTable table = OverTimeTable.of(List.of(new MonthCount("2026-01", "VIRUS_RANSOMWARE", 3),
				new MonthCount("2026-01", "UNCLASSIFIED", 1), new MonthCount("2025-12", "INFORMATION_LEAK", 2),
				new MonthCount("2026-01", "INFORMATION_LEAK", 5), new MonthCount("2026-02", "WEBSITE_DEFACEMENT", 4)),
				Grouping.MONTH, FROM, TO, month -> "<" + month + ">", "");

		// UNCLASSIFIED sorts before VIRUS_RANSOMWARE and WEBSITE_DEFACEMENT by name: it is put last all the same
		assertThat(table.categories()).containsExactly("INFORMATION_LEAK", "VIRUS_RANSOMWARE", "WEBSITE_DEFACEMENT",
				"UNCLASSIFIED");
		assertThat(table.rows()).extracting(OverTimeTable.Row::label).containsExactly("<2025-12>", "<2026-01>", "<2026-02>");
		assertThat(table.rows().get(1).cells()).containsExactly(
				new OverTimeTable.Cell(5, "/incidents?category=INFORMATION_LEAK&from=2026-01-01&to=2026-01-31"),
				new OverTimeTable.Cell(3, "/incidents?category=VIRUS_RANSOMWARE&from=2026-01-01&to=2026-01-31"),
				new OverTimeTable.Cell(0, "/incidents?category=WEBSITE_DEFACEMENT&from=2026-01-01&to=2026-01-31"),
				// the list has no filter for "not yet classified": the link lists those days' incidents
				new OverTimeTable.Cell(1, "/incidents?from=2026-01-01&to=2026-01-31"));
		// the first and the last month link to the days of the period they hold, which are what was counted
		assertThat(table.rows().get(0).cells().get(0).incidents()).endsWith("from=2025-12-10&to=2025-12-31");
		assertThat(table.rows().get(2).cells().get(2).incidents()).endsWith("from=2026-02-01&to=2026-02-20");
		assertThat(table.rows().get(2).cells().get(0).reported()).isFalse();
	}

	@Test
	void aQuarterOrAYearLinksToItsDaysWithinThePeriod() {
		LocalDate from = LocalDate.of(2023, 11, 15);
		LocalDate to = LocalDate.of(2026, 5, 31);
		OverTimeTable quarters = OverTimeTable.of(List.of(new MonthCount("2023-10", "OTHER", 2),
				new MonthCount("2024-04", "OTHER", 7), new MonthCount("2026-04", "OTHER", 1)), Grouping.QUARTER, from, to,
				month -> month, "");
		assertThat(quarters.rows()).extracting(row -> row.cells().get(0).incidents())
			.containsExactly("/incidents?category=OTHER&from=2023-11-15&to=2023-12-31",
					"/incidents?category=OTHER&from=2024-04-01&to=2024-06-30",
					"/incidents?category=OTHER&from=2026-04-01&to=2026-05-31");
		OverTimeTable years = OverTimeTable.of(List.of(new MonthCount("2024-01", "OTHER", 9)), Grouping.YEAR, from, to,
				month -> month, "");
		assertThat(years.rows().get(0).cells().get(0).incidents())
			.isEqualTo("/incidents?category=OTHER&from=2024-01-01&to=2024-12-31");
	}

	@Test
	void theLinksKeepWhereTheApplicationIsServed() {
		OverTimeTable table = OverTimeTable.of(List.of(new MonthCount("2026-01", "OTHER", 2)), Grouping.MONTH, FROM, TO,
				month -> month, "/hikeshi");
		assertThat(table.rows().get(0).cells().get(0).incidents())
			.isEqualTo("/hikeshi/incidents?category=OTHER&from=2026-01-01&to=2026-01-31");
	}

	@Test
	void aPeriodWithoutReportsHasNeitherRowsNorColumns() {
		OverTimeTable table = OverTimeTable.of(List.of(), Grouping.MONTH, FROM, TO, month -> month, "");
		assertThat(table.categories()).isEmpty();
		assertThat(table.rows()).isEmpty();
	}

}
