package jp.hikeshi.evidence.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A body over the container's multipart limits fails while it is parsed, before a controller is
 * chosen, so only advice sees it: Hikeshi's page with the limit, never the container's own 413.
 */
@ControllerAdvice
class UploadTooLarge {

	private final EvidenceController evidence;

	UploadTooLarge(EvidenceController evidence) {
		this.evidence = evidence;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	String tooBig(HttpServletRequest request, Authentication user, Model model) {
		return this.evidence.tooBig(request, user, model);
	}

}
