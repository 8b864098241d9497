package jp.hikeshi.evidence;

import java.time.Instant;

/**
 * A file kept as evidence for an incident: where it came from, who collected it and when, and
 * its SHA-256 on arrival. Deleted evidence stays as a tombstone: the row without its content.
 */
public record Evidence(long id, long incidentId, String fileName, String contentType, long sizeBytes, String sha256,
		String description, String collectedFrom, String collectedBy, Instant collectedAt, boolean litigationHold,
		Instant deletedAt, String deletedBy, String deletionReason) {

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

}
