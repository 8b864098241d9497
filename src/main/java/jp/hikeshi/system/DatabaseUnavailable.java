package jp.hikeshi.system;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means PostgreSQL cannot be reached (down, restarting, the pool waited its two
 * seconds in vain), as opposed to a fault in the request: then the answer is 503 "try again in a
 * minute", and nothing was saved, since no transaction got as far as a commit.
 */
public final class DatabaseUnavailable {

	private DatabaseUnavailable() {
	}

	public static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
					|| cause instanceof CannotGetJdbcConnectionException
					|| cause instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
			// a pooled connection that died with the server: the statement fails with a broken pipe and
			// the rollback after it with "Connection is closed", which then replaces the first failure
			if (cause instanceof java.net.SocketException || (cause instanceof SQLException closed
					&& "Connection is closed".equals(closed.getMessage()))) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				// connection exceptions; 57P01-57P03: the server shuts down, crashed, or cannot take connections yet
				return true;
			}
		}
		return false;
	}

}
