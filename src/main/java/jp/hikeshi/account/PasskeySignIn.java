package jp.hikeshi.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.audit.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passkeys in the security filter chain: Spring Security's WebAuthn endpoints
 * ({@code /webauthn/authenticate/options}, {@code /login/webauthn}, {@code /webauthn/register/**})
 * without its generated pages (Hikeshi has its own), signing in through
 * {@link PasskeyAuthenticationProvider}, with the session handled as after a password (a new
 * session id, its principal's name indexed for ending it), and registration behind
 * {@link PasskeyRegistrationGuard}.
 */
@Component
public class PasskeySignIn {

	private final RelyingParty relyingParty;

	private final PasskeyAuthenticationProvider provider;

	private final PasskeyRegistrationGuard guard;

	PasskeySignIn(RelyingParty relyingParty, WebAuthnRelyingPartyOperations operations,
			UserDetailsService accounts, LoginThrottle throttle, AuditLog audit,
			PlatformTransactionManager transactionManager) {
		this.relyingParty = relyingParty;
		this.provider = new PasskeyAuthenticationProvider(operations, accounts, throttle, audit,
				new TransactionTemplate(transactionManager));
		this.guard = new PasskeyRegistrationGuard(audit, transactionManager);
	}

	/**
	 * @param signedIn what the page's script is told after a passkey sign-in (where to go next,
	 * as JSON): the sign-in configuration's, so that a kept form leads back to its page as after a
	 * password
	 */
	public void applyTo(HttpSecurity http, AuthenticationSuccessHandler signedIn) throws Exception {
		http.webAuthn(webAuthn -> webAuthn.rpName(RelyingParty.NAME)
			.rpId(this.relyingParty.id())
			.allowedOrigins(this.relyingParty.origins())
			.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(new ProviderManager(PasskeySignIn.this.provider));
					filter.setAuthenticationSuccessHandler(signedIn);
					SessionAuthenticationStrategy sessions = http.getSharedObject(SessionAuthenticationStrategy.class);
					if (sessions != null) {
						filter.setSessionAuthenticationStrategy(sessions);
					}
					// the page's script sends people to the sign-in page with the matching notice
					filter.setAuthenticationFailureHandler((request, response, exception) -> response
						.setStatus((exception instanceof ThrottledLoginException) ? HttpStatus.TOO_MANY_REQUESTS.value()
								: HttpServletResponse.SC_UNAUTHORIZED));
					return filter;
				}
			}));
		http.addFilterAfter(this.guard, ExceptionTranslationFilter.class);
	}

	static void json(HttpServletResponse response, int status, String body) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body);
	}

}
