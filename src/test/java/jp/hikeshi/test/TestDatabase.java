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
 * a database of its own on it, so contexts never see each other's data. As in production, Flyway
 * migrates as the owner ({@link #username()}) and the application connects as its own role
 * ({@link #applicationUsername()}), which owns nothing: the whole suite shows its grants are enough.
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

	/** The application's role, as spring.flyway.placeholders.approle names it; one for the whole server. */
	private static final String APPLICATION_ROLE = "hikeshi_app";

	private static final String APPLICATION_PASSWORD = "hikeshi_app";

	public static synchronized TestDatabase server() {
		if (instance == null) {
			instance = DockerClientFactory.instance().isDockerAvailable() ? container() : embedded();
			instance.createApplicationRole();
		}
		return instance;
	}

	private void createApplicationRole() {
		try (Connection connection = DriverManager.getConnection(url("postgres"), this.username, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("create role " + APPLICATION_ROLE + " login password '" + APPLICATION_PASSWORD + "'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the application's role", ex);
		}
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

	/** The owner, who migrates: a superuser here. */
	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/** The role the application runs as. */
	public String applicationUsername() {
		return APPLICATION_ROLE;
	}

	public String applicationPassword() {
		return APPLICATION_PASSWORD;
	}

}
