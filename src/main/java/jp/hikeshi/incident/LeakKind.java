package jp.hikeshi.incident;

/** How information leaked, as IPA's guide on information leaks divides it. */
public enum LeakKind {

	LOSS_OR_THEFT, MISSENT_OR_MISPUBLISHED, INSIDER, MALWARE, UNAUTHORISED_ACCESS, RUMOUR_OR_POSTING;

	/** Leaks the guide says need a prompt police report. */
	public boolean isCriminal() {
		return this == INSIDER || this == UNAUTHORISED_ACCESS || this == MALWARE;
	}

}
