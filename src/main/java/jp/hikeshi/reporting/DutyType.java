package jp.hikeshi.reporting;

/**
 * The reports an incident may oblige the company to make (DOMAIN.md §4). The wording, the
 * recipient and the source of each are in the message bundles under {@code DutyType.<name>}.
 */
public enum DutyType {

	/** 個人情報保護委員会への速報: 概ね3〜5日以内. */
	PPC_PRELIMINARY,
	/** 個人情報保護委員会への確報: 30 days, 60 where an improper purpose is possible. */
	PPC_FINAL,
	/** 本人通知: promptly. */
	PERSON_NOTICE,
	/** IPA (届出): no legal deadline. */
	IPA,
	/** 警察: promptly. */
	POLICE,
	/** 所管省庁: as the industry's law says. */
	MINISTRY,
	/** 委託元: promptly. */
	CLIENT,
	/** EU supervisory authority: 72 hours (GDPR art. 33). */
	EU_AUTHORITY;

	/** Final reports may be explicitly marked "not yet due" to leave step 2. */
	public boolean mayBeNotYetDue() {
		return this == PPC_FINAL;
	}

}
