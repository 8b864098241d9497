package jp.hikeshi.api;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the API's errors as RFC 9457 problem details: the status, a stable {@code code} a
 * script can test, and the message in the caller's language (Accept-Language). Used by the
 * exception handling and by the filters that answer before a controller runs.
 */
@Component
public class ApiProblems {

	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	ApiProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	/** A problem whose message is the given code's, in the request's language. */
	public ProblemDetail problem(HttpStatus status, String code, HttpServletRequest request, Object... arguments) {
		return problem(status, code, new DefaultMessageSourceResolvable(new String[] { code }, arguments, code),
				request);
	}

	/** A problem with a stable code and a message resolved from anything resolvable (a guard, a violation). */
	public ProblemDetail problem(HttpStatus status, String code, MessageSourceResolvable message,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(message, request));
		problem.setTitle(text(new DefaultMessageSourceResolvable(new String[] { "api.status." + status.value() },
				null, status.getReasonPhrase()), request));
		problem.setType(URI.create("about:blank"));
		if (request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		problem.setProperty("code", code);
		return problem;
	}

	public String text(MessageSourceResolvable message, HttpServletRequest request) {
		return this.messages.getMessage(message, locale(request));
	}

	public Locale locale(HttpServletRequest request) {
		return (request != null) ? this.locales.resolveLocale(request) : Locale.JAPANESE;
	}

	/** Writes a problem straight to the response, for the filters that answer before any controller. */
	public void write(HttpServletResponse response, ProblemDetail problem, Map<String, String> headers)
			throws IOException {
		response.setStatus(problem.getStatus());
		headers.forEach(response::setHeader);
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
