package jp.hikeshi.system.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * A session's row is written when something in it changed (its id, its person, its timeout) or
 * when the access time it holds is a minute old, not after every request: a page no longer waits
 * for PostgreSQL to write the session's access time to disk, as it did on every view. A session
 * left idle can therefore end up to a minute before its 30 minutes are over, never after. What a
 * request adds to a session (a sign-in, a CSRF token, a kept form) is written as before, with
 * its attributes. {@link QuietSessions} takes the same decision before a transaction is opened,
 * and spares the filter its second read of the session it has just saved.
 */
@Configuration(proxyBeanMethods = false)
class SessionWriteConfiguration {

	/**
	 * Spring Session's update, with its six parameters in the same order, made conditional (the same
	 * minute as {@link QuietSessions}).
	 */
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
			    OR v.last_access_time - s.LAST_ACCESS_TIME >= ACCESS_WRITTEN_EVERY)
			""".replace("ACCESS_WRITTEN_EVERY", String.valueOf(QuietSessions.ACCESS_WRITTEN_EVERY.toMillis()));

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> accessTimeWrittenOnceAMinute() {
		return sessions -> sessions.setUpdateSessionQuery(UPDATE_SESSION);
	}

	/** Every user of the session repository (the session filter first) is given the quiet one. */
	@Bean
	static BeanPostProcessor quietSessions() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository sessions) ? new QuietSessions(sessions) : bean;
			}
		};
	}

	/** Around the session filter, for every dispatch: what a request saved is not kept for the next. */
	@Bean
	FilterRegistrationBean<Filter> quietSessionsForgotten() {
		Filter forget = (request, response, chain) -> {
			try {
				chain.doFilter(request, response);
			}
			finally {
				QuietSessions.forget();
			}
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(forget);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
				DispatcherType.FORWARD, DispatcherType.INCLUDE);
		return registration;
	}

}
