package jp.hikeshi.incident;

import java.sql.Statement;
import java.util.function.Consumer;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What someone holding the database's superuser can do behind the application: change any row
 * with every trigger and foreign key off for that one session ({@code session_replication_role}),
 * as a restore tool would. The forger of the security probe (#16).
 */
final class Tampering {

	private Tampering() {
	}

	static void asSuperuser(JdbcTemplate jdbc, Consumer<JdbcTemplate> tampering) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set session_replication_role = replica");
			}
			try {
				tampering.accept(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("set session_replication_role = origin");
				}
			}
			return null;
		});
	}

}
