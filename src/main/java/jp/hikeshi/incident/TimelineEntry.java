package jp.hikeshi.incident;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

import jp.hikeshi.shared.Sha256;

/**
 * One entry of an incident's timeline (対応経過): who, when, what, before → after. Entries are
 * never changed (no setters here, and the database refuses UPDATE and DELETE), and each carries a SHA-256 hash over
 * its content and the previous entry's hash, so that a changed or removed entry shows. Its seal
 * ({@link TimelineSeal}, a row of its own beside it) is what someone with the database but without
 * the installation's key cannot make.
 */
@Entity
@Table(name = "incident_timeline_entry")
@SecondaryTable(name = TimelineEntry.SEALS, pkJoinColumns = @PrimaryKeyJoinColumn(name = "entry_id"))
@EntityListeners(TimelineSeal.class)
public class TimelineEntry {

	static final String SEALS = "incident_timeline_seal";

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

	@Column(table = SEALS, name = "mac")
	private String seal;

	@Column(table = SEALS)
	private Instant sealedAt;

	/** Sealed when the seals came (an entry written before them), not when it was written. */
	@Column(table = SEALS)
	private Boolean atUpgrade;

	/** The API token the actor came through ({@link jp.hikeshi.shared.Attribution}); {@code null} on a page. */
	private String via;

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
		this.via = jp.hikeshi.shared.Attribution.apiToken().orElse(null);
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
		if (this.via != null) {
			// only where there is one, so that the entries written before tokens existed keep their hash
			canonical.append("via").append(this.via.length()).append(':').append(this.via).append('|');
		}
		return Sha256.hex(canonical.toString());
	}

	void sealWith(String mac, Instant now) {
		this.seal = mac;
		this.sealedAt = now;
		this.atUpgrade = false;
	}

	Incident getIncident() {
		return this.incident;
	}

	String getSeal() {
		return this.seal;
	}

	/** When the entry was sealed, if it was sealed at the upgrade that brought the seals; empty otherwise. */
	java.util.Optional<Instant> sealedAtUpgrade() {
		return Boolean.TRUE.equals(this.atUpgrade) ? java.util.Optional.of(this.sealedAt) : java.util.Optional.empty();
	}

	public Long getId() {
		return this.id;
	}

	/** The name of the API token the entry was written through, or {@code null}. */
	public String getVia() {
		return this.via;
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

	/**
	 * What an entry records, and how its three raw values (subject, before, after) read: each
	 * kind names the {@link Slot} of each, so the page renders enum names as labels, user names
	 * as display names and times in the reader's zone, while the hashed row keeps the raw value.
	 * Adding history of a new kind: a constant here, a {@code timeline.KIND} message, and a
	 * {@link HistoryEvent} that names it.
	 */
	public enum Kind {

		REPORTED, INFORMATION_ADDED, STATE_CHANGED, CLOSING_APPROVED,
		/** subject: the responsible person; after: the assignees. Older rows: subject "team", after "lead / a, b". */
		TEAM_FORMED(Slot.USER, Slot.NONE, Slot.USERS),
		/** subject: the checklist point (its key, or the company's own text); before/after: its status. */
		CHECKLIST_CHANGED(Slot.CHECKLIST_POINT, Slot.enumOf("ChecklistStatus"), Slot.enumOf("ChecklistStatus")),
		/** subject: the field; the field decides how before and after read ({@link FieldTypes}). */
		FIELD_CHANGED(Slot.FIELD, Slot.TEXT, Slot.TEXT),
		NOTE,
		/** Re-entering an earlier step withdrew what that step had confirmed. subject: what. */
		WITHDRAWN(Slot.enumOf("Withdrawn"), Slot.NONE, Slot.NONE),
		RECOVERY_CONFIRMED(Slot.NONE, Slot.NONE, Slot.NONE),
		RECOVERY_REPORTED(Slot.NONE, Slot.NONE, Slot.NONE),
		// --- evidence (証拠保全): subject file name, after SHA-256 ---
		EVIDENCE_COLLECTED(Slot.TEXT, Slot.NONE, Slot.TEXT),
		EVIDENCE_DELETED(Slot.TEXT, Slot.NONE, Slot.TEXT),
		/** after: to whom. */
		EVIDENCE_HANDED_OVER(Slot.TEXT, Slot.NONE, Slot.TEXT),
		EVIDENCE_HELD(Slot.TEXT, Slot.NONE, Slot.NONE),
		/** Content that did not match its hash or seal, downloaded all the same; note: why. */
		EVIDENCE_TAMPERED_DOWNLOAD(Slot.TEXT, Slot.NONE, Slot.NONE),
		// --- investigation (調査・対応) ---
		/** after: the 5W1H items that changed. */
		INVESTIGATION_UPDATED(Slot.NONE, Slot.NONE, Slot.enumsOf("InvestigationItem")),
		/** subject: kind of repair; before: owner; note: what. */
		REMEDIATION_RECORDED(Slot.enumOf("RemediationKind"), Slot.USER, Slot.NONE),
		/** after: the day it was done; note: what. */
		REMEDIATION_COMPLETED(Slot.enumOf("RemediationKind"), Slot.NONE, Slot.DATE),
		/** subject: who was asked; after: the day; note: the request. */
		OUTSIDE_HELP_ASKED(Slot.TEXT, Slot.NONE, Slot.DATE),
		/** after: the day; note: the summary. */
		EXECUTIVE_REPORTED(Slot.NONE, Slot.NONE, Slot.DATE),
		// --- prevention (再発防止) ---
		ROOT_CAUSES_CHANGED(Slot.NONE, Slot.enumsOf("RootCause"), Slot.enumsOf("RootCause")),
		/** subject: kind of measure; before: owner; after: due date; note: what. */
		MEASURE_ADDED(Slot.enumOf("MeasureKind"), Slot.USER, Slot.DATE),
		/** subject: kind of measure; after: the day it was done; note: what. */
		MEASURE_COMPLETED(Slot.enumOf("MeasureKind"), Slot.NONE, Slot.DATE),
		// --- step 2 (報告・公表) ---
		DUTIES_RECALCULATED(Slot.NONE, Slot.enumsOf("DutyType"), Slot.enumsOf("DutyType")),
		/** subject: the fact; before/after: the answers (Answer). Facts of other types: FACT_*_CHANGED below. */
		FACT_CHANGED(Slot.enumOf("Fact"), Slot.enumOf("Answer"), Slot.enumOf("Answer")),
		/** subject: the report; after: the day it was filed; note: the filing's reference. */
		DUTY_FILED(Slot.enumOf("DutyType"), Slot.NONE, Slot.DATE),
		/** subject: the report; note: the reason. */
		DUTY_WAIVED(Slot.enumOf("DutyType"), Slot.NONE, Slot.NONE),
		DUTY_NOT_YET_DUE(Slot.enumOf("DutyType"), Slot.NONE, Slot.NONE),
		DUTY_REOPENED(Slot.enumOf("DutyType"), Slot.NONE, Slot.NONE),
		/** A supplementary report (追完) to one filed. subject: the report; before: the filing's reference; after: the day; note: why. */
		DUTY_SUPPLEMENTED(Slot.enumOf("DutyType"), Slot.TEXT, Slot.DATE),
		/** subject: the kind of announcement; after: its public title. */
		ANNOUNCEMENT_DRAFTED(Slot.enumOf("AnnouncementKind"), Slot.NONE, Slot.TEXT),
		ANNOUNCEMENT_APPROVED(Slot.enumOf("AnnouncementKind"), Slot.NONE, Slot.TEXT),
		/** before: the day it went out. */
		ANNOUNCEMENT_PUBLISHED(Slot.enumOf("AnnouncementKind"), Slot.DATE, Slot.TEXT),
		/** subject: the inquiries so far; before: the day it opened; after: the desk's contact. */
		INQUIRY_DESK_CHANGED(Slot.NUMBER, Slot.DATE, Slot.TEXT),
		/** A step-2 fact that is a number (how many people); subject: the fact. */
		FACT_COUNT_CHANGED(Slot.enumOf("Fact"), Slot.NUMBER, Slot.NUMBER),
		/** A step-2 fact that is yes or no; subject: the fact. */
		FACT_FLAG_CHANGED(Slot.enumOf("Fact"), Slot.BOOLEAN, Slot.BOOLEAN),
		/** A step-2 fact that is a text (data items, secondary damage); subject: the fact. */
		FACT_TEXT_CHANGED(Slot.enumOf("Fact"), Slot.TEXT, Slot.TEXT),
		/** Prevention: the explanation of the root cause changed; note: the new explanation. */
		ROOT_CAUSE_NOTE_CHANGED(Slot.NONE, Slot.NONE, Slot.NONE),
		/** subject: the fact; before/after: 発生した / 発生したおそれがある / おそれはない; note: why ruled out. */
		FACT_LEAK_CHANGED(Slot.enumOf("Fact"), Slot.enumOf("LeakStatus"), Slot.enumOf("LeakStatus")),
		FACT_GDPR_RISK_CHANGED(Slot.enumOf("Fact"), Slot.enumOf("GdprRisk"), Slot.enumOf("GdprRisk")),
		FACT_GDPR_EXEMPTION_CHANGED(Slot.enumOf("Fact"), Slot.enumOf("GdprExemption"), Slot.enumOf("GdprExemption")),
		FACT_CAUSED_BY_CHANGED(Slot.enumOf("Fact"), Slot.enumOf("CausedBy"), Slot.enumOf("CausedBy")),
		/** before/after: the duties that may apply (要判断), which the facts cannot decide yet. */
		DUTIES_PROVISIONAL(Slot.NONE, Slot.enumsOf("DutyType"), Slot.enumsOf("DutyType")),
		/** subject: the threshold; after: the count of people that passed it. */
		THRESHOLD_PASSED(Slot.enumOf("Threshold"), Slot.NONE, Slot.NUMBER),
		/** subject: the data set's description; after: the most people it may concern. */
		DATA_SET_ADDED(Slot.TEXT, Slot.NONE, Slot.NUMBER),
		DATA_SET_CHANGED(Slot.TEXT, Slot.NONE, Slot.NUMBER),
		DATA_SET_REMOVED(Slot.TEXT, Slot.NONE, Slot.NONE),
		// --- the register (資産・情報の台帳) ---
		/** before/after: the names of the register's systems the incident concerns. */
		SYSTEMS_CHOSEN(Slot.NONE, Slot.NAMES, Slot.NAMES),
		/** subject: the data set's description; before: the system it came from; after: the most people. */
		DATA_SET_PROPOSED(Slot.TEXT, Slot.TEXT, Slot.NUMBER),
		/** subject: the data set's description. */
		DATA_SET_CONFIRMED(Slot.TEXT, Slot.NONE, Slot.NONE),
		/** subject: the data set's description; before: the system no longer named. */
		DATA_SET_WITHDRAWN(Slot.TEXT, Slot.TEXT, Slot.NONE),
		// --- drills (机上演習) ---
		/** subject: the scenario's name. */
		DRILL_STARTED(Slot.TEXT, Slot.NONE, Slot.NONE),
		/** subject: minutes after the start; note: what happened (the inject, in the language it was read in). */
		DRILL_INJECT(Slot.NUMBER, Slot.NONE, Slot.NONE),
		DRILL_ENDED(Slot.NONE, Slot.NONE, Slot.NONE);

		private final Slot subject;

		private final Slot before;

		private final Slot after;

		Kind() {
			this(Slot.NONE, Slot.NONE, Slot.NONE);
		}

		Kind(Slot subject, Slot before, Slot after) {
			this.subject = subject;
			this.before = before;
			this.after = after;
		}

		/**
		 * Whether an entry of this kind records a change of the incident's own fields (which moves
		 * its version), not history beside it. A checklist decision changes only its item: two
		 * people ticking different items at once both succeed.
		 */
		public boolean changesTheIncident() {
			return switch (this) {
				case STATE_CHANGED, CLOSING_APPROVED, TEAM_FORMED, FIELD_CHANGED, WITHDRAWN, RECOVERY_CONFIRMED,
						RECOVERY_REPORTED, SYSTEMS_CHOSEN -> true;
				default -> false;
			};
		}

		public Slot subject() {
			return this.subject;
		}

		public Slot before() {
			return this.before;
		}

		public Slot after() {
			return this.after;
		}

	}

	/**
	 * How a raw value of an entry reads. {@code prefix} is the message-key prefix of an enum's
	 * labels ({@code RootCause.PHISHING_OR_SOCIAL_ENGINEERING}).
	 */
	public record Slot(Type type, String prefix) {

		public static final Slot NONE = new Slot(Type.NONE, null);

		public static final Slot TEXT = new Slot(Type.TEXT, null);

		public static final Slot USER = new Slot(Type.USER, null);

		public static final Slot USERS = new Slot(Type.USERS, null);

		public static final Slot INSTANT = new Slot(Type.INSTANT, null);

		public static final Slot DATE = new Slot(Type.DATE, null);

		public static final Slot YEN = new Slot(Type.YEN, null);

		public static final Slot NUMBER = new Slot(Type.NUMBER, null);

		public static final Slot BOOLEAN = new Slot(Type.BOOLEAN, null);

		/** Names of things the company named (its systems), one a line: a name may hold a comma. */
		public static final Slot NAMES = new Slot(Type.NAMES, null);

		public static final Slot FIELD = new Slot(Type.FIELD, "Field");

		public static final Slot CHECKLIST_POINT = new Slot(Type.CHECKLIST_POINT, "ChecklistPoint");

		public static Slot enumOf(String prefix) {
			return new Slot(Type.ENUM, prefix);
		}

		public static Slot enumsOf(String prefix) {
			return new Slot(Type.ENUMS, prefix);
		}

		public enum Type {

			NONE, TEXT, USER, USERS, INSTANT, DATE, YEN, NUMBER, BOOLEAN, ENUM, ENUMS, FIELD, CHECKLIST_POINT, NAMES

		}

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
