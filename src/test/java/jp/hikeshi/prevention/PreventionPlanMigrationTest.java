package jp.hikeshi.prevention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jp.hikeshi.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V13 on a database as V12 left it: the incident's free-text root cause and measures move into
 * the prevention plan, so that every incident reads the same and stays as closable as it was,
 * and the two columns go.
 */
class PreventionPlanMigrationTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private JdbcTemplate jdbc;

	private FluentConfiguration flyway;

	@BeforeEach
	void aDatabaseAtVersion12() {
		TestDatabase server = TestDatabase.server();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(server.createDatabase(), server.username(),
				server.password());
		this.jdbc = new JdbcTemplate(dataSource);
		this.flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
		this.flyway.target("12").load().migrate();
		this.jdbc.update("""
				insert into organisation (name, industry, time_zone, created_at)
				values ('株式会社テスト', 'MANUFACTURING', 'Asia/Tokyo', now())""");
	}

	@Test
	void theFreeTextMovesIntoThePlanAndTheColumnsGo() {
		// closed on the old guard: both texts; the measures written by a responder; closed late at night UTC
		long closed = incident("INC-2025-00001", "CLOSED", "2025-07-10T15:30:00Z", "resp", "exec", "reporter",
				"VPN機器の脆弱性が未修正だった", "月次でファームウェアを確認する");
		fieldChanged(closed, 2, "writer", "preventionMeasures", "最初の案");
		fieldChanged(closed, 3, "writer2", "preventionMeasures", "月次でファームウェアを確認する");
		fieldChanged(closed, 4, "someone", "rootCause", "VPN機器の脆弱性が未修正だった");
		// still open, a cause chosen on the plan page and explained on the incident, no measure yet
		long open = incident("INC-2025-00002", "PREVENTION", null, null, null, "reporter", "設定の誤り", "   ");
		this.jdbc.update("insert into root_cause (incident_id, cause) values (?, 'MISCONFIGURATION')", open);
		// a cause chosen and nothing written
		long chosenOnly = incident("INC-2025-00003", "RECOVERY", null, null, null, "reporter", null, null);
		this.jdbc.update("insert into root_cause (incident_id, cause) values (?, 'PHISHING_OR_SOCIAL_ENGINEERING')",
				chosenOnly);
		// measures written, but nobody on the timeline or the team: the approver owns them
		long nobody = incident("INC-2025-00004", "PREVENTION", null, null, "exec2", "reporter", " ", "研修を行う");
		long untouched = incident("INC-2025-00005", "TRIAGE", null, null, null, "reporter", null, null);

		this.flyway.target("13").load().migrate();

		assertThat(columns("incident")).isNotEmpty().doesNotContain("root_cause", "prevention_measures");
		assertThat(this.jdbc.queryForList("select incident_id from prevention_plan order by incident_id", Long.class))
			.containsExactly(closed, open, chosenOnly);
		assertThat(note(closed)).isEqualTo("VPN機器の脆弱性が未修正だった");
		assertThat(note(open)).isEqualTo("設定の誤り");
		assertThat(note(chosenOnly)).isNull();
		assertThat(this.jdbc.queryForList("select cause from root_cause where incident_id = ?", String.class, open))
			.containsExactly("MISCONFIGURATION");

		Map<String, Object> kept = measureOf(closed);
		assertThat(kept).containsEntry("kind", "RULES")
			.containsEntry("description", "月次でファームウェアを確認する")
			.containsEntry("owner", "writer2")
			.containsEntry("created_by", "writer2")
			.containsEntry("due_on", java.sql.Date.valueOf("2025-07-11"))
			.containsEntry("done_on", java.sql.Date.valueOf("2025-07-11"))
			.containsEntry("done_by", "writer2")
			.containsEntry("version", 0L);
		assertThat(this.jdbc.queryForList("select id from prevention_measure where incident_id = ?", Long.class, open))
			.isEmpty();
		Map<String, Object> approvers = measureOf(nobody);
		assertThat(approvers).containsEntry("owner", "exec2")
			.containsEntry("description", "研修を行う")
			.containsEntry("due_on", java.sql.Date.valueOf(LocalDate.now(TOKYO)))
			.containsEntry("done_on", null)
			.containsEntry("done_by", null);
		assertThat(this.jdbc.queryForList("select id from prevention_measure where incident_id = ?", Long.class,
				untouched))
			.isEmpty();
	}

	@Test
	void aMeasureKeepsTheWholeOldText() {
		String long4000 = "対".repeat(4000);
		long id = incident("INC-2025-00006", "PREVENTION", null, "resp", null, "reporter", null, long4000);

		this.flyway.target("13").load().migrate();

		assertThat(measureOf(id)).containsEntry("description", long4000).containsEntry("owner", "resp");
	}

	private long incident(String reference, String state, String closedAt, String responsible, String approver,
			String reporter, String rootCause, String measures) {
		return this.jdbc.queryForObject("""
				insert into incident (reference, title, description, state, discovered_at, reported_at, reported_by,
				                      responsible, closing_approved_by, closed_at, root_cause, prevention_measures)
				values (?, '件名', '説明', ?, '2025-06-01T00:00:00Z', '2025-06-01T00:10:00Z', ?, ?, ?,
				        cast(? as timestamptz), ?, ?)
				returning id""", Long.class, reference, state, reporter, responsible, approver, closedAt, rootCause,
				measures);
	}

	private void fieldChanged(long incident, int sequence, String actor, String field, String after) {
		this.jdbc.update("""
				insert into incident_timeline_entry (incident_id, sequence, occurred_at, actor, kind, field, after_value,
				                                     previous_hash, hash)
				values (?, ?, '2025-07-01T00:00:00Z'::timestamptz + make_interval(mins => ?), ?, 'FIELD_CHANGED', ?, ?,
				        '', 'x')""", incident, sequence, sequence, actor, field, after);
	}

	private List<String> columns(String table) {
		return this.jdbc.queryForList("""
				select column_name from information_schema.columns
				where table_schema = current_schema() and table_name = ?""", String.class, table);
	}

	private String note(long incident) {
		return this.jdbc.queryForObject("select root_cause_note from prevention_plan where incident_id = ?",
				String.class, incident);
	}

	private Map<String, Object> measureOf(long incident) {
		return this.jdbc.queryForMap("select * from prevention_measure where incident_id = ?", incident);
	}

}
