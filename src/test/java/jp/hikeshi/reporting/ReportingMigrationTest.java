package jp.hikeshi.reporting;

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
 * V20 on a database as the first step-2 model left it: "personal data yes" becomes a leak that
 * occurred with one data set holding what was recorded, "no" a leak ruled out, "not known" a leak
 * to assess whose PPC reports are owed provisionally from 発覚; a count over 1,000 ran from 発覚;
 * every duty keeps its decisions and learns how its deadline is counted.
 */
class ReportingMigrationTest {

	private JdbcTemplate jdbc;

	private FluentConfiguration flyway;

	@BeforeEach
	void aDatabaseBeforeVersion20() {
		TestDatabase server = TestDatabase.server();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(server.createDatabase(), server.username(),
				server.password());
		this.jdbc = new JdbcTemplate(dataSource);
		this.flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
		this.flyway.target("19").load().migrate();
		this.jdbc.update("""
				insert into organisation (name, industry, supervising_ministry, created_at)
				values ('テスト株式会社', 'MANUFACTURING', '経済産業省', now())""");
	}

	@Test
	void theFirstModelsFactsBecomeLeaksDataSetsAndCountedDeadlines() {
		long known = reportingCase("INC-2025-00001", "YES", 1_200, true, false);
		long none = reportingCase("INC-2025-00002", "NO", null, false, false);
		long unknown = reportingCase("INC-2025-00003", "UNKNOWN", null, false, true);
		duty(known, "PPC_PRELIMINARY", true, "FILED");
		duty(known, "PERSON_NOTICE", true, "FILED");
		duty(known, "MINISTRY", true, "TO_DO");
		duty(unknown, "IPA", true, "TO_DO");

		this.flyway.target("20").load().migrate();

		assertThat(leak(known)).isEqualTo("OCCURRED");
		assertThat(leak(none)).isEqualTo("RULED_OUT");
		assertThat(leak(unknown)).isEqualTo("UNASSESSED");
		assertThat(this.jdbc.queryForMap("""
				select description, financial, confirmed_count, maximum_count, whose from personal_data_set
				where case_id = ?""", known)).containsEntry("description", "氏名、カード番号")
			.containsEntry("financial", true)
			.containsEntry("confirmed_count", 1_200)
			.containsEntry("maximum_count", 1_200)
			.containsEntry("whose", "CUSTOMERS");
		assertThat(this.jdbc.queryForObject("""
				select c.over_thousand_since = i.discovered_at from reporting_case c join incident i on i.id = c.incident_id
				where c.id = ?""", Boolean.class, known)).as("the count was known from 発覚").isTrue();

		assertThat(duties(known)).containsExactlyInAnyOrder(
				Map.of("type", "PPC_PRELIMINARY", "applies", true, "state", "FILED", "deadline_rule", "DAYS_3_TO_5"),
				Map.of("type", "PERSON_NOTICE", "applies", true, "state", "FILED", "deadline_rule", "PROMPTLY"),
				Map.of("type", "MINISTRY", "applies", false, "state", "TO_DO", "deadline_rule", "PROMPTLY"));
		assertThat(this.jdbc.queryForObject(
				"select notice_outcome from notification_duty where case_id = ? and type = 'PERSON_NOTICE'", String.class,
				known)).isEqualTo("ALL_NOTIFIED");
		assertThat(duties(unknown)).containsExactlyInAnyOrder(
				Map.of("type", "IPA", "applies", true, "state", "TO_DO", "deadline_rule", "NONE"),
				Map.of("type", "PPC_PRELIMINARY", "applies", true, "state", "TO_DO", "deadline_rule", "DAYS_3_TO_5"),
				Map.of("type", "PPC_FINAL", "applies", true, "state", "TO_DO", "deadline_rule", "DAYS_60"),
				Map.of("type", "PERSON_NOTICE", "applies", true, "state", "TO_DO", "deadline_rule", "PROMPTLY"));
		assertThat(this.jdbc.queryForList("""
				select provisional from notification_duty where case_id = ? and type like 'P%'""", Boolean.class, unknown))
			.containsOnly(true);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from notification_duty d join reporting_case c on c.id = d.case_id
				join incident i on i.id = c.incident_id where d.clock_from is distinct from i.discovered_at""",
				Integer.class)).as("every clock runs from 発覚").isZero();
		assertThat(duties(none)).isEmpty();
	}

	private long reportingCase(String reference, String personalData, Integer people, boolean financial,
			boolean improper) {
		long incident = this.jdbc.queryForObject("""
				insert into incident (reference, title, description, state, discovered_at, reported_at, reported_by,
				                      category, severity)
				values (?, '件名', '説明', 'ESCALATED', '2025-06-01T00:00:00Z', '2025-06-01T00:10:00Z', 'reporter',
				        'INFORMATION_LEAK', 'HIGH')
				returning id""", Long.class, reference);
		return this.jdbc.queryForObject("""
				insert into reporting_case (incident_id, personal_data, people_count, financial_data, improper_purpose,
				                            data_items)
				values (?, ?, ?, ?, ?, ?)
				returning id""", Long.class, incident, personalData, people, financial, improper,
				"YES".equals(personalData) ? "氏名、カード番号" : null);
	}

	private void duty(long caseId, String type, boolean applies, String state) {
		this.jdbc.update("insert into notification_duty (case_id, type, applies, reasons, state) values (?, ?, ?, '', ?)",
				caseId, type, applies, state);
	}

	private String leak(long caseId) {
		return this.jdbc.queryForObject("select leak from reporting_case where id = ?", String.class, caseId);
	}

	private List<Map<String, Object>> duties(long caseId) {
		return this.jdbc.queryForList(
				"select type, applies, state, deadline_rule from notification_duty where case_id = ?", caseId);
	}

}
