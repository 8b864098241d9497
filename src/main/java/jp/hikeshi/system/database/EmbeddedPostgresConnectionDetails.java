package jp.hikeshi.system.database;

import jp.hikeshi.system.DisposableDatabase;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/** The application's connection to the embedded PostgreSQL: its own role, with its generated password. */
public final class EmbeddedPostgresConnectionDetails implements JdbcConnectionDetails, DisposableDatabase {

	private final String jdbcUrl;

	private final String username;

	private final String password;

	public EmbeddedPostgresConnectionDetails(String jdbcUrl, String username, String password) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
	}

	@Override
	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

}
