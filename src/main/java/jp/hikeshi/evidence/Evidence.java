package jp.hikeshi.evidence;

import java.time.Instant;

/**
 * A file kept as evidence for an incident: where it came from, who collected it and when, and
 * its SHA-256 on arrival. Deleted evidence stays as a tombstone: the row without its content.
 * {@code sealHolds}: whether its hash still carries the installation's seal (a hash rewritten in
 * the database does not); {@code lastCheck}: what the last check of its content found
 * ({@code null} before any).
 */
public record Evidence(long id, long incidentId, String fileName, String contentType, long sizeBytes, String sha256,
		String description, String collectedFrom, String collectedBy, Instant collectedAt, boolean litigationHold,
		Instant deletedAt, String deletedBy, String deletionReason, boolean sealHolds, Boolean lastCheck) {

	/** Whether the evidence must not be trusted: its seal does not hold, or its content last failed its hash. */
	public boolean tampered() {
		return !isDeleted() && (!this.sealHolds || Boolean.FALSE.equals(this.lastCheck));
	}

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

}
