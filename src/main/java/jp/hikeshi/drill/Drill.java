package jp.hikeshi.drill;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.reporting.DutyType;

/**
 * A drill as it ran: the incident it runs on, the scenario's name and expected reports as they
 * were when it started, who started it and when it ended ({@code null}: still running).
 */
public record Drill(long id, long incidentId, String nameJa, String nameEn, Set<DutyType> expectedDuties,
		String startedBy, Instant startedAt, Instant endedAt) {

	public String name(Locale locale) {
		return Scenario.english(locale) ? this.nameEn : this.nameJa;
	}

	public boolean isRunning() {
		return this.endedAt == null;
	}

	/**
	 * An inject of this drill.
	 * @param dueAt the start plus its minutes: shown from then on
	 * @param readAt when the lead read it out (it is then on the timeline); {@code null}: not yet
	 */
	public record Inject(int position, int minute, String textJa, String textEn, Instant dueAt, Instant readAt) {

		public String text(Locale locale) {
			return Scenario.english(locale) ? this.textEn : this.textJa;
		}

		public boolean isRead() {
			return this.readAt != null;
		}

	}

}
