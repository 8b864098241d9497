package jp.hikeshi.incident;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.PrePersist;

import jp.hikeshi.shared.ApplicationSecret;

import org.springframework.stereotype.Component;

/**
 * Seals the timeline with a key the database never sees ({@link ApplicationSecret}): each entry's
 * hash (with its incident and place), and the head the incident remembers. The hash chain shows
 * a change made by someone who did not recompute it; the seal shows one made by someone who
 * did, with the database's credentials but without the key. Hibernate calls it, as an entity
 * listener, for every entry it inserts, whichever module's history it is, and for every new
 * incident.
 */
@Component
class TimelineSeal {

	static final String PURPOSE = "timeline-v1";

	private final ApplicationSecret.Seal seal;

	private final Clock clock;

	TimelineSeal(ApplicationSecret secret, Clock clock) {
		this.seal = secret.seal(PURPOSE);
		this.clock = clock;
	}

	/**
	 * An entry about to be inserted: it and the head it made are sealed. A new incident about to
	 * be inserted: the head of the entries it starts with is sealed before its row is written, so
	 * that its first entry's sealing finds it sealed already and the row needs no update after.
	 */
	@PrePersist
	void sealed(Object persisted) {
		if (persisted instanceof Incident incident) {
			sealHead(incident);
			return;
		}
		TimelineEntry entry = (TimelineEntry) persisted;
		Incident incident = entry.getIncident();
		entry.sealWith(entry(incident.getReference(), entry.getSequence(), entry.getHash()),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		// the incident's head moved with this entry (appended just before it is persisted)
		sealHead(incident);
	}

	private void sealHead(Incident incident) {
		incident.sealHead(head(incident.getReference(), incident.timelineLength(), incident.timelineHead()));
	}

	String entry(String reference, int sequence, String hash) {
		return this.seal.of("entry", reference, sequence, hash);
	}

	String head(String reference, int length, String head) {
		return this.seal.of("head", reference, length, head);
	}

	boolean holds(TimelineEntry entry, String reference) {
		return this.seal.holds(entry.getSeal(), "entry", reference, entry.getSequence(), entry.getHash());
	}

	boolean holdsHead(String mac, String reference, int length, String head) {
		return this.seal.holds(mac, "head", reference, length, head);
	}

}
