package jp.hikeshi.account;

/**
 * One kind of second factor a person can enrol (an authenticator app, passkeys). The
 * second-factor gate asks every kind whether a person has one; an administrator's reset
 * removes them all.
 */
public interface FactorEnrolments {

	/** Whether this person has at least one factor of this kind enrolled. */
	boolean hasAny(long accountId);

	/** Removes every enrolment of this kind for this person (an administrator's reset). */
	void removeAll(long accountId);

}
