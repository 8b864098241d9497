package jp.hikeshi.system.security;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, as the browser tells it: {@code Sec-Fetch-Site} where the browser
 * sends it (over HTTPS and to localhost), else the {@code Origin} header compared with this
 * application's own address. A request that carries neither (an old browser, a script) is taken
 * as it comes.
 */
final class Origins {

	private static final String FETCH_SITE = "Sec-Fetch-Site";

	private static final String SAME_ORIGIN = "same-origin";

	private Origins() {
	}

	/** Whether the browser says the request was sent by a page of another site. */
	static boolean isCrossSite(HttpServletRequest request) {
		String site = request.getHeader(FETCH_SITE);
		if (site != null) {
			return !SAME_ORIGIN.equals(site);
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false;
		}
		try {
			return !isOwn(request, URI.create(origin));
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

	/** Whether the browser vouches that the request was sent by a page of this application. */
	static boolean isSameOrigin(HttpServletRequest request) {
		return SAME_ORIGIN.equals(request.getHeader(FETCH_SITE));
	}

	/** Whether an address is on this application's scheme, host and port. */
	static boolean isOwn(HttpServletRequest request, URI address) {
		return address.getScheme() != null && address.getHost() != null
				&& address.getScheme().equalsIgnoreCase(request.getScheme())
				&& address.getHost().equalsIgnoreCase(request.getServerName())
				&& port(address) == request.getServerPort();
	}

	private static int port(URI address) {
		if (address.getPort() >= 0) {
			return address.getPort();
		}
		return "https".equalsIgnoreCase(address.getScheme()) ? 443 : 80;
	}

}
