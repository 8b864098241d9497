package jp.hikeshi.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The refusals that happen before any controller is chosen — no such route, another method,
 * another media type — as problem details under /api/. Anywhere else the exception goes on to
 * the pages' handling, unchanged.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingErrors {

	private final ObjectProvider<ApiProblems> problemsProvider;

	/** A provider: a test slice of the pages' controllers has these advices but not the API's beans. */
	ApiRoutingErrors(ObjectProvider<ApiProblems> problems) {
		this.problemsProvider = problems;
	}

	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
	ProblemDetail routing(Exception ex, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex;
		}
		int status = (ex instanceof HttpRequestMethodNotSupportedException) ? 405
				: (ex instanceof HttpMediaTypeNotSupportedException) ? 415
						: (ex instanceof HttpMediaTypeNotAcceptableException) ? 406 : 404;
		return routing(problems(), status, request);
	}

	static ProblemDetail routing(ApiProblems problems, int status, HttpServletRequest request) {
		HttpStatus code = HttpStatus.resolve(status);
		if (code == null || code == HttpStatus.FORBIDDEN) {
			code = HttpStatus.NOT_FOUND;
		}
		String name = switch (code) {
			case METHOD_NOT_ALLOWED -> "api.methodNotAllowed";
			case UNSUPPORTED_MEDIA_TYPE -> "api.unsupportedMediaType";
			case NOT_ACCEPTABLE -> "api.notAcceptable";
			case NOT_FOUND -> "api.notFound";
			default -> "api.status." + code.value();
		};
		return problems.problem(code, name, request);
	}

	private ApiProblems problems() {
		return this.problemsProvider.getObject();
	}

}
