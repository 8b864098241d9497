package jp.hikeshi.desk;

import jp.hikeshi.shared.PhoneNumbers;

/** How the pages link to a phone number and to an address kept with or without its scheme. */
final class Links {

	private Links() {
	}

	/** {@code tel:} with the digits (and a leading +) only: what a phone dials, whatever separators were typed. */
	static String phoneLink(String phone) {
		return PhoneNumbers.telLink(phone);
	}

	/** Over https:// unless kept with http(s):// already; never any other scheme. */
	static String link(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		return hasScheme(url) ? url : "https://" + url;
	}

	static String address(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		return hasScheme(url) ? url.substring(url.indexOf("://") + 3) : url;
	}

	private static boolean hasScheme(String url) {
		String lower = url.toLowerCase(java.util.Locale.ROOT);
		return lower.startsWith("https://") || lower.startsWith("http://");
	}

}
