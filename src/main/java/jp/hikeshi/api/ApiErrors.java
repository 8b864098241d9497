package jp.hikeshi.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.hikeshi.system.DatabaseUnavailable;

import jp.hikeshi.account.AccountNotFoundException;
import jp.hikeshi.incident.IncidentChangedMeanwhile;
import jp.hikeshi.incident.IncidentNotFoundException;
import jp.hikeshi.incident.TransitionRefused;
import jp.hikeshi.notification.IntegrationEndpointNotFound;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the API's controllers answer when a request cannot be served, each as a problem detail
 * with a stable {@code code}: 400 for what cannot be read, 404 for what the caller may not see
 * (never 403), 409 for a stale version, 422 for what the rules refuse (every guard that failed,
 * or every field that is wrong), 413 for too large a body. Never a stack trace.
 */
@RestControllerAdvice(basePackages = "jp.hikeshi.api")
@Order(0)
class ApiErrors {

	private static final Logger logger = LoggerFactory.getLogger(ApiErrors.class);

	private final ObjectProvider<ApiProblems> problemsProvider;

	/** A provider: a test slice of the pages' controllers has these advices but not the API's beans. */
	ApiErrors(ObjectProvider<ApiProblems> problems) {
		this.problemsProvider = problems;
	}

	/** One guard that failed, in the caller's language. */
	record UnmetGuard(String code, String message) {
	}

	/** One field that is wrong, in the caller's language. */
	record FieldProblem(String field, String code, String message) {
	}

	@ExceptionHandler(TransitionRefused.class)
	ProblemDetail refused(TransitionRefused refused, HttpServletRequest request) {
		ProblemDetail problem = problems().problem(HttpStatus.UNPROCESSABLE_CONTENT, "api.transitionRefused",
				request);
		problem.setProperty("unmet", refused.unmet()
			.stream()
			.map(guard -> new UnmetGuard(guard.code(), problems().text(guard, request)))
			.toList());
		return problem;
	}

	/**
	 * A stale version, under the page's code but in words for a script (nothing was typed into a
	 * form): who changed what, and when.
	 */
	@ExceptionHandler(IncidentChangedMeanwhile.class)
	ProblemDetail changedMeanwhile(IncidentChangedMeanwhile changed, HttpServletRequest request) {
		return problems().problem(HttpStatus.CONFLICT, changed.code(), new DefaultMessageSourceResolvable(
				new String[] { "api.incident.changedMeanwhile" }, changed.arguments()), request);
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail conflict(HttpServletRequest request) {
		return problems().problem(HttpStatus.CONFLICT, "api.conflict", request);
	}

	@ExceptionHandler(BusinessRuleViolation.class)
	ProblemDetail violation(BusinessRuleViolation violation, HttpServletRequest request) {
		ProblemDetail problem = problems().problem(HttpStatus.UNPROCESSABLE_CONTENT, violation.code(),
				violation.message(), request);
		if (violation.field() != null) {
			problem.setProperty("errors", List.of(new FieldProblem(violation.field(), violation.code(),
					problems().text(violation.message(), request))));
		}
		return problem;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException invalid, HttpServletRequest request) {
		ProblemDetail problem = problems().problem(HttpStatus.UNPROCESSABLE_CONTENT, "api.invalid", request);
		problem.setProperty("errors", invalid.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldProblem(error.getField(), code(error), problems().text(error, request)))
			.toList());
		return problem;
	}

	@ExceptionHandler({ IncidentNotFoundException.class, AccountNotFoundException.class,
			IntegrationEndpointNotFound.class, AccessDeniedException.class })
	ProblemDetail notFound(HttpServletRequest request) {
		return problems().problem(HttpStatus.NOT_FOUND, "api.notFound", request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException unreadable, HttpServletRequest request) {
		for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeLimit.TooLarge) {
				return problems().problem(HttpStatus.CONTENT_TOO_LARGE, "api.tooLarge", request,
						RequestSizeLimit.MAX_BYTES / 1024);
			}
		}
		return problems().problem(HttpStatus.BAD_REQUEST, "api.malformed", request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException mismatch, HttpServletRequest request) {
		return badParameter(mismatch.getName(), request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException missing, HttpServletRequest request) {
		return badParameter(missing.getParameterName(), request);
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ProblemDetail missingHeader(MissingRequestHeaderException missing, HttpServletRequest request) {
		return badParameter(missing.getHeaderName(), request);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameters(HandlerMethodValidationException invalid, HttpServletRequest request) {
		String name = invalid.getParameterValidationResults()
			.stream()
			.map(result -> result.getMethodParameter().getParameterName())
			.findFirst()
			.orElse("?");
		return badParameter(name, request);
	}

	@ExceptionHandler(ResponseStatusException.class)
	ProblemDetail status(ResponseStatusException status, HttpServletRequest request) {
		HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
		if (code == null || code == HttpStatus.FORBIDDEN) {
			code = HttpStatus.NOT_FOUND;
		}
		return problems().problem(code, "api.status." + code.value(), request);
	}

	@ExceptionHandler(ErrorResponseException.class)
	ProblemDetail errorResponse(ErrorResponseException error, HttpServletRequest request) {
		return ApiRoutingErrors.routing(problems(), error.getStatusCode().value(), request);
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (DatabaseUnavailable.isCause(ex)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			return ApiDatabaseUnavailable.problem(problems(), request);
		}
		logger.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return problems().problem(HttpStatus.INTERNAL_SERVER_ERROR, "api.internal", request);
	}

	private ProblemDetail badParameter(String name, HttpServletRequest request) {
		ProblemDetail problem = problems().problem(HttpStatus.BAD_REQUEST, "api.badParameter", request, name);
		problem.setProperty("parameter", name);
		return problem;
	}

	private static String code(FieldError error) {
		String[] codes = error.getCodes();
		return (codes == null || codes.length == 0) ? "api.invalid" : codes[codes.length - 1];
	}

	private ApiProblems problems() {
		return this.problemsProvider.getObject();
	}

}
