package jp.hikeshi.reporting;

import java.time.Instant;

/**
 * A duty as the pages show it: which incident, what is owed, by when, and how urgent now.
 * @param daysLeft whole days from today to the deadline's last day; negative when overdue
 */
public record DueDuty(long incidentId, String reference, String title, Duty duty, Instant deadline,
		Deadlines.Urgency urgency, Long daysLeft) {
}
