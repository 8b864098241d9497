package jp.hikeshi.reporting;

/** Who caused the leak (規則8条1項4号 asks for it): the company, a contractor, a third party. */
public enum CausedBy {

	UNKNOWN, COMPANY, CONTRACTOR, THIRD_PARTY

}
