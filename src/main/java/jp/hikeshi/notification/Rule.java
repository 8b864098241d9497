package jp.hikeshi.notification;

import java.util.Set;

import jp.hikeshi.reporting.DutyType;

/**
 * The rows of the "who is told what" table (README, Notifications). Each has default channels;
 * a mandatory rule's e-mail cannot be switched off by the company or by a person, and a new
 * report's chat message cannot be switched off by the company (it is how a lead on the road
 * hears of ransomware at 23:00).
 */
public enum Rule {

	/** A member of staff reported something: the security leads; a report still going on first. */
	NEW_REPORT(true, true, true, 1),
	/** Nobody took a report within the company's triage timeout: leads and executives. */
	TRIAGE_WAITING(true, true, false, 1),
	/** The lead escalated: the executives must form a team. */
	ESCALATED(true, true, false, 2),
	/** The executive formed the team: the responsible person and each responder. */
	TEAM_ASSIGNED(false, true, false, 3),
	/** The executive must decide: approve the closing, approve an announcement. */
	DECISION_WAITING(false, true, false, 3),
	/** A report the law requires (PPC, 番号法, GDPR, 本人通知) is due soon, today, or overdue. */
	LEGAL_DEADLINE(true, true, false, 1),
	/** Any other report owed (police, ministry, 委託元) is due soon, today, or overdue. */
	OTHER_DEADLINE(false, true, false, 2),
	/** The reporter added information to their report: the security leads. */
	REPORTER_INFORMATION(false, true, false, 4),
	/** The reporter's own report was taken up or closed. */
	REPORTER_UPDATE(false, true, false, 5),
	/** A prevention measure is due in 7 days or overdue: its owner and the security leads. */
	MEASURE_DUE(false, true, false, 5),
	/** Once a day, what waits for me: only for those who ask for it. */
	DAILY_DIGEST(false, true, false, 9),
	/**
	 * Too many wrong passwords locked sign-in with my password for a while: the account's owner,
	 * always, so that someone guessing at it does not go unnoticed.
	 */
	PASSWORD_LOCKED(true, true, false, 1);

	/** The reports whose reminders nobody may switch off. */
	static final Set<DutyType> LEGAL = Set.of(DutyType.PPC_PRELIMINARY, DutyType.PPC_FINAL, DutyType.PERSON_NOTICE,
			DutyType.MYNUMBER_PRELIMINARY, DutyType.MYNUMBER_FINAL, DutyType.EU_AUTHORITY, DutyType.EU_SUBJECTS);

	private final boolean mandatory;

	private final boolean email;

	private final boolean chat;

	private final int priority;

	Rule(boolean mandatory, boolean email, boolean chat, int priority) {
		this.mandatory = mandatory;
		this.email = email;
		this.chat = chat;
		this.priority = priority;
	}

	/** E-mail always goes out; neither the company nor a person can switch it off. */
	public boolean isMandatory() {
		return this.mandatory;
	}

	public boolean emailByDefault() {
		return this.email || this.mandatory;
	}

	public boolean chatByDefault() {
		return this.chat;
	}

	/** The company cannot switch chat off for this rule (a new report). */
	public boolean isChatLocked() {
		return this == NEW_REPORT;
	}

	/**
	 * Whether a chat channel may carry it: only what is addressed to a role. A message to one
	 * person ("you are on the team", "your report was taken", the digest) stays out of channels.
	 */
	public boolean isChatAllowed() {
		return this != TEAM_ASSIGNED && this != REPORTER_UPDATE && this != DAILY_DIGEST && this != PASSWORD_LOCKED;
	}

	/** A person may switch this rule's e-mail off for themselves (the digest they switch on). */
	public boolean isPersonal() {
		return !this.mandatory && this != DAILY_DIGEST;
	}

	/** Lower goes first: a report of something still happening before a measure's reminder. */
	int priority() {
		return this.priority;
	}

	static Rule forDuty(DutyType type) {
		return LEGAL.contains(type) ? LEGAL_DEADLINE : OTHER_DEADLINE;
	}

}
