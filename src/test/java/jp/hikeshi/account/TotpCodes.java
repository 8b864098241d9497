package jp.hikeshi.account;

import java.time.Instant;

/** What an authenticator app shows now for a key typed into it: for the browser journeys. */
public final class TotpCodes {

	private TotpCodes() {
	}

	public static String now(String base32Key) {
		return Totp.code(AuthenticatorAppsTest.base32(base32Key), Totp.step(Instant.now()));
	}

}
