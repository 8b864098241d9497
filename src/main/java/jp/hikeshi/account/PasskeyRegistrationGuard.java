package jp.hikeshi.account;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.webauthn4j.util.exception.WebAuthnException;
import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of Spring's registration endpoints ({@code /webauthn/register/**}): a passkey is added
 * only in a session that proved itself recently (a password, a passkey or the company's identity
 * provider within {@link #RECENT}), under a label of at most {@value #MAX_LABEL} characters; and a registration
 * Spring's verification refuses (another site's origin, another RP id, no user verification) is a
 * 400 on the audit trail, not an error page. The answers are JSON for the page's script, which
 * shows the message by the label field.
 */
// not a bean: a Filter bean would also be registered with the servlet container, outside security
class PasskeyRegistrationGuard extends OncePerRequestFilter {

	static final int MAX_LABEL = 64;

	/** How long after signing in a passkey may be added without signing in again. */
	static final Duration RECENT = Duration.ofHours(1);

	private static final int MAX_BODY = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final RequestMatcher REGISTRATION = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/webauthn/register"),
			PathPatternRequestMatcher.withDefaults().matcher("/webauthn/register/**"));

	private static final RequestMatcher REGISTER = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/webauthn/register");

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	PasskeyRegistrationGuard(AuditLog audit, PlatformTransactionManager transactionManager) {
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!REGISTRATION.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!this.trust.isAuthenticated(authentication)) {
			PasskeySignIn.json(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"success\":false,\"error\":\"signIn\"}");
			return;
		}
		if (!recentlyProven(authentication, Instant.now())) {
			PasskeySignIn.json(response, HttpServletResponse.SC_FORBIDDEN, "{\"success\":false,\"error\":\"signInAgain\"}");
			return;
		}
		if (!REGISTER.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		ObjectNode registration = parse(body);
		if (body.length > MAX_BODY || registration == null || !(registration.get("publicKey") instanceof ObjectNode key)) {
			PasskeySignIn.json(response, HttpServletResponse.SC_BAD_REQUEST, "{\"success\":false,\"error\":\"refused\"}");
			return;
		}
		String label = (key.get("label") != null && key.get("label").isString()) ? key.get("label").asString().strip()
				: "";
		String problem = label.isEmpty() ? "labelBlank" : (label.length() > MAX_LABEL) ? "labelTooLong" : null;
		if (problem != null) {
			PasskeySignIn.json(response, HttpServletResponse.SC_BAD_REQUEST,
					"{\"success\":false,\"field\":\"label\",\"error\":\"" + problem + "\"}");
			return;
		}
		key.put("label", label);
		try {
			chain.doFilter(new Body(request, JSON.writeValueAsBytes(registration)), response);
		}
		catch (WebAuthnException | IllegalArgumentException ex) {
			// Spring lets the verifier's refusal through as a server error; here it is the sender's
			String who = authentication.getName();
			this.transactions.executeWithoutResult(
					status -> this.audit.record(who, AuditAction.PASSKEY_REGISTRATION_REFUSED, who, claimedOrigin(key)));
			PasskeySignIn.json(response, HttpServletResponse.SC_BAD_REQUEST, "{\"success\":false,\"error\":\"refused\"}");
		}
	}

	/** The whole sign-ins: a password, a passkey, the company's identity provider (where passwords are off). */
	private static final java.util.Set<String> PROVEN_BY = java.util.Set.of(SignInFactors.PASSWORD, SignInFactors.PASSKEY,
			SignInFactors.PROVIDER);

	/**
	 * Signed in (a password, a passkey or the identity provider) within {@link #RECENT}. A factor
	 * without its time (a plain authority, as the identity-provider sign-in adds today) counts as
	 * recent: the session itself ends after 30 idle minutes.
	 */
	static boolean recentlyProven(Authentication authentication, Instant now) {
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (!PROVEN_BY.contains(authority.getAuthority())) {
				continue;
			}
			if (!(authority instanceof FactorGrantedAuthority factor) || factor.getIssuedAt().plus(RECENT).isAfter(now)) {
				return true;
			}
		}
		return false;
	}

	private static ObjectNode parse(byte[] body) {
		try {
			return (JSON.readTree(body) instanceof ObjectNode object) ? object : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String claimedOrigin(ObjectNode key) {
		try {
			String clientData = key.get("credential").get("response").get("clientDataJSON").asString();
			JsonNode origin = JSON.readTree(Base64.getUrlDecoder().decode(clientData)).get("origin");
			String text = (origin == null) ? null : origin.asString();
			return (text == null || text.length() <= 200) ? text : text.substring(0, 200);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The request with the body already read (and its label trimmed). */
	private static final class Body extends HttpServletRequestWrapper {

		private final byte[] body;

		Body(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
