package jp.hikeshi.system.database;

import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway validates and migrates as always, but says it in one line instead of one per migration
 * (its own logging is at WARN in application.properties).
 */
@Configuration(proxyBeanMethods = false)
class QuietMigrations {

	private static final Logger log = LoggerFactory.getLogger("jp.hikeshi.database");

	@Bean
	FlywayMigrationStrategy oneLineMigration() {
		return flyway -> {
			MigrateResult result = flyway.migrate();
			String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
					: flyway.info().current() != null ? flyway.info().current().getVersion().getVersion() : "—";
			log.info("Database schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
		};
	}

}
