package jp.hikeshi.api;

import java.util.Map;

import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.LoginThrottle;
import jp.hikeshi.account.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The API's own rules, before the pages': bearer tokens only, no session, no cookie, no CSRF
 * token (nothing here is sent by a browser on its own). Who may call what is the same as on the
 * pages; where the rules refuse, the answer is 404 — never 403, so that an id tells nothing.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle,
			ApiRateLimits limits, ApiProblems problems) throws Exception {
		http.securityMatcher("/api/**");
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**").hasRole(Role.ADMIN.name())
			// step 2 (facts, reports owed) as on the pages: the security lead and the executive
			.requestMatchers("/api/v1/duties", "/api/v1/incidents/*/facts", "/api/v1/incidents/*/duties",
					"/api/v1/incidents/*/duties/**")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.EXECUTIVE.name())
			// the register, as on its pages: kept by the security lead and the administrator
			.requestMatchers("/api/v1/systems").hasAnyRole(Role.SECURITY_LEAD.name(), Role.ADMIN.name())
			// staff read their own reports here too; the service decides what each may see (else 404)
			.requestMatchers(HttpMethod.GET, "/api/v1/incidents", "/api/v1/incidents/*").authenticated()
			.requestMatchers("/api/v1/incidents/**")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.EXECUTIVE.name(), Role.RESPONDER.name())
			.requestMatchers("/api/v1/reports", "/api/v1/me").authenticated()
			.anyRequest().denyAll());
		http.csrf(csrf -> csrf.disable());
		http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.requestCache(cache -> cache.disable());
		http.formLogin(form -> form.disable());
		http.httpBasic(basic -> basic.disable());
		http.logout(logout -> logout.disable());
		http.anonymous(anonymous -> { });
		http.exceptionHandling(exceptions -> exceptions
			.authenticationEntryPoint((request, response, ex) -> problems.write(response,
					problems.problem(HttpStatus.UNAUTHORIZED, "api.unauthenticated", request),
					Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer")))
			.accessDeniedHandler((request, response, ex) -> problems.write(response,
					problems.problem(HttpStatus.NOT_FOUND, "api.notFound", request), Map.of())));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
			.frameOptions(frame -> frame.deny()));
		http.addFilterBefore(new ApiDatabaseUnavailable(problems), SecurityContextHolderFilter.class);
		http.addFilterBefore(new RequestSizeLimit(problems), SecurityContextHolderFilter.class);
		http.addFilterBefore(new BearerTokenFilter(tokens, throttle, limits, problems), AuthorizationFilter.class);
		return http.build();
	}

}
