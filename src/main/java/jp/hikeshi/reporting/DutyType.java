package jp.hikeshi.reporting;

/**
 * The reports an incident may oblige the company to make (DOMAIN.md §4). The wording, the
 * recipient and the source of each are in the message bundles under {@code DutyType.<name>};
 * when each applies is the {@link RuleSet}'s to say.
 */
public enum DutyType {

	/** 個人情報保護委員会への速報: 概ね3〜5日以内. */
	PPC_PRELIMINARY,
	/** 個人情報保護委員会への確報: 30 days, 60 where an improper purpose is possible. */
	PPC_FINAL,
	/** 番号法 第29条の4: the 速報 of a leak of 特定個人情報 (マイナンバー). */
	MYNUMBER_PRELIMINARY,
	/** 番号法 第29条の4: the 確報. */
	MYNUMBER_FINAL,
	/** 本人通知: promptly, or an alternative measure where people cannot be reached. */
	PERSON_NOTICE,
	/** IPA (届出): a government notice with no legal deadline. */
	IPA,
	/** 警察: promptly. */
	POLICE,
	/** 所管省庁: where a rule of the company's sector applies. */
	MINISTRY,
	/** 所管省庁: a detailed report that follows (電気通信事業法: 30 days). */
	MINISTRY_FINAL,
	/** 委託元: the client whose data the company handled, 概ね3〜5日 (規則9条). */
	CLIENT,
	/** EU supervisory authority: 72 hours (GDPR Art. 33). */
	EU_AUTHORITY,
	/** The people in the EU: without undue delay where the risk to them is high (GDPR Art. 34). */
	EU_SUBJECTS;

	/** The public desks that serve this report (DOMAIN.md §7), as {@code desk.PublicDesks} names them; {@code null} for none. */
	public String desks() {
		return switch (this) {
			case PPC_PRELIMINARY, PPC_FINAL, PERSON_NOTICE -> "PPC";
			case MYNUMBER_PRELIMINARY, MYNUMBER_FINAL -> "MYNUMBER";
			case IPA -> "IPA";
			case POLICE -> "POLICE";
			case CLIENT -> "CLIENT";
			case EU_AUTHORITY, EU_SUBJECTS -> "EU";
			case MINISTRY, MINISTRY_FINAL -> null;
		};
	}

	/** Final reports may be explicitly marked "not yet due" to leave step 2. */
	public boolean mayBeNotYetDue() {
		return this == PPC_FINAL || this == MYNUMBER_FINAL || this == MINISTRY_FINAL;
	}

}
