package jp.hikeshi.system.security;

import java.util.LinkedHashMap;

import jp.hikeshi.account.LoginThrottle;
import jp.hikeshi.account.PasskeySignIn;
import jp.hikeshi.account.PasswordChangeRequiredFilter;
import jp.hikeshi.account.PasswordsSwitchedOff;
import jp.hikeshi.account.ProviderRegistrations;
import jp.hikeshi.account.ProviderSignIn;
import jp.hikeshi.account.RememberedDevices;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.SecondFactorGate;
import jp.hikeshi.account.SecondFactors;
import jp.hikeshi.account.SignInProviders;
import jp.hikeshi.account.ThrottlingAuthenticationProvider;
import jp.hikeshi.setup.FirstRunSetup;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Who may reach what. Every page has a rule here; anything without one is refused
 * ({@code denyAll}), and the authorisation-matrix test fails the build for a page that is
 * missing from its table.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** No inline script or style anywhere: everything the pages need is served by the app. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, FirstRunSetup setup,
			AuthenticationManager authenticationManager, @Lazy @Qualifier("requestMappingHandlerMapping") HandlerMapping pages,
			ProviderRegistrations providers, SecondFactors secondFactors, RememberedDevices rememberedDevices,
			PasskeySignIn passkeys)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
			.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
			.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.ADMIN.name())
			.requestMatchers("/login", "/setup", ProviderLogin.AUTHORIZATION, ProviderLogin.REDIRECT).permitAll()
			// the second-factor gate: for a signed-in session that owes one (SecondFactorGate)
			.requestMatchers("/login/second-factor", "/login/second-factor/recovery").authenticated()
			// passkeys: signing in is public; adding one needs a session (account.PasskeyRegistrationGuard)
			.requestMatchers(HttpMethod.POST, "/webauthn/authenticate/options", "/login/webauthn").permitAll()
			.requestMatchers("/webauthn/register", "/webauthn/register/**").authenticated()
			.requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
			.requestMatchers("/report", "/reports", "/reports/**", "/measures", "/measures/*/*/done", "/notifications",
					"/notifications/**").authenticated()
			.requestMatchers("/triage").hasRole(Role.SECURITY_LEAD.name())
			// drills: the lead runs them; the executive reads their debriefs
			.requestMatchers(org.springframework.http.HttpMethod.POST, "/drills", "/drills/**")
			.hasRole(Role.SECURITY_LEAD.name())
			.requestMatchers(org.springframework.http.HttpMethod.GET, "/drills", "/drills/**")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.EXECUTIVE.name())
			.requestMatchers("/executive/**").hasRole(Role.EXECUTIVE.name())
			// 平時の備え: everyone finds the contacts and the wall card there
			.requestMatchers(HttpMethod.GET, "/preparedness").authenticated()
			// the register of systems and data: kept by the security lead and the administrator; the
			// executive reads the list its readiness lines link to
			.requestMatchers(HttpMethod.GET, "/preparedness/systems", "/preparedness/systems/export.csv",
					"/preparedness/systems/export.xlsx")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.ADMIN.name(), Role.EXECUTIVE.name())
			.requestMatchers("/preparedness/systems", "/preparedness/systems/**")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.ADMIN.name())
			.requestMatchers("/dashboard", "/duties", "/incidents/*/reporting", "/incidents/*/reporting/**")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.EXECUTIVE.name())
			.requestMatchers("/incidents", "/incidents.csv", "/incidents/**")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.EXECUTIVE.name(), Role.RESPONDER.name())
			// 緊急連絡網 and the wall card: everyone reads and prints them; the lead and the administrator keep the list
			.requestMatchers("/preparedness/contacts", "/preparedness/wall-card", "/preparedness/wall-card.pdf")
			.authenticated()
			.requestMatchers("/preparedness/contacts/**").hasAnyRole(Role.SECURITY_LEAD.name(), Role.ADMIN.name())
			// 対応方針: everyone reads the policy in force; lead, administrator and executive write the draft; the executive approves
			.requestMatchers(HttpMethod.POST, "/preparedness/policy/approve").hasRole(Role.EXECUTIVE.name())
			.requestMatchers("/preparedness/policy/draft")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.ADMIN.name(), Role.EXECUTIVE.name())
			.requestMatchers(HttpMethod.GET, "/preparedness/policy", "/preparedness/policy/versions/*").authenticated()
			// the register's vendors and clients: kept by the lead and the administrator, read by the executive
			.requestMatchers(HttpMethod.GET, "/preparedness/vendors", "/preparedness/vendors/*", "/preparedness/clients",
					"/preparedness/clients/*")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.ADMIN.name(), Role.EXECUTIVE.name())
			.requestMatchers(HttpMethod.POST, "/preparedness/vendors", "/preparedness/vendors/**", "/preparedness/clients",
					"/preparedness/clients/**")
			.hasAnyRole(Role.SECURITY_LEAD.name(), Role.ADMIN.name())
			.requestMatchers("/", "/account/**").authenticated()
			// the API's description and its Swagger UI: for signed-in people, not the public
			.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/api-docs", "/swagger-ui/**", "/swagger-ui.html")
			.authenticated()
			// a path without a rule is refused; a signed-in person is then told it is not found (404)
			.anyRequest().denyAll());
		http.authenticationManager(authenticationManager);
		http.formLogin(form -> form.loginPage("/login")
			.failureHandler(new SignInFailureHandler())
			.successHandler(new SignInSuccessHandler()));
		ProviderLogin.configure(http, providers);
		passkeys.applyTo(http, new PasskeySignInSuccessHandler());
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"));
		// A form sent after its session ended is kept for after signing in again, not refused.
		SessionEndedRecovery sessionEnded = new SessionEndedRecovery();
		LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> csrfRefusals = new LinkedHashMap<>();
		csrfRefusals.put(CsrfException.class, sessionEnded);
		http.exceptionHandling(exceptions -> exceptions
			.accessDeniedHandler(new DelegatingAccessDeniedHandler(csrfRefusals, new NotFoundForTheUnseen(pages))));
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		// where Spring Security's concurrent-session check would sit: after the CSRF check, so that a form
		// sent from an ended session is kept, not refused
		http.addFilterAt(new EndedSessionFilter(sessionEnded), ConcurrentSessionFilter.class);
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
		http.addFilterBefore(new FirstRunFilter(setup), AuthorizationFilter.class);
		// the second factor first, then a password change an administrator required
		http.addFilterBefore(new SecondFactorGate(secondFactors, rememberedDevices), AuthorizationFilter.class);
		http.addFilterBefore(new PasswordChangeRequiredFilter(), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService userDetailsService, PasswordEncoder passwordEncoder,
			LoginThrottle throttle, ApplicationEventPublisher events, SignInProviders providers, ProviderSignIn signIn) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetailsService);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setPostAuthenticationChecks(new PasswordsSwitchedOff(providers));
		// the identity providers' answers too: this manager replaces the one oauth2Login would add them to
		ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(passwords, throttle),
				ProviderLogin.authenticationProvider(signIn));
		manager.setEraseCredentialsAfterAuthentication(true);
		// successes and failures (a throttled attempt too) go on the audit trail (account.SignInAudit)
		DefaultAuthenticationEventPublisher signIns = new DefaultAuthenticationEventPublisher(events);
		signIns.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		manager.setAuthenticationEventPublisher(signIns);
		return manager;
	}

	/** bcrypt today, with the hash's prefix naming it so that a later, stronger one can take over. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
