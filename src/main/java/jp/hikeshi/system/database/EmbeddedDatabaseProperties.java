package jp.hikeshi.system.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the development database keeps its files.
 *
 * @param directory the PostgreSQL data directory, {@code ./data/postgres} by default
 */
@ConfigurationProperties("hikeshi.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path directory) {
}
