package jp.hikeshi.system.database;

import jp.hikeshi.system.DisposableDatabase;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/** The connection to the embedded development PostgreSQL (local trust authentication). */
public final class EmbeddedPostgresConnectionDetails implements JdbcConnectionDetails, DisposableDatabase {

	private final String jdbcUrl;

	public EmbeddedPostgresConnectionDetails(String jdbcUrl) {
		this.jdbcUrl = jdbcUrl;
	}

	@Override
	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public String getUsername() {
		return "postgres";
	}

	@Override
	public String getPassword() {
		return "";
	}

}
