package jp.hikeshi.dashboard;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GroupingTest {

	@Test
	void byMonthUpToTwoYearsByQuarterUpToEightByYearBeyond() {
		LocalDate from = LocalDate.of(2024, 1, 31);
		// counted in calendar months touched: January 2024 to December 2025 is 24
		assertThat(Grouping.of(from, LocalDate.of(2025, 12, 1))).isEqualTo(Grouping.MONTH);
		assertThat(Grouping.of(from, LocalDate.of(2026, 1, 1))).isEqualTo(Grouping.QUARTER);
		assertThat(Grouping.of(from, LocalDate.of(2031, 12, 31))).isEqualTo(Grouping.QUARTER);
		assertThat(Grouping.of(from, LocalDate.of(2032, 1, 1))).isEqualTo(Grouping.YEAR);
		assertThat(Grouping.of(from, from)).isEqualTo(Grouping.MONTH);
		// the dashboard's default, the last twelve months
		assertThat(Grouping.of(LocalDate.of(2025, 12, 3), LocalDate.of(2026, 12, 2))).isEqualTo(Grouping.MONTH);
	}

}
