package jp.hikeshi.system.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * A form sent after its session ended — it timed out, the server restarted, or an
 * administrator ended it — is not an attack: nobody is signed in, so the CSRF token it carries
 * matches nothing. Instead of a 403 that loses what was typed, the form is kept as a
 * {@link FormDraft} in a new session and the person is asked to sign in again; afterwards the
 * page they were on shows the form as they had filled it in.
 * <p>
 * A bad token in a session where someone is signed in stays a 403, and so does a post that
 * the browser says came from another site: neither keeps anything.
 */
class SessionEndedRecovery implements AccessDeniedHandler {

	static final String SIGN_IN_AGAIN = "/login?expired";

	static final String SIGN_IN_AGAIN_DRAFT_KEPT = "/login?expired&draft";

	/** Pages outside a signed-in session: nothing to keep, or (setup) nobody to sign in as. */
	private static final Set<String> NOT_KEPT = Set.of("/login", "/logout", "/setup");

	private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	/** A CSRF token that matches nothing (Spring Security calls this for CSRF failures only). */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"POST".equals(request.getMethod()) || isSignedIn() || Origins.isCrossSite(request)
				|| path.equals("/setup")) {
			this.refusal.handle(request, response, denied);
			return;
		}
		if (path.equals("/logout")) {
			// Their session is gone already: they are signed out, as they asked.
			this.redirect.sendRedirect(request, response, "/login?signedOut");
			return;
		}
		signInAgain(request, response);
	}

	/** A session an administrator ended (account disabled, roles changed, password reset). */
	void sessionEnded(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"POST".equals(request.getMethod()) || Origins.isCrossSite(request)) {
			this.redirect.sendRedirect(request, response, SIGN_IN_AGAIN);
			return;
		}
		signInAgain(request, response);
	}

	private void signInAgain(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (NOT_KEPT.contains(path)) {
			this.redirect.sendRedirect(request, response, SIGN_IN_AGAIN);
			return;
		}
		var draft = FormDraft.of(request, Origins.isSameOrigin(request));
		if (draft.isEmpty()) {
			this.redirect.sendRedirect(request, response, SIGN_IN_AGAIN);
			return;
		}
		draft.get().keepIn(request.getSession(true));
		this.redirect.sendRedirect(request, response, SIGN_IN_AGAIN_DRAFT_KEPT);
	}

	private boolean isSignedIn() {
		return this.trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
	}

}
