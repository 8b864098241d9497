package jp.hikeshi.investigation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.investigation.InvestigationCommands.AddContact;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The company's own contacts (vendor, insurer, lawyer …); changes go to the audit trail. */
@Service
@Transactional
public class ContactService {

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	ContactService(JdbcTemplate jdbc, AuditLog auditLog, Clock clock) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Contact> all() {
		return this.jdbc.query("select id, kind, name, phone, note from contact order by kind, name",
				(rs, row) -> new Contact(rs.getLong(1), Contact.Kind.valueOf(rs.getString(2)), rs.getString(3),
						rs.getString(4), rs.getString(5)));
	}

	public void add(AddContact contact, String actor) {
		if (contact.kind() == null) {
			throw BusinessRuleViolation.onField("kind", "contact.kindRequired");
		}
		if (contact.name() == null || contact.name().isBlank()) {
			throw BusinessRuleViolation.onField("name", "contact.nameRequired");
		}
		String name = contact.name().strip();
		this.jdbc.update("insert into contact (kind, name, phone, note, created_by, created_at) values (?, ?, ?, ?, ?, ?)",
				contact.kind().name(), name, blankToNull(contact.phone()), blankToNull(contact.note()), actor,
				Timestamp.from(this.clock.instant()));
		this.auditLog.record(actor, AuditAction.CONTACT_ADDED, name, contact.kind().name());
	}

	public void remove(long id, String actor) {
		String name = this.jdbc.query("select name from contact where id = ?", (rs, row) -> rs.getString(1), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("contact.unknown"));
		this.jdbc.update("delete from contact where id = ?", id);
		this.auditLog.record(actor, AuditAction.CONTACT_REMOVED, name, null);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
