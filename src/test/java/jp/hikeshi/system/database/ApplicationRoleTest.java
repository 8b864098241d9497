package jp.hikeshi.system.database;

import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestDatabaseConfiguration.DatabaseOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * #16: the application connected as a superuser, so anyone with its credentials could disable the
 * append-only triggers and rewrite history. It now runs as a role that owns nothing (V37): it changes
 * the ordinary tables, only reads and adds to the history, and can alter, truncate or create nothing.
 */
@IntegrationTest
class ApplicationRoleTest {

	/** The application's own connection. */
	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseOwner owner;

	@Test
	void theApplicationIsNeitherSuperuserNorOwner() {
		assertThat(this.jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
			.isFalse();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user", Integer.class))
			.isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "audit_event", "incident_timeline_entry", "incident_timeline_seal", "evidence_custody" })
	void theHistoryCanBeReadAndAddedToButNeitherChangedNorDisarmed(String table) {
		String grants = this.jdbc.queryForObject("""
				select string_agg(privilege_type, ',' order by privilege_type) from information_schema.role_table_grants
				where grantee = current_user and table_name = ?""", String.class, table);
		assertThat(grants).isEqualTo("INSERT,SELECT");

		String column = this.jdbc.queryForObject(
				"select column_name from information_schema.columns where table_name = ? order by ordinal_position limit 1",
				String.class, table);
		assertRefused("update " + table + " set " + column + " = " + column + " where false");
		assertRefused("delete from " + table + " where false");
		assertRefused("truncate " + table);
		assertRefused("alter table " + table + " disable trigger all");
		assertRefused("drop table " + table);
	}

	@Test
	void noSuperuserMovesBehindTheWorkflow() {
		assertRefused("alter table incident disable trigger all");
		assertRefused("set session_replication_role = replica");
		assertRefused("create table shadow (id int)");
		assertRefused("delete from flyway_schema_history where false");
		// the ordinary tables stay the application's to change
		this.jdbc.update("update organisation set name = name where false");
		this.jdbc.update("update incident set state = state where false");
	}

	private void assertRefused(String sql) {
		assertThatThrownBy(() -> this.jdbc.execute(sql)).as(sql)
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.message()
			.containsAnyOf("permission denied", "must be owner");
	}

}
