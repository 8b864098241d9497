package jp.hikeshi.system.database;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL's own output stays off the console, in a log beside the data directory,
 * and comes back in the exception when the database does not start.
 */
class EmbeddedPostgresOutputTest {

	@Test
	void aDatabaseThatDoesNotStartBringsTheEndOfItsLogIntoTheException(@TempDir Path parent) throws Exception {
		Path directory = Files.createDirectories(parent.resolve("postgres"));
		// a directory that is not a database cluster and not empty: initdb refuses it and says why
		Files.writeString(directory.resolve("notes.txt"), "not a database\n");
		EmbeddedPostgresAutoConfiguration configuration = new EmbeddedPostgresAutoConfiguration();

		assertThatThrownBy(() -> configuration.embeddedDatabase(new EmbeddedDatabaseProperties(directory, false),
				new org.springframework.mock.env.MockEnvironment()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("did not start")
			.hasMessageContaining("postgres.log")
			.hasMessageContaining("initdb: error: directory")
			.hasMessageContaining("exists but is not empty");
		assertThat(parent.resolve("postgres.log")).exists().content().contains("exists but is not empty");
	}

}
