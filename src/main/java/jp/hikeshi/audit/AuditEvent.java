package jp.hikeshi.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One line of the administrative audit trail; the database refuses to change or remove it. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

	/** The subject column's width (V35). */
	public static final int MAX_SUBJECT = 1000;

	/** The detail column's width (V35). */
	public static final int MAX_DETAIL = 4000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	private String actor;

	private String action;

	private String subject;

	private String detail;

	/** The API token the action came through; {@code null} for an action on a page. */
	private String via;

	/** The address the request came from; {@code null} outside a request. */
	private String address;

	private String userAgent;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, String actor, AuditAction action, String subject, String detail) {
		this.occurredAt = occurredAt;
		// a name typed at sign-in can be anything: it is kept, cut to the columns
		this.actor = Origin.cut(actor, 64);
		this.action = action.name();
		this.subject = clip(subject, MAX_SUBJECT);
		this.detail = clip(detail, MAX_DETAIL);
		this.via = jp.hikeshi.shared.Attribution.apiToken().orElse(null);
		Origin origin = Origin.ofCurrentRequest();
		this.address = origin.address();
		this.userAgent = origin.userAgent();
	}

	public String getAddress() {
		return this.address;
	}

	public String getUserAgent() {
		return this.userAgent;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	/** The name of the API token the action came through, or {@code null}. */
	public String getVia() {
		return this.via;
	}

	public String getActor() {
		return this.actor;
	}

	public AuditAction getAction() {
		return AuditAction.valueOf(this.action);
	}

	public String getSubject() {
		return this.subject;
	}

	public String getDetail() {
		return this.detail;
	}

	/**
	 * What was typed, cut to the column with an ellipsis: the forms allow no more than the columns
	 * hold, but an audit line must never be what makes an administrative change fail.
	 */
	static String clip(String text, int max) {
		if (text == null || text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

}
