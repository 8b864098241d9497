package jp.hikeshi.incident.web;

import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.shared.PlainText;

/** 復旧の確認: what was checked, and whether the executive has been told the result. */
record RecoveryForm(@Size(max = 2000) @PlainText(multiline = true) String checks, boolean reportedToExecutive,
		long version) {

	static RecoveryForm of(Incident incident) {
		return new RecoveryForm(incident.getRecoveryChecks(), incident.isRecoveryReported(), incident.getVersion());
	}

}
