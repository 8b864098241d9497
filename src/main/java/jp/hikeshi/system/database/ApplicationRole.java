package jp.hikeshi.system.database;

import org.springframework.core.env.Environment;

/**
 * The database role the application runs as: it owns nothing, may change the ordinary tables and only
 * read and add to the append-only ones. Flyway migrates as the owner and grants it (V37); the name is
 * Flyway's placeholder {@code approle}.
 */
final class ApplicationRole {

	static final String PLACEHOLDER = "spring.flyway.placeholders.approle";

	static final String DEFAULT = "hikeshi_app";

	private ApplicationRole() {
	}

	static String name(Environment environment) {
		String name = environment.getProperty(PLACEHOLDER, DEFAULT);
		if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalStateException(PLACEHOLDER + " must be a plain lower-case PostgreSQL name, not " + name);
		}
		return name;
	}

}
