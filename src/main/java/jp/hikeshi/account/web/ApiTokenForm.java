package jp.hikeshi.account.web;

import java.io.Serializable;
import java.time.Instant;

import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.shared.PlainText;

/**
 * A new personal API token as typed: a name that says what uses it, and how many days it works.
 * The rules (a name is needed, 1 to 365 days) are {@link ApiTokens}'s; an empty number of days
 * means the default.
 */
record ApiTokenForm(@PlainText String name, Integer days) {

	static ApiTokenForm empty() {
		return new ApiTokenForm(null, ApiTokens.DEFAULT_DAYS);
	}

	/**
	 * A token just made, carried to the next page once (a flash attribute, never a URL): the
	 * only time its secret is shown.
	 */
	record Shown(String name, String secret, Instant expiresAt) implements Serializable {

		static Shown of(ApiTokens.Created created) {
			return new Shown(created.token().getName(), created.secret(), created.token().getExpiresAt());
		}

		/** Never the secret in a log line or an error page's model dump. */
		@Override
		public String toString() {
			return "Shown[name=" + this.name + ", secret=…]";
		}

	}

}
