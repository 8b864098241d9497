package jp.hikeshi.reporting;

/** Yes, no, or not known yet. */
public enum Answer {

	YES, NO, UNKNOWN

}
