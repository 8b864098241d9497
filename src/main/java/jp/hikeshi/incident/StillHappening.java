package jp.hikeshi.incident;

/** The reporter's answer to "is it still happening?". */
public enum StillHappening {

	YES, NO, UNKNOWN

}
