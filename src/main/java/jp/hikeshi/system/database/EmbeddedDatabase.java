package jp.hikeshi.system.database;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The running embedded PostgreSQL and how to reach it. */
public final class EmbeddedDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final String url;

	private final String superuserPassword;

	private final String applicationRole;

	private final String applicationPassword;

	EmbeddedDatabase(EmbeddedPostgres postgres, String url, String superuserPassword, String applicationRole,
			String applicationPassword) {
		this.postgres = postgres;
		this.url = url;
		this.superuserPassword = superuserPassword;
		this.applicationRole = applicationRole;
		this.applicationPassword = applicationPassword;
	}

	String url() {
		return this.url;
	}

	String superuserPassword() {
		return this.superuserPassword;
	}

	String applicationRole() {
		return this.applicationRole;
	}

	String applicationPassword() {
		return this.applicationPassword;
	}

	int port() {
		return this.postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
