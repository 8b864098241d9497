package jp.hikeshi.reporting.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.reporting.Announcement;
import jp.hikeshi.reporting.CausedBy;
import jp.hikeshi.reporting.DataSet;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.Facts;
import jp.hikeshi.reporting.GdprExemption;
import jp.hikeshi.reporting.GdprRisk;
import jp.hikeshi.reporting.LeakStatus;
import jp.hikeshi.reporting.FilingTexts;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.shared.Happened;
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
	 * The facts of the incident as a whole that decide which reports are owed. The yes/no
	 * answers are checkboxes: one left unticked is not sent at all, which binds as {@code null}
	 * and reads as "no".
	 */
	public record FactsForm(long version, @NotNull LeakStatus leak,
			@Size(max = Facts.MAX_REASON) @PlainText(multiline = true) String leakRuledOutReason,
			Boolean improperPurpose,
			@Size(max = Facts.MAX_REASON) @PlainText(multiline = true) String improperPurposeReason,
			Boolean virusOrUnauthorisedAccess, Boolean crimeSuspected, Boolean clientInformed, Boolean telecomSecrecy,
			Boolean gdprEstablishment, Boolean gdprOffering, Boolean gdprMonitoring, Boolean euDataSubjects,
			@Size(max = 300) @PlainText String gdprMemberStates, GdprRisk gdprRisk, GdprExemption gdprExemption,
			@Size(max = 2000) @PlainText(multiline = true) String cause, CausedBy causedBy,
			@Size(max = 2000) @PlainText(multiline = true) String secondaryDamage,
			@Size(max = ReportingCase.MAX_PUBLIC_TITLE) @PlainText String publicTitle) {

		public FactsForm {
			improperPurpose = Boolean.TRUE.equals(improperPurpose);
			virusOrUnauthorisedAccess = Boolean.TRUE.equals(virusOrUnauthorisedAccess);
			crimeSuspected = Boolean.TRUE.equals(crimeSuspected);
			clientInformed = Boolean.TRUE.equals(clientInformed);
			telecomSecrecy = Boolean.TRUE.equals(telecomSecrecy);
			gdprEstablishment = Boolean.TRUE.equals(gdprEstablishment);
			gdprOffering = Boolean.TRUE.equals(gdprOffering);
			gdprMonitoring = Boolean.TRUE.equals(gdprMonitoring);
			euDataSubjects = Boolean.TRUE.equals(euDataSubjects);
		}

		static FactsForm of(ReportingCase reportingCase) {
			Facts f = reportingCase.getFacts();
			return new FactsForm(reportingCase.getVersion(), f.leak(), f.leakRuledOutReason(), f.improperPurpose(),
					f.improperPurposeReason(), f.virusOrUnauthorisedAccess(), f.crimeSuspected(), f.clientInformed(),
					f.telecomSecrecy(), f.gdprEstablishment(), f.gdprOffering(), f.gdprMonitoring(),
					f.euDataSubjects(), f.gdprMemberStates(), f.gdprRisk(), f.gdprExemption(), f.cause(),
					f.causedBy(), reportingCase.getSecondaryDamage(), reportingCase.getPublicTitle());
		}

		Facts facts() {
			return new Facts(this.leak, this.leakRuledOutReason, this.improperPurpose, this.improperPurposeReason,
					this.virusOrUnauthorisedAccess, this.crimeSuspected, this.clientInformed, this.telecomSecrecy,
					this.gdprEstablishment, this.gdprOffering, this.gdprMonitoring, this.euDataSubjects,
					this.gdprMemberStates, this.gdprRisk, this.gdprExemption, this.cause, this.causedBy);
		}

	}

	/** One set of personal data that leaked or may have. Counts are text fields that bind to numbers. */
	public record DataSetForm(long version,
			@Size(max = DataSet.MAX_DESCRIPTION) @PlainText String description,
			@Size(max = DataSet.MAX_ITEMS) @PlainText(multiline = true) String items,
			@Size(max = DataSet.MAX_MEDIUM) @PlainText String medium, @NotNull DataSet.Owner whose, Boolean sensitive,
			Boolean financial, Boolean myNumber, Integer confirmedCount, Integer maximumCount, Boolean encrypted,
			@Size(max = 200) @PlainText String encryptionMethod, DataSet.KeyState keyState, Boolean capturedInClear,
			Boolean publiclyViewable) {

		static DataSetForm empty(long version) {
			return new DataSetForm(version, null, null, null, DataSet.Owner.CUSTOMERS, false, false, false, null, null,
					false, null, null, false, false);
		}

		static DataSetForm of(long version, DataSet dataSet) {
			return new DataSetForm(version, dataSet.getDescription(), dataSet.getItems(), dataSet.getMedium(),
					dataSet.getWhose(), dataSet.isSensitive(), dataSet.isFinancial(), dataSet.isMyNumber(),
					dataSet.getConfirmedCount(), dataSet.getMaximumCount(), dataSet.isEncrypted(),
					dataSet.getEncryptionMethod(), dataSet.getKeyState(), dataSet.isCapturedInClear(),
					dataSet.isPubliclyViewable());
		}

		DataSet.Details details() {
			return new DataSet.Details(this.description, this.items, this.medium, this.whose, yes(this.sensitive),
					yes(this.financial), yes(this.myNumber), this.confirmedCount, this.maximumCount,
					yes(this.encrypted), this.encryptionMethod, this.keyState, yes(this.capturedInClear),
					yes(this.publiclyViewable));
		}

		private static boolean yes(Boolean ticked) {
			return Boolean.TRUE.equals(ticked);
		}

	}

	/**
	 * A report filed: the day and the authority's reference. Several duties each have this
	 * form on the page; the one refused is shown with its errors, the others empty.
	 */
	public record FileForm(long version, @Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedOn,
			@Size(max = Duty.MAX_REFERENCE_LENGTH) @PlainText String filingReference,
			@Size(max = 1000) @PlainText(multiline = true) String lateReason, Duty.NoticeOutcome outcome,
			Duty.AlternativeMeasure alternative) {

		static final FileForm EMPTY = new FileForm(0, null, null, null, null, null);

		ReportingCase.Filing filing() {
			return new ReportingCase.Filing(this.filedOn, this.filingReference, this.lateReason, this.outcome,
					this.alternative);
		}

	}

	/** A supplementary report (追完) to one filed: the day, the filing's reference, and why (required). */
	public record SupplementForm(long version, @Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedOn,
			@Size(max = Duty.MAX_REFERENCE_LENGTH) @PlainText String filingReference,
			@Size(max = 1000) @PlainText(multiline = true) String reason) {

		static final SupplementForm EMPTY = new SupplementForm(0, null, null, null);

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
	public record PublishForm(long version, @Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publishedOn) {

		static PublishForm none(long version) {
			return new PublishForm(version, null);
		}

	}

	/** A button on its own: approve, mark not yet due, reopen. */
	public record VersionForm(long version) {
	}

	/** The inquiry desk (問い合わせ窓口). */
	public record InquiryDeskForm(long version, @Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
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
