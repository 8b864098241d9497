package jp.hikeshi.system.security;

import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * What someone had typed into a form when their session ended: the form's action, the page to
 * return to after signing in again, and the fields as submitted — never the CSRF token, never a
 * password. Kept in the new session until the return page has shown it once.
 * @param action the path the form was posted to, as the browser sees it (with the context path)
 * @param returnTo the page to go back to, a path within the application (without the context path)
 * @param fields every field's values, in the order they were submitted
 */
record FormDraft(String action, String returnTo, Map<String, List<String>> fields) implements Serializable {

	/** No draft is kept for a form larger than this (names and values, UTF-8): the session is no store. */
	static final int MAX_BYTES = 64 * 1024;

	/** Nor for one with more values than this. */
	static final int MAX_FIELDS = 200;

	private static final String SESSION_ATTRIBUTE = FormDraft.class.getName();

	private static final String CSRF_PARAMETER = "_csrf";

	private static final String HOME = "/";

	FormDraft {
		fields = new LinkedHashMap<>(fields);
	}

	/**
	 * The draft of a form post, or nothing when the form is too large to keep.
	 * @param sameOrigin whether the browser said the request came from a page of this application
	 */
	static Optional<FormDraft> of(HttpServletRequest request, boolean sameOrigin) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		int bytes = 0;
		int values = 0;
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (!isKept(name)) {
				continue;
			}
			List<String> kept = new ArrayList<>();
			for (String value : parameter.getValue()) {
				values++;
				bytes += utf8Length(name) + utf8Length(value);
				if (values > MAX_FIELDS || bytes > MAX_BYTES) {
					return Optional.empty();
				}
				kept.add(value);
			}
			fields.put(name, kept);
		}
		return Optional.of(new FormDraft(request.getRequestURI(), returnPage(request, sameOrigin), fields));
	}

	/** Neither the CSRF token nor anything that looks like a password is ever kept. */
	static boolean isKept(String name) {
		return !name.equals(CSRF_PARAMETER) && !name.toLowerCase(Locale.ROOT).contains("password");
	}

	/**
	 * The page the form was on, where the browser names it (the {@code Referer}) and it is a page
	 * of this application; else the home page. A page of another site is never followed.
	 */
	static String returnPage(HttpServletRequest request, boolean sameOrigin) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return HOME;
		}
		URI page;
		try {
			page = URI.create(referer);
		}
		catch (IllegalArgumentException ex) {
			return HOME;
		}
		if (!sameOrigin && !Origins.isOwn(request, page)) {
			return HOME;
		}
		String path = page.getRawPath();
		String context = request.getContextPath();
		if (page.getScheme() == null || page.getHost() == null || path == null || !path.startsWith(context + "/")) {
			return HOME;
		}
		String within = path.substring(context.length());
		if (within.startsWith("//") || within.contains("\\") || within.startsWith("/login") || within.startsWith("/logout")) {
			return HOME;
		}
		return (page.getRawQuery() == null) ? within : within + "?" + page.getRawQuery();
	}

	void keepIn(HttpSession session) {
		session.setAttribute(SESSION_ATTRIBUTE, this);
	}

	static Optional<FormDraft> in(HttpSession session) {
		return (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof FormDraft draft)
				? Optional.of(draft) : Optional.empty();
	}

	static void forget(HttpSession session) {
		session.removeAttribute(SESSION_ATTRIBUTE);
	}

	/** The path of the return page, without its query. */
	String returnPath() {
		int query = this.returnTo.indexOf('?');
		return (query < 0) ? this.returnTo : this.returnTo.substring(0, query);
	}

	private static int utf8Length(String text) {
		return (text == null) ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
	}

}
