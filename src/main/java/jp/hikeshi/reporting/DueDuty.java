package jp.hikeshi.reporting;

/**
 * A duty as the pages show it: which incident, what is owed, by when, and how urgent now.
 * @param daysLeft whole days from today in Japan to the deadline's last day; 0 on the day,
 * negative when overdue; {@code null} when the deadline is not a day
 */
public record DueDuty(long incidentId, String reference, String title, Duty duty, Deadline deadline,
		Deadline.Urgency urgency, Long daysLeft) {
}
