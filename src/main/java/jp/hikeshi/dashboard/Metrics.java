package jp.hikeshi.dashboard;

import java.math.BigDecimal;
import java.util.List;

import jp.hikeshi.reporting.DueDuty;

/**
 * What the executive's dashboard shows, all figures computed by SQL aggregates.
 * @param overTime the incidents by month (or quarter, or year) reported and category
 * @param durationsByMonth the durations by month (or quarter, or year) reported
 * @param grouping how {@code overTime} and {@code durationsByMonth} are grouped over the period
 */
public record Metrics(List<OpenCount> open, List<OpenIncident> openIncidents, Decisions decisions, List<DueDuty> duties, long overdue, long dueSoon,
		List<MonthCount> overTime, List<Durations> durationsByCategory, List<Durations> durationsByMonth,
		List<Damage> damageByCategory, Grouping grouping) {

	/** How many incidents are open. */
	public long openTotal() {
		return this.open.stream().mapToLong(OpenCount::count).sum();
	}

	/** Open incidents in one state with one severity ({@code null}: not yet rated). */
	public record OpenCount(String state, String step, String severity, long count) {
	}

	/**
	 * One open incident, named on the first screen: step by step as the guide runs them, 緊急
	 * first within a step ({@code severity} {@code null}: not yet rated).
	 */
	public record OpenIncident(long id, String reference, String title, String state, String step, String severity) {
	}

	/** Damage over every category: what the executive reads first. */
	public Damage damageTotal() {
		return new Damage(null, this.damageByCategory.stream().mapToLong(Damage::incidents).sum(),
				this.damageByCategory.stream().mapToLong(Damage::directYen).sum(),
				this.damageByCategory.stream().mapToLong(Damage::indirectYen).sum(),
				this.damageByCategory.stream().map(Damage::disruptionDays).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	/** Decisions waiting for the executive. */
	public record Decisions(long teamsToForm, long closingsToApprove, long announcementsToApprove) {

		public long total() {
			return this.teamsToForm + this.closingsToApprove + this.announcementsToApprove;
		}

	}

	/**
	 * Incidents reported in one month of one category; the month is yyyy-MM in the organisation's
	 * zone, the first of its quarter or year where the figures are so grouped.
	 */
	public record MonthCount(String month, String category, long count) {
	}

	/**
	 * Average days from 発生 to 発覚 (time to detect), from 発覚 to leaving containment (time to
	 * contain) and from 発覚 to recovery confirmed (time to recover), with how many incidents
	 * had the dates to count; {@code null} where none had.
	 */
	public record Durations(String key, long incidents, BigDecimal detectDays, long detectCounted,
			BigDecimal containDays, long containCounted, BigDecimal recoverDays, long recoverCounted) {
	}

	/** Damage recorded on the incidents of one category. */
	public record Damage(String category, long incidents, long directYen, long indirectYen, BigDecimal disruptionDays) {

		public long totalYen() {
			return this.directYen + this.indirectYen;
		}

	}

}
