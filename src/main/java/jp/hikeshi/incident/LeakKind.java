package jp.hikeshi.incident;

/** How information leaked, as IPA's guide on information leaks divides it; 紛失 and 盗難 apart. */
public enum LeakKind {

	LOSS, THEFT, MISSENT_OR_MISPUBLISHED, INSIDER, MALWARE, UNAUTHORISED_ACCESS, RUMOUR_OR_POSTING;

	/** Leaks that are a crime: the guide says report them to the police promptly. */
	public boolean isCriminal() {
		return this == INSIDER || this == UNAUTHORISED_ACCESS || this == MALWARE || this == THEFT;
	}

}
