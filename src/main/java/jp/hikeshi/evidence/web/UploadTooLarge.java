package jp.hikeshi.evidence.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
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

	/** Optional: a test slice of other controllers has no evidence page (and no upload to refuse). */
	private final ObjectProvider<EvidenceController> evidence;

	UploadTooLarge(ObjectProvider<EvidenceController> evidence) {
		this.evidence = evidence;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	String tooBig(MaxUploadSizeExceededException refused, HttpServletRequest request, Authentication user, Model model)
			throws MaxUploadSizeExceededException {
		EvidenceController page = this.evidence.getIfAvailable();
		if (page == null) {
			throw refused;
		}
		return page.tooBig(request, user, model);
	}

}
