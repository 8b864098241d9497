package jp.hikeshi.audit;

import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestDatabaseConfiguration.DatabaseOwner;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail is append-only in the database itself, not only in the application. */
@IntegrationTest
class AuditTrailTest {

	@Autowired
	JdbcTemplate jdbc;

	/** The trigger refuses even the owner; the application's role is refused before (ApplicationRoleTest). */
	@Autowired
	DatabaseOwner owner;

	@Test
	void theDatabaseRefusesToChangeOrRemoveHistory() {
		Long id = this.jdbc.queryForObject("""
				insert into audit_event (occurred_at, actor, action, subject) values (now(), 'tester', 'ACCOUNT_CREATED', 'x')
				returning id""", Long.class);

		assertThatThrownBy(() -> this.owner.jdbc().update("update audit_event set actor = 'someone-else' where id = ?", id))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.owner.jdbc().update("delete from audit_event where id = ?", id))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.owner.jdbc().execute("truncate audit_event")).isInstanceOf(DataAccessException.class);
		assertThat(this.jdbc.queryForObject("select actor from audit_event where id = ?", String.class, id))
			.isEqualTo("tester");
	}

}
