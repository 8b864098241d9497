package jp.hikeshi.shared;

/** How the pages link to a phone number, whatever separators were typed. */
public final class PhoneNumbers {

	private PhoneNumbers() {
	}

	/**
	 * {@code tel:} with the digits (half- or full-width typed, half-width sent), a {@code +} and
	 * an extension's {@code #} only: what a phone dials. {@code null} for no number.
	 */
	public static String telLink(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		StringBuilder link = new StringBuilder("tel:");
		phone.codePoints().forEach(c -> {
			if (Character.isDigit(c)) {
				link.append(Character.getNumericValue(c));
			}
			else if (c == '+' || c == '＋') {
				link.append('+');
			}
			else if (c == '#' || c == '＃') {
				link.append("%23");
			}
		});
		return link.toString();
	}

}
