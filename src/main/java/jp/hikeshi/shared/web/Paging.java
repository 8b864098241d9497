package jp.hikeshi.shared.web;

/**
 * The page number a list is shown at, from what the address asked for: a negative number is the
 * first page and a huge one ({@code page=2147483647}) the last that can exist, so that no offset
 * overflows into a database error. An empty page past the end is what such a page shows.
 */
public final class Paging {

	/** Far beyond any list here, small enough that page × size stays an int. */
	public static final int LAST_PAGE = 100_000;

	private Paging() {
	}

	public static int page(int requested) {
		return Math.max(0, Math.min(requested, LAST_PAGE));
	}

}
