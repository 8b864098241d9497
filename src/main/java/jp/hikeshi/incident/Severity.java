package jp.hikeshi.incident;

/** 深刻度: how badly the business, customers or partners are or may be hurt. */
public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL

}
