package jp.hikeshi.system.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * A session's row is written when something in it changed (its id, its person, its timeout) or
 * when the access time it holds is a minute old, not after every request: a page no longer waits
 * for PostgreSQL to write the session's access time to disk, as it did on every view. A session
 * left idle can therefore end up to a minute before its 30 minutes are over, never after. What a
 * request adds to a session (a sign-in, a CSRF token, a kept form) is written as before, with
 * its attributes.
 */
@Configuration(proxyBeanMethods = false)
class SessionWriteConfiguration {

	/** Spring Session's update, with its six parameters in the same order, made conditional. */
	static final String UPDATE_SESSION = """
			UPDATE %TABLE_NAME% s
			SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
			    MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
			    PRINCIPAL_NAME = v.principal_name
			FROM (VALUES (?, ?, ?, ?, ?, ?))
			    AS v (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id)
			WHERE s.PRIMARY_ID = v.primary_id
			AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
			    OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
			    OR v.last_access_time - s.LAST_ACCESS_TIME >= 60000)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> accessTimeWrittenOnceAMinute() {
		return sessions -> sessions.setUpdateSessionQuery(UPDATE_SESSION);
	}

}
