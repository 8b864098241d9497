package jp.hikeshi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One PostgreSQL server for the whole test run: Testcontainers' PostgreSQL 17 where a Docker
 * engine answers, otherwise a throw-away embedded PostgreSQL 17. Each Spring test context gets
 * a database of its own on it, so contexts never see each other's data.
 */
public final class TestDatabase {

	private static TestDatabase instance;

	private final String host;

	private final int port;

	private final String username;

	private final String password;

	private final AtomicInteger databases = new AtomicInteger();

	private TestDatabase(String host, int port, String username, String password) {
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
	}

	public static synchronized TestDatabase server() {
		if (instance == null) {
			instance = DockerClientFactory.instance().isDockerAvailable() ? container() : embedded();
		}
		return instance;
	}

	private static TestDatabase container() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
		return new TestDatabase(container.getHost(), container.getMappedPort(5432), container.getUsername(),
				container.getPassword());
	}

	private static TestDatabase embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is going away anyway
				}
			}));
			return new TestDatabase("localhost", postgres.getPort(), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", ex);
		}
	}

	/** Creates an empty database and returns its JDBC URL. */
	public String createDatabase() {
		String name = "hikeshi_test_" + this.databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(url("postgres"), this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database " + name, ex);
		}
		return url(name);
	}

	public String url(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

}
