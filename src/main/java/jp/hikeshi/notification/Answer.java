package jp.hikeshi.notification;

/** Yes, no, or not known yet. */
public enum Answer {

	YES, NO, UNKNOWN

}
