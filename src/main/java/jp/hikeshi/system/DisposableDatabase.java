package jp.hikeshi.system;

/**
 * Marks the connection to a database that exists only for development or tests. The demo
 * profile refuses to seed anything else, so it can never write sample data into production.
 */
public interface DisposableDatabase {
}
