package jp.hikeshi.system.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.server.Cookie;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The session cookie as {@code server.servlet.session.cookie.*} describes it (name, http-only,
 * SameSite, secure), wherever the application runs. Boot applies these to Spring Session's cookie
 * only under its embedded server; without this, a test on a mock servlet context (and a war)
 * would send Spring Session's defaults — a cookie named SESSION that scripts may read.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

	@Bean
	DefaultCookieSerializerCustomizer sessionCookie(Environment environment) {
		Cookie cookie = Binder.get(environment).bind("server.servlet.session.cookie", Cookie.class).orElseGet(Cookie::new);
		return serializer -> {
			if (cookie.getName() != null) {
				serializer.setCookieName(cookie.getName());
			}
			if (cookie.getHttpOnly() != null) {
				serializer.setUseHttpOnlyCookie(cookie.getHttpOnly());
			}
			if (cookie.getSecure() != null) {
				serializer.setUseSecureCookie(cookie.getSecure());
			}
			if (cookie.getSameSite() != null) {
				serializer.setSameSite(cookie.getSameSite().attributeValue());
			}
		};
	}

}
