package jp.hikeshi.incident;

import jp.hikeshi.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V19 on a database as the versions before it left it: 紛失・盗難 becomes 紛失 (the weaker
 * claim, for the lead to correct), a company point for lost or stolen devices applies to both,
 * and every incident starts with no further category.
 */
class CategoriesMigrationTest {

	private JdbcTemplate jdbc;

	private FluentConfiguration flyway;

	@BeforeEach
	void aDatabaseBeforeVersion19() {
		TestDatabase server = TestDatabase.server();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(server.createDatabase(), server.username(),
				server.password());
		this.jdbc = new JdbcTemplate(dataSource);
		this.flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
		// 16: the newest version before 19 here (17 and 18 belong to other work and run after the rows are in)
		this.flyway.target("16").load().migrate();
	}

	@Test
	void lostOrStolenBecomesLostAndCompanyPointsCoverBoth() {
		long device = incident("INC-2025-00001", "LOST_OR_STOLEN_DEVICE", null);
		long leak = incident("INC-2025-00002", "INFORMATION_LEAK", "LOSS_OR_THEFT");
		long other = incident("INC-2025-00003", "VIRUS_RANSOMWARE", null);
		long insider = incident("INC-2025-00004", "INFORMATION_LEAK", "INSIDER");
		this.jdbc.update("insert into playbook_point (text, categories) values ('端末管理台帳を確認する', 'LOST_OR_STOLEN_DEVICE,OTHER')");
		this.jdbc.update("insert into playbook_point (text, categories) values ('全員に周知する', '')");

		this.flyway.target("19").load().migrate();

		assertThat(kind(device)).containsExactly("LOST_DEVICE", null, "");
		assertThat(kind(leak)).containsExactly("INFORMATION_LEAK", "LOSS", "");
		assertThat(kind(other)).containsExactly("VIRUS_RANSOMWARE", null, "");
		assertThat(kind(insider)).containsExactly("INFORMATION_LEAK", "INSIDER", "");
		assertThat(this.jdbc.queryForList("select categories from playbook_point order by id", String.class))
			.containsExactly("LOST_DEVICE,OTHER,STOLEN_DEVICE", "");
		assertThat(Playbook.categories("LOST_DEVICE,OTHER,STOLEN_DEVICE")).containsExactlyInAnyOrder(
				Category.LOST_DEVICE, Category.STOLEN_DEVICE, Category.OTHER);
	}

	private long incident(String reference, String category, String leakKind) {
		return this.jdbc.queryForObject("""
				insert into incident (reference, title, description, state, discovered_at, reported_at, reported_by,
				                      category, leak_kind, severity)
				values (?, '件名', '説明', 'ESCALATED', '2025-06-01T00:00:00Z', '2025-06-01T00:10:00Z', 'reporter', ?, ?,
				        'HIGH')
				returning id""", Long.class, reference, category, leakKind);
	}

	private Object[] kind(long id) {
		return this.jdbc.queryForObject(
				"select category, leak_kind, additional_categories from incident where id = ?",
				(rs, row) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3) }, id);
	}

}
