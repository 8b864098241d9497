package jp.hikeshi.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.hikeshi.system.DatabaseUnavailable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL cannot be reached, the API answers a 503 problem ("api.databaseUnavailable", retry
 * after a minute) within the pool's two-second wait: the token check is the first to need the database.
 * A failure inside a controller is answered the same way by {@link ApiErrors}.
 */
class ApiDatabaseUnavailable extends OncePerRequestFilter {

	private final ApiProblems problems;

	ApiDatabaseUnavailable(ApiProblems problems) {
		this.problems = problems;
	}

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
			response.resetBuffer();
			write(this.problems, request, response);
		}
	}

	static void write(ApiProblems problems, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		problems.write(response, problem(problems, request), Map.of(HttpHeaders.RETRY_AFTER, "60"));
	}

	static org.springframework.http.ProblemDetail problem(ApiProblems problems, HttpServletRequest request) {
		return problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "api.databaseUnavailable", request);
	}

}
