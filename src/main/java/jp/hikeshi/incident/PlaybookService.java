package jp.hikeshi.incident;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.PlainTextValidator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's playbook, edited by the administrator: built-in points switched off or
 * reworded, and points of its own for chosen categories. Every change is in the audit trail.
 */
@Service
@Transactional
public class PlaybookService {

	static final int MAX_TEXT = 500;

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	PlaybookService(JdbcTemplate jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	public Playbook current() {
		return new Playbook(this.jdbc.query(
				"select id, builtin, text, categories, active from playbook_point order by position, id",
				(rs, row) -> new Playbook.Entry(rs.getLong(1),
						rs.getString(2) == null ? null : ChecklistPoint.valueOf(rs.getString(2)), rs.getString(3),
						Playbook.categories(rs.getString(4)), rs.getBoolean(5))));
	}

	/** Switches a built-in point on or off, and rewords it ({@code null}: the shipped wording). */
	public void changeBuiltin(ChecklistPoint point, boolean active, String text, String actor) {
		String wording = clean(text);
		this.jdbc.update("""
				insert into playbook_point (builtin, text, active) values (?, ?, ?)
				on conflict (builtin) do update set text = excluded.text, active = excluded.active""", point.name(),
				wording, active);
		this.auditLog.record(actor, AuditAction.PLAYBOOK_CHANGED, point.name(), (active ? "on" : "off")
				+ (wording == null ? "" : ": " + wording));
	}

	/** Adds or changes one of the company's own points. */
	public void saveOwn(Long id, String text, Set<Category> categories, boolean active, String actor) {
		String wording = clean(text);
		if (wording == null) {
			throw BusinessRuleViolation.onField("text", "playbook.textRequired");
		}
		String list = categories.stream().sorted().map(Category::name).collect(Collectors.joining(","));
		if (id == null) {
			Integer position = this.jdbc.queryForObject("select coalesce(max(position), 0) + 1 from playbook_point",
					Integer.class);
			this.jdbc.update("insert into playbook_point (text, categories, active, position) values (?, ?, ?, ?)",
					wording, list, active, position);
		}
		else if (this.jdbc.update("update playbook_point set text = ?, categories = ?, active = ? where id = ? and builtin is null",
				wording, list, active, id) == 0) {
			throw new BusinessRuleViolation("playbook.unknown");
		}
		this.auditLog.record(actor, AuditAction.PLAYBOOK_CHANGED, wording, list.isEmpty() ? "ALL" : list);
	}

	/** The built-in points, for the administrator's page. */
	public List<ChecklistPoint> builtins() {
		return List.of(ChecklistPoint.values());
	}

	private static String clean(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String wording = text.strip();
		if (wording.length() > MAX_TEXT || !PlainTextValidator.isPlain(wording, false)) {
			throw BusinessRuleViolation.onField("text", "playbook.textInvalid", MAX_TEXT);
		}
		return wording;
	}

}
