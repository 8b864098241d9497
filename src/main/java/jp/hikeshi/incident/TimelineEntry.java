package jp.hikeshi.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One entry of an incident's timeline (対応経過): who, when, what, before → after. Entries are
 * never changed (no setters here, and the database refuses UPDATE and DELETE), and each carries a SHA-256 hash over
 * its content and the previous entry's hash, so that a changed or removed entry shows.
 */
@Entity
@Table(name = "incident_timeline_entry")
public class TimelineEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "incident_id")
	private Incident incident;

	private int sequence;

	private Instant occurredAt;

	private String actor;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	@Enumerated(EnumType.STRING)
	private IncidentState fromState;

	@Enumerated(EnumType.STRING)
	private IncidentState toState;

	private String field;

	@Column(name = "before_value")
	private String before;

	@Column(name = "after_value")
	private String after;

	private String note;

	private boolean sharedWithReporter;

	private String previousHash;

	private String hash;

	protected TimelineEntry() {
	}

	TimelineEntry(Incident incident, String reference, int sequence, String previousHash, Instant occurredAt,
			String actor, Kind kind, Change change, String note, boolean sharedWithReporter) {
		this.incident = incident;
		this.sequence = sequence;
		this.previousHash = previousHash;
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.kind = kind;
		this.fromState = change.fromState();
		this.toState = change.toState();
		this.field = change.field();
		this.before = change.before();
		this.after = change.after();
		this.note = note;
		this.sharedWithReporter = sharedWithReporter;
		this.hash = computeHash(reference);
	}

	/** The hash this entry's content gives; differs from {@link #getHash()} if it was altered. */
	String computeHash(String reference) {
		StringBuilder canonical = new StringBuilder();
		for (Object part : new Object[] { reference, this.sequence, this.occurredAt, this.actor, this.kind,
				this.fromState, this.toState, this.field, this.before, this.after, this.note, this.sharedWithReporter,
				this.previousHash }) {
			// length-prefixed, so that no two different contents read the same
			String text = (part == null) ? "" : part.toString();
			canonical.append(part == null ? -1 : text.length()).append(':').append(text).append('|');
		}
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	public Long getId() {
		return this.id;
	}

	public int getSequence() {
		return this.sequence;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public Kind getKind() {
		return this.kind;
	}

	public IncidentState getFromState() {
		return this.fromState;
	}

	public IncidentState getToState() {
		return this.toState;
	}

	public String getField() {
		return this.field;
	}

	public String getBefore() {
		return this.before;
	}

	public String getAfter() {
		return this.after;
	}

	public String getNote() {
		return this.note;
	}

	public boolean isSharedWithReporter() {
		return this.sharedWithReporter;
	}

	public String getPreviousHash() {
		return this.previousHash;
	}

	public String getHash() {
		return this.hash;
	}

	/** What an entry records. */
	public enum Kind {

		REPORTED, INFORMATION_ADDED, STATE_CHANGED, CLOSING_APPROVED, TEAM_FORMED, CHECKLIST_CHANGED, FIELD_CHANGED,
		NOTE

	}

	/** A state change or a field change; all parts optional. */
	record Change(IncidentState fromState, IncidentState toState, String field, String before, String after) {

		static final Change NONE = new Change(null, null, null, null, null);

		static Change state(IncidentState from, IncidentState to) {
			return new Change(from, to, null, null, null);
		}

		static Change field(String field, String before, String after) {
			return new Change(null, null, field, before, after);
		}

	}

}
