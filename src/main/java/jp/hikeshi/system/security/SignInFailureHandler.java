package jp.hikeshi.system.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.account.PasswordsSwitchedOff;
import jp.hikeshi.account.ThrottledLoginException;
import jp.hikeshi.system.DatabaseUnavailable;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * One answer for every failed sign-in (unknown name, wrong password, disabled account) so
 * the page never tells whether an account exists; a second one when attempts are throttled,
 * which is the same for names that exist and names that do not. A sign-in that failed because the
 * database cannot be reached is no wrong password: it goes on to the 503 page (DatabaseUnavailableFilter).
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	private final DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (DatabaseUnavailable.isCause(exception)) {
			throw new ServletException("Sign-in impossible: the database cannot be reached", exception);
		}
		String target = (exception instanceof ThrottledLoginException) ? "/login?throttled"
				: (exception instanceof PasswordsSwitchedOff.Refused) ? "/login?passwordsOff" : "/login?error";
		this.redirect.sendRedirect(request, response, target);
	}

}
