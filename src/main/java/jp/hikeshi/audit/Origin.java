package jp.hikeshi.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where an audited action came from: the address the server saw (behind the proxy, what its
 * forwarded-header handling made of it) and the browser's or script's user agent, each cut to
 * its column. Empty outside a request (a job, a start-up).
 */
public record Origin(String address, String userAgent) {

	static final int MAX_ADDRESS = 45;

	static final int MAX_USER_AGENT = 200;

	static final Origin NONE = new Origin(null, null);

	public Origin {
		// nothing that would break a line or a cell
		address = cut((address == null) ? null : address.replaceAll("\\p{Cntrl}", " "), MAX_ADDRESS);
		userAgent = cut((userAgent == null) ? null : userAgent.replaceAll("\\p{Cntrl}", " "), MAX_USER_AGENT);
	}

	/** The origin of the request this thread is serving, if any. */
	public static Origin ofCurrentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return new Origin(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
		}
		return NONE;
	}

	static String cut(String value, int length) {
		if (value == null) {
			return null;
		}
		// whole code points only
		return (value.codePointCount(0, value.length()) <= length) ? value
				: value.substring(0, value.offsetByCodePoints(0, length));
	}

}
