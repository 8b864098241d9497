package jp.hikeshi.system.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.setup.FirstRunSetup;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the first-run setup is done every page leads to it; afterwards the setup page does not
 * exist (404), so nobody can ever run it again.
 */
class FirstRunFilter extends OncePerRequestFilter {

	static final String SETUP_PAGE = "/setup";

	private final FirstRunSetup setup;

	FirstRunFilter(FirstRunSetup setup) {
		this.setup = setup;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean setupPage = path.equals(SETUP_PAGE);
		if (!setupPage && isAlwaysAvailable(path)) {
			// before or after the setup alike, so without asking the database: the first health
			// check after a start would otherwise wait for the organisation's repository to be built
			chain.doFilter(request, response);
			return;
		}
		if (this.setup.isCompleted()) {
			if (setupPage) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
		}
		else if (!setupPage) {
			response.sendRedirect(request.getContextPath() + SETUP_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isAlwaysAvailable(String path) {
		return path.equals("/error") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/images/") || path.equals("/favicon.ico") || path.startsWith("/actuator/");
	}

}
