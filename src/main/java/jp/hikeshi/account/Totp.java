package jp.hikeshi.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 defines them and every authenticator app computes
 * them: HMAC-SHA1 over the number of 30-second steps since 1970, {@value #DIGITS} digits. A code of
 * the step before or after now is accepted too, for a phone's clock a little off.
 */
final class Totp {

	static final int DIGITS = 6;

	static final long STEP_SECONDS = 30;

	/** Steps either side of now whose codes are accepted. */
	static final int WINDOW = 1;

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private Totp() {
	}

	static long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of one time step, zero-padded to {@code digits}. */
	static String code(byte[] secret, long step, int digits) {
		byte[] hash = hmacSha1(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		// dynamic truncation (RFC 4226, 5.3)
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS[digits]);
		return "0".repeat(digits - code.length()) + code;
	}

	static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS);
	}

	/** The step within the window whose code this is, if any; compared in constant time. */
	static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
		long current = step(now);
		byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
		OptionalLong found = OptionalLong.empty();
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			if (MessageDigest.isEqual(typed, code(secret, step).getBytes(StandardCharsets.US_ASCII)) && found.isEmpty()) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

	private static byte[] hmacSha1(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", ex);
		}
	}

	/** RFC 4648 Base32 without padding: how authenticator apps take a secret typed in or scanned. */
	static String base32(byte[] bytes) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		StringBuilder text = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				text.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			text.append(alphabet.charAt((buffer << (5 - bits)) & 31));
		}
		return text.toString();
	}

}
