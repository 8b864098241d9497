package jp.hikeshi.test;

import javax.sql.DataSource;

import jp.hikeshi.system.DisposableDatabase;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Gives each test context a fresh database on the shared {@link TestDatabase} server: the
 * application connects as its role, Flyway as the owner.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	TestDatabaseUrl testDatabaseUrl() {
		return new TestDatabaseUrl(TestDatabase.server().createDatabase());
	}

	@Bean
	JdbcConnectionDetails testDatabase(TestDatabaseUrl url) {
		TestDatabase server = TestDatabase.server();
		return new Details(url.value(), server.applicationUsername(), server.applicationPassword());
	}

	@Bean
	FlywayConnectionDetails testDatabaseOwner(TestDatabaseUrl url) {
		TestDatabase server = TestDatabase.server();
		return new OwnerDetails(url.value(), server.username(), server.password());
	}

	/** For the tests that play someone with the owner's credentials (tampering behind the application). */
	@Bean
	DatabaseOwner databaseOwner(TestDatabaseUrl url) {
		TestDatabase server = TestDatabase.server();
		DataSource dataSource = new DriverManagerDataSource(url.value(), server.username(), server.password());
		return new DatabaseOwner(new JdbcTemplate(dataSource));
	}

	record TestDatabaseUrl(String value) {
	}

	record Details(String getJdbcUrl, String getUsername, String getPassword)
			implements JdbcConnectionDetails, DisposableDatabase {
	}

	record OwnerDetails(String getJdbcUrl, String getUsername, String getPassword) implements FlywayConnectionDetails {
	}

	/** The owner's connection to the test context's database. */
	public record DatabaseOwner(JdbcTemplate jdbc) {
	}

}
