package jp.hikeshi.shared;

import java.util.Optional;

/**
 * Through which door the person acting came in, for the request being served: a click on a
 * page (nothing recorded) or a personal API token (its name). The timeline and the audit trail
 * write it beside the person, so that what a script did reads "via API token …". Bound to the
 * thread for the length of one request, like the locale and the signed-in user.
 */
public final class Attribution {

	private static final ThreadLocal<String> API_TOKEN = new ThreadLocal<>();

	private Attribution() {
	}

	/** The name of the API token the current request came with, if it came with one. */
	public static Optional<String> apiToken() {
		return Optional.ofNullable(API_TOKEN.get());
	}

	/** Marks what the current thread does, until the returned scope is closed, as done through the named token. */
	public static Scope throughApiToken(String tokenName) {
		API_TOKEN.set(tokenName);
		return API_TOKEN::remove;
	}

	/** The end of a request's attribution. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
