package jp.hikeshi.incident.web;

import jakarta.validation.constraints.Size;

import jp.hikeshi.shared.PlainText;

/** 復旧の確認: what was checked, and whether the executive has been told the result. */
public class RecoveryForm {

	@Size(max = 2000)
	@PlainText(multiline = true)
	private String checks;

	private boolean reportedToExecutive;

	private long version;

	public String getChecks() {
		return this.checks;
	}

	public void setChecks(String checks) {
		this.checks = checks;
	}

	public boolean isReportedToExecutive() {
		return this.reportedToExecutive;
	}

	public void setReportedToExecutive(boolean reportedToExecutive) {
		this.reportedToExecutive = reportedToExecutive;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
