package jp.hikeshi.register;

/** Whether the system is backed up: a ransomware incident first asks this. */
public enum Backup {

	BACKED_UP, NONE, UNKNOWN

}
