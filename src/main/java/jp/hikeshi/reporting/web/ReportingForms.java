package jp.hikeshi.reporting.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.reporting.Announcement;
import jp.hikeshi.reporting.Answer;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.Facts;
import jp.hikeshi.reporting.FilingTexts;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.shared.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of the reporting pages. Each is bound through its constructor; {@code version}
 * is the case's version the page was rendered with. Ranges and contradictions are the
 * domain's to refuse (on the field they concern), so the forms only check form and length.
 */
public final class ReportingForms {

	private ReportingForms() {
	}

	/**
	 * The facts that decide which reports are owed. The yes/no answers are checkboxes: one left
	 * unticked is not sent at all, which binds as {@code null} and reads as "no".
	 */
	public record FactsForm(long version, @NotNull Answer personalData, Integer peopleCount, Boolean sensitiveData,
			Boolean financialData, Boolean stronglyEncrypted, Boolean improperPurpose,
			Boolean virusOrUnauthorisedAccess, Boolean crimeSuspected, Boolean workForClient, Boolean clientInformed,
			Boolean euResidents, @Size(max = 1000) @PlainText(multiline = true) String dataItems,
			@Size(max = 2000) @PlainText(multiline = true) String secondaryDamage) {

		public FactsForm {
			sensitiveData = Boolean.TRUE.equals(sensitiveData);
			financialData = Boolean.TRUE.equals(financialData);
			stronglyEncrypted = Boolean.TRUE.equals(stronglyEncrypted);
			improperPurpose = Boolean.TRUE.equals(improperPurpose);
			virusOrUnauthorisedAccess = Boolean.TRUE.equals(virusOrUnauthorisedAccess);
			crimeSuspected = Boolean.TRUE.equals(crimeSuspected);
			workForClient = Boolean.TRUE.equals(workForClient);
			clientInformed = Boolean.TRUE.equals(clientInformed);
			euResidents = Boolean.TRUE.equals(euResidents);
		}

		static FactsForm of(ReportingCase reportingCase) {
			Facts facts = reportingCase.getFacts();
			return new FactsForm(reportingCase.getVersion(), facts.personalData(), facts.peopleCount(),
					facts.sensitiveData(), facts.financialData(), facts.stronglyEncrypted(), facts.improperPurpose(),
					facts.virusOrUnauthorisedAccess(), facts.crimeSuspected(), facts.workForClient(),
					facts.clientInformed(), facts.euResidents(), reportingCase.getDataItems(),
					reportingCase.getSecondaryDamage());
		}

		Facts facts() {
			return new Facts(this.personalData, this.peopleCount, this.sensitiveData, this.financialData,
					this.stronglyEncrypted, this.improperPurpose, this.virusOrUnauthorisedAccess, this.crimeSuspected,
					this.workForClient, this.clientInformed, this.euResidents);
		}

	}

	/**
	 * A report filed: the day and the authority's reference. Several duties each have this
	 * form on the page; the one refused is shown with its errors, the others empty.
	 */
	public record FileForm(long version, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedOn,
			@Size(max = Duty.MAX_REFERENCE_LENGTH) @PlainText String filingReference) {

		static final FileForm EMPTY = new FileForm(0, null, null);

	}

	/** The decision not to file a report, with its reason. */
	public record WaiveForm(long version, @Size(max = 1000) @PlainText(multiline = true) String reason) {

		static final WaiveForm EMPTY = new WaiveForm(0, null);

	}

	/** A draft announcement, started from one of the prepared texts. */
	public record DraftForm(long version, Announcement.Kind kind,
			@Size(max = 8000) @PlainText(multiline = true) String draft) {

		/** The prepared text the draft started from, whose page holds this form. */
		FilingTexts.Kind textKind() {
			return switch (this.kind) {
				case FIRST -> FilingTexts.Kind.ANNOUNCEMENT_FIRST;
				case FOLLOW_UP -> FilingTexts.Kind.ANNOUNCEMENT_FOLLOW_UP;
				case FINAL -> FilingTexts.Kind.ANNOUNCEMENT_FINAL;
			};
		}

	}

	/**
	 * The publication of an approved announcement: a button with its date. Every approved
	 * announcement has one; the one sent is named by the address, and the page shows its errors
	 * beside that announcement's date.
	 */
	public record PublishForm(long version, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn) {

		static PublishForm none(long version) {
			return new PublishForm(version, null);
		}

	}

	/** A button on its own: approve, mark not yet due, reopen. */
	public record VersionForm(long version) {
	}

	/** The inquiry desk (問い合わせ窓口). */
	public record InquiryDeskForm(long version, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
			@Size(max = 300) @PlainText(multiline = true) String contact, Integer inquiries) {

		static InquiryDeskForm of(ReportingCase reportingCase) {
			return new InquiryDeskForm(reportingCase.getVersion(), reportingCase.getInquiryDeskOpenedOn(),
					reportingCase.getInquiryDeskContact(), reportingCase.getInquiryCount());
		}

		/** An empty count is none so far. */
		int inquiriesSoFar() {
			return (this.inquiries == null) ? 0 : this.inquiries;
		}

	}

}
