package jp.hikeshi.system.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.hikeshi.system.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL cannot be reached, a page answers 503 with Hikeshi's translated page (error/503:
 * nothing was saved, try again in a minute) instead of a 500, within the pool's two-second wait. The
 * API answers its own problem detail (ApiDatabaseUnavailable). Wraps everything, Spring Security's
 * filters included, since a filter may be the first to need the database.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!DatabaseUnavailable.isCause(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("The database cannot be reached: {} {} answered 503 ({})", request.getMethod(),
					request.getRequestURI(), ex.getMessage());
			response.resetBuffer();
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "60");
			request.getRequestDispatcher("/error").forward(request, response);
		}
	}

}
