package jp.hikeshi.investigation;

import java.time.LocalDate;

import jp.hikeshi.investigation.Investigation.Remediation;

/** What the investigation and contact pages ask of the {@link InvestigationService} and {@link ContactService}. */
public final class InvestigationCommands {

	private InvestigationCommands() {
	}

	/** A repair; {@code doneOn} empty while it is in progress. */
	public record RecordRemediation(Remediation.Kind kind, String description, String owner, LocalDate doneOn) {
	}

	/** Help asked from outside, and what was advised if anything yet. */
	public record AskForHelp(String helper, LocalDate askedOn, String request, String advice) {
	}

	/** 経営者への報告: what was reported, and when. */
	public record ReportToExecutive(LocalDate reportedOn, String summary) {
	}

	/** One of the company's own contacts. */
	public record AddContact(Contact.Kind kind, String name, String phone, String note) {
	}

}
