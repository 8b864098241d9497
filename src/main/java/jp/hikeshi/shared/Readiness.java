package jp.hikeshi.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * One line of the executive's readiness list (平時の備え, issue #14): whether the company did
 * what the guide expects before the fire — the register filled, the policy approved this year,
 * the contacts verified, a drill run, backups recorded. Each module that keeps one of these
 * answers publishes a bean; the dashboard shows them in {@link #order()} and links each line
 * to where it is fixed.
 */
public interface Readiness {

	/** Where the line stands in the list: 10 register, 20 backups, 30 policy, 40 contacts, 50 drills. */
	int order();

	/** The line as it stands now. */
	Line check();

	/**
	 * @param label what is checked, in the reader's language (a message code and its arguments)
	 * @param detail how it stands, in words (「インターネットに面した3台のうち2台を記入済み」)
	 * @param href where it is fixed
	 */
	record Line(MessageSourceResolvable label, State state, MessageSourceResolvable detail, String href) {
	}

	/** Done; done but needing attention soon (a policy approved last year, contacts 5 months old); not done. */
	enum State {

		READY, ATTENTION, MISSING

	}

}
