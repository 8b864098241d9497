package jp.hikeshi.incident;

/** 事案の公表: whether and how the incident is made public. */
public enum DisclosureStatus {

	UNDECIDED, NOT_REQUIRED, PLANNED, PUBLISHED

}
