package jp.hikeshi.system.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form whose body is over the container's upload limits gets Hikeshi's translated 413 page,
 * never Tomcat's own. Tomcat refuses every later look at such a request's fields — the CSRF check's
 * included, and again on its error page — so the body is read here, before anything else looks at
 * it, and a refusal is answered by Boot's error page (error/413) through a request that shows no
 * fields. Nothing is kept: the request goes no further. A request that carries its CSRF token in a
 * header (upload.js) is left alone, so that the evidence page itself answers it with the limit.
 * A plain form over {@code server.tomcat.max-http-form-post-size} (or one Tomcat cannot parse) is
 * answered the same way: the 413 page then speaks of what was typed, not of a file.
 */
class UploadLimitFilter extends OncePerRequestFilter {

	/** The request attribute the 413 page reads to speak of a form rather than a file. */
	static final String FORM_TOO_LARGE = "formTooLarge";

	private static final String FORM = "application/x-www-form-urlencoded";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		if (!"POST".equals(request.getMethod()) || type == null) {
			return true;
		}
		String lower = type.toLowerCase(java.util.Locale.ROOT);
		return !(lower.startsWith(FORM) || lower.startsWith("multipart/") && request.getHeader("X-CSRF-TOKEN") == null);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith(FORM);
		try {
			if (form) {
				request.getParameterMap();
			}
			else {
				request.getParts();
			}
		}
		catch (IllegalStateException ex) {
			if (!(ex instanceof InvalidParameterException refused)
					|| form && refused.getErrorCode() != HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
							&& refused.getErrorCode() != HttpServletResponse.SC_BAD_REQUEST
					|| !form && refused.getErrorCode() != HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
				throw ex;
			}
			if (form && refused.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
				request.setAttribute(FORM_TOO_LARGE, true);
			}
			request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, refused.getErrorCode());
			request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
			response.setStatus(refused.getErrorCode());
			request.getRequestDispatcher("/error").forward(new WithoutFields(request), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The refused request as a read of the error page: no fields, no parts. */
	private static final class WithoutFields extends HttpServletRequestWrapper {

		WithoutFields(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public Collection<Part> getParts() {
			return List.of();
		}

		@Override
		public Part getPart(String name) {
			return null;
		}

		@Override
		public String getContentType() {
			return null;
		}

	}

}
