package jp.hikeshi.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After an administrator reset a password, its holder may do nothing but choose a new one.
 * The flag lives in the session, set at sign-in and cleared when the password is changed.
 */
public class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	public static final String PASSWORD_PAGE = "/account/password";

	private static final String ATTRIBUTE = PasswordChangeRequiredFilter.class.getName();

	public static void require(HttpSession session) {
		session.setAttribute(ATTRIBUTE, Boolean.TRUE);
	}

	/** Called once the new password is saved. */
	public static void satisfied(HttpSession session) {
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(ATTRIBUTE) != null && !isExempt(request.getRequestURI().substring(request.getContextPath().length()))) {
			response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isExempt(String path) {
		// the second factor comes first: its pages stay open, or the two filters would send each other round
		return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/error")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
				|| SecondFactorGate.isOpen(path) || SecondFactorGate.isEnrolment(path);
	}

}
