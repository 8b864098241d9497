package jp.hikeshi.reporting;

/**
 * 「個人データの漏えい・滅失・毀損が発生しましたか？」 The law covers a leak that is only feared
 * (「発生したおそれがある」, 規則7条) as much as one that happened; only a おそれ ruled out with a
 * recorded reason frees the company from the personal-data duties (DOMAIN.md §4.1).
 */
public enum LeakStatus {

	/** Not assessed yet: the duties are listed as provisional (要判断), their clocks running. */
	UNASSESSED,
	/** 発生した. */
	OCCURRED,
	/** 発生したおそれがある. */
	FEARED,
	/** おそれはない — with the reason on record. */
	RULED_OUT;

	/** Whether a leak happened or may have happened, so that the grounds of 規則7条 decide. */
	public boolean possible() {
		return this == OCCURRED || this == FEARED;
	}

}
