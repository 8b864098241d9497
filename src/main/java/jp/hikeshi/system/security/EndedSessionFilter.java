package jp.hikeshi.system.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a request of a session an administrator ended ({@link SessionTerminator}) to sign in
 * again, keeping a form it carried. The mark is an attribute of the session itself, so it is
 * read with the session the request loads anyway, on whichever node: no second look-up of the
 * session per request, as Spring Security's session registry would make.
 */
class EndedSessionFilter extends OncePerRequestFilter {

	/** The session attribute that marks a session ended; its value is {@code Boolean.TRUE}. */
	static final String ENDED = "hikeshi.session.ended";

	private final SessionEndedRecovery recovery;

	private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

	EndedSessionFilter(SessionEndedRecovery recovery) {
		this.recovery = recovery;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session == null || !Boolean.TRUE.equals(session.getAttribute(ENDED))) {
			chain.doFilter(request, response);
			return;
		}
		// the session goes (and with it whoever was signed in); a form it carried is kept in a new one
		this.signOut.logout(request, response, SecurityContextHolder.getContext().getAuthentication());
		this.recovery.sessionEnded(request, response);
	}

}
