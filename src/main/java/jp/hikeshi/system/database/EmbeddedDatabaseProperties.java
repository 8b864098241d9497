package jp.hikeshi.system.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded database keeps its files, and whether it may trade durability for speed.
 *
 * @param directory the PostgreSQL data directory, {@code ./data/postgres} by default
 * @param fast {@code true} only for throw-away databases (tests): PostgreSQL then acknowledges a commit
 * before it is on disk ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off), so a
 * crash of the database or the machine may lose what was acknowledged
 */
@ConfigurationProperties("hikeshi.embedded-database")
public record EmbeddedDatabaseProperties(@DefaultValue("data/postgres") Path directory, boolean fast) {

}
