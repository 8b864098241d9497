package jp.hikeshi.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.ApiTokens.TokenUser;
import jp.hikeshi.account.LoginThrottle;
import jp.hikeshi.shared.Attribution;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: the request acts as the token's owner, with their
 * roles, and everything it writes is attributed to the token ({@link Attribution}). A wrong
 * token is refused with 401 and counts against the sending address, which must then wait
 * longer and longer; a token over its allowance gets 429 with {@code Retry-After}. A request
 * without the header goes on unauthenticated, to be refused by the rules.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final LoginThrottle throttle;

	private final ApiRateLimits limits;

	private final ApiProblems problems;

	BearerTokenFilter(ApiTokens tokens, LoginThrottle throttle, ApiRateLimits limits, ApiProblems problems) {
		this.tokens = tokens;
		this.throttle = throttle;
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		Duration wait = this.throttle.tokenWait(address);
		if (!wait.isZero()) {
			tooMany(request, response, wait, "api.token.tooManyFailures");
			return;
		}
		Optional<TokenUser> user = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
				? this.tokens.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
		if (user.isEmpty()) {
			this.throttle.recordTokenFailure(address);
			this.problems.write(response, this.problems.problem(HttpStatus.UNAUTHORIZED, "api.token.invalid", request),
					Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
			return;
		}
		Duration limited = this.limits.take(user.get().tokenId());
		if (!limited.isZero()) {
			tooMany(request, response, limited, "api.rateLimited");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication(user.get()));
		SecurityContextHolder.setContext(context);
		try (Attribution.Scope scope = Attribution.throughApiToken(user.get().tokenName())) {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void tooMany(HttpServletRequest request, HttpServletResponse response, Duration wait, String code)
			throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		this.problems.write(response,
				this.problems.problem(HttpStatus.TOO_MANY_REQUESTS, code, request, seconds),
				Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
	}

	/** The owner as Spring Security knows a signed-in user: name and roles; the token's name as details. */
	private static UsernamePasswordAuthenticationToken authentication(TokenUser user) {
		List<SimpleGrantedAuthority> authorities = user.actor()
			.roles()
			.stream()
			.sorted()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
			.authenticated(user.actor().username(), null, authorities);
		authentication.setDetails(new ApiTokenDetails(user.tokenId(), user.tokenName()));
		return authentication;
	}

	/** Which token a request came with. */
	record ApiTokenDetails(long tokenId, String tokenName) {
	}

}
