package jp.hikeshi.test;

import jp.hikeshi.system.DisposableDatabase;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Gives each test context a fresh database on the shared {@link TestDatabase} server. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	JdbcConnectionDetails testDatabase() {
		TestDatabase server = TestDatabase.server();
		return new Details(server.createDatabase(), server.username(), server.password());
	}

	record Details(String getJdbcUrl, String getUsername, String getPassword)
			implements JdbcConnectionDetails, DisposableDatabase {
	}

}
