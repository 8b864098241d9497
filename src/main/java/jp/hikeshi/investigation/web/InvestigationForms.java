package jp.hikeshi.investigation.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import jp.hikeshi.investigation.Contact;
import jp.hikeshi.investigation.Investigation.FiveW1H;
import jp.hikeshi.investigation.Investigation.Remediation;
import jp.hikeshi.investigation.InvestigationCommands.AddContact;
import jp.hikeshi.investigation.InvestigationCommands.AskForHelp;
import jp.hikeshi.investigation.InvestigationCommands.RecordRemediation;
import jp.hikeshi.investigation.InvestigationCommands.ReportToExecutive;
import jp.hikeshi.shared.Happened;
import jp.hikeshi.shared.PlainText;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The forms of the investigation page and of the contacts. The forms check the shape of what
 * was typed (length, no control characters, a date that is a date); whether something required
 * is there, and whether a date is plausible, are the service's rules and come back from it on
 * the same fields. Texts arrive trimmed, blanks as {@code null} ({@code FormBinding}).
 */
public final class InvestigationForms {

	private static final int SHORT = 1000;

	private static final int LONG = 2000;

	/** The required-items record's own limit for the cause and the affected systems. */
	private static final int RECORD = 4000;

	private InvestigationForms() {
	}

	/** 5W1H, in the guide's order; {@code version} is the incident's, as the page showed it. */
	public record FactsForm(long version, @Size(max = SHORT) @PlainText(multiline = true) String when,
			@Size(max = RECORD) @PlainText(multiline = true) String where,
			@Size(max = SHORT) @PlainText(multiline = true) String who,
			@Size(max = SHORT) @PlainText(multiline = true) String whom,
			@Size(max = LONG) @PlainText(multiline = true) String what,
			@Size(max = RECORD) @PlainText(multiline = true) String why,
			@Size(max = LONG) @PlainText(multiline = true) String how,
			@Happened @DateTimeFormat(iso = ISO.DATE) LocalDate startedOn) {

		static FactsForm of(FiveW1H facts, long version) {
			return new FactsForm(version, facts.when(), facts.where(), facts.who(), facts.whom(), facts.what(),
					facts.why(), facts.how(), facts.startedOn());
		}

		FiveW1H toCommand() {
			return new FiveW1H(this.when, this.who, this.whom, this.what, this.how, this.why, this.where,
					this.startedOn);
		}

	}

	/** A repair; the day it was done stays empty while it is in progress. */
	public record RemediationForm(Remediation.Kind kind, @Size(max = SHORT) @PlainText(multiline = true) String description,
			@Size(max = 64) String owner, @Happened @DateTimeFormat(iso = ISO.DATE) LocalDate doneOn) {

		static RemediationForm empty() {
			return new RemediationForm(null, null, null, null);
		}

		RecordRemediation toCommand() {
			return new RecordRemediation(this.kind, this.description, this.owner, this.doneOn);
		}

	}

	/**
	 * A repair in progress marked done. The page has one such form per repair in progress; the
	 * one sent is named by the address, and the page shows its errors beside that repair.
	 */
	public record CompletionForm(@Happened @DateTimeFormat(iso = ISO.DATE) LocalDate doneOn) {

		static CompletionForm none() {
			return new CompletionForm(null);
		}

	}

	/** Help asked from outside (a vendor, IPA, the police, a forensics company). */
	public record HelpForm(@Size(max = 200) @PlainText String helper, @Happened @DateTimeFormat(iso = ISO.DATE) LocalDate askedOn,
			@Size(max = LONG) @PlainText(multiline = true) String request,
			@Size(max = LONG) @PlainText(multiline = true) String advice) {

		static HelpForm askedOn(LocalDate today) {
			return new HelpForm(null, today, null, null);
		}

		AskForHelp toCommand() {
			return new AskForHelp(this.helper, this.askedOn, this.request, this.advice);
		}

	}

	/** A report made to the executive during the response. */
	public record ExecutiveReportForm(@Happened @DateTimeFormat(iso = ISO.DATE) LocalDate reportedOn,
			@Size(max = LONG) @PlainText(multiline = true) String summary) {

		static ExecutiveReportForm reportedOn(LocalDate today) {
			return new ExecutiveReportForm(today, null);
		}

		ReportToExecutive toCommand() {
			return new ReportToExecutive(this.reportedOn, this.summary);
		}

	}

	/** One of the company's own contacts, kept by the administrator. */
	public record ContactForm(Contact.Kind kind, @Size(max = 200) @PlainText String name,
			@Size(max = 50) @PlainText String phone, @Size(max = 500) @PlainText String note) {

		static ContactForm empty() {
			return new ContactForm(null, null, null, null);
		}

		AddContact toCommand() {
			return new AddContact(this.kind, this.name, this.phone, this.note);
		}

	}

}
