package jp.hikeshi.reporting.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.reporting.Announcement;
import jp.hikeshi.reporting.Answer;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.Facts;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.shared.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the reporting page. */
public final class ReportingForms {

	private ReportingForms() {
	}

	/** The facts that decide which reports are owed. */
	public static class FactsForm {

		@NotNull
		private Answer personalData = Answer.UNKNOWN;

		@Min(0)
		@Max(Facts.MAX_PEOPLE)
		private Integer peopleCount;

		private boolean sensitiveData;

		private boolean financialData;

		private boolean stronglyEncrypted;

		private boolean improperPurpose;

		private boolean virusOrUnauthorisedAccess;

		private boolean crimeSuspected;

		private boolean workForClient;

		private boolean clientInformed;

		private boolean euResidents;

		@Size(max = 1000)
		@PlainText(multiline = true)
		private String dataItems;

		@Size(max = 2000)
		@PlainText(multiline = true)
		private String secondaryDamage;

		private long version;

		static FactsForm of(ReportingCase reportingCase) {
			Facts facts = reportingCase.getFacts();
			FactsForm form = new FactsForm();
			form.personalData = facts.personalData();
			form.peopleCount = facts.peopleCount();
			form.sensitiveData = facts.sensitiveData();
			form.financialData = facts.financialData();
			form.stronglyEncrypted = facts.stronglyEncrypted();
			form.improperPurpose = facts.improperPurpose();
			form.virusOrUnauthorisedAccess = facts.virusOrUnauthorisedAccess();
			form.crimeSuspected = facts.crimeSuspected();
			form.workForClient = facts.workForClient();
			form.clientInformed = facts.clientInformed();
			form.euResidents = facts.euResidents();
			form.dataItems = reportingCase.getDataItems();
			form.secondaryDamage = reportingCase.getSecondaryDamage();
			form.version = reportingCase.getVersion();
			return form;
		}

		Facts facts() {
			return new Facts(this.personalData, this.peopleCount, this.sensitiveData, this.financialData,
					this.stronglyEncrypted, this.improperPurpose, this.virusOrUnauthorisedAccess, this.crimeSuspected,
					this.workForClient, this.clientInformed, this.euResidents);
		}

		public Answer getPersonalData() {
			return this.personalData;
		}

		public void setPersonalData(Answer personalData) {
			this.personalData = personalData;
		}

		public Integer getPeopleCount() {
			return this.peopleCount;
		}

		public void setPeopleCount(Integer peopleCount) {
			this.peopleCount = peopleCount;
		}

		public boolean isSensitiveData() {
			return this.sensitiveData;
		}

		public void setSensitiveData(boolean sensitiveData) {
			this.sensitiveData = sensitiveData;
		}

		public boolean isFinancialData() {
			return this.financialData;
		}

		public void setFinancialData(boolean financialData) {
			this.financialData = financialData;
		}

		public boolean isStronglyEncrypted() {
			return this.stronglyEncrypted;
		}

		public void setStronglyEncrypted(boolean stronglyEncrypted) {
			this.stronglyEncrypted = stronglyEncrypted;
		}

		public boolean isImproperPurpose() {
			return this.improperPurpose;
		}

		public void setImproperPurpose(boolean improperPurpose) {
			this.improperPurpose = improperPurpose;
		}

		public boolean isVirusOrUnauthorisedAccess() {
			return this.virusOrUnauthorisedAccess;
		}

		public void setVirusOrUnauthorisedAccess(boolean virusOrUnauthorisedAccess) {
			this.virusOrUnauthorisedAccess = virusOrUnauthorisedAccess;
		}

		public boolean isCrimeSuspected() {
			return this.crimeSuspected;
		}

		public void setCrimeSuspected(boolean crimeSuspected) {
			this.crimeSuspected = crimeSuspected;
		}

		public boolean isWorkForClient() {
			return this.workForClient;
		}

		public void setWorkForClient(boolean workForClient) {
			this.workForClient = workForClient;
		}

		public boolean isClientInformed() {
			return this.clientInformed;
		}

		public void setClientInformed(boolean clientInformed) {
			this.clientInformed = clientInformed;
		}

		public boolean isEuResidents() {
			return this.euResidents;
		}

		public void setEuResidents(boolean euResidents) {
			this.euResidents = euResidents;
		}

		public String getDataItems() {
			return this.dataItems;
		}

		public void setDataItems(String dataItems) {
			this.dataItems = dataItems;
		}

		public String getSecondaryDamage() {
			return this.secondaryDamage;
		}

		public void setSecondaryDamage(String secondaryDamage) {
			this.secondaryDamage = secondaryDamage;
		}

		public long getVersion() {
			return this.version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

	}

	/** A duty's filing, waiver, or change of state. */
	public static class DutyForm {

		private long version;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate filedOn;

		@Size(max = Duty.MAX_REFERENCE_LENGTH)
		@PlainText
		private String filingReference;

		@Size(max = 1000)
		@PlainText(multiline = true)
		private String reason;

		public long getVersion() {
			return this.version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

		public LocalDate getFiledOn() {
			return this.filedOn;
		}

		public void setFiledOn(LocalDate filedOn) {
			this.filedOn = filedOn;
		}

		public String getFilingReference() {
			return this.filingReference;
		}

		public void setFilingReference(String filingReference) {
			this.filingReference = filingReference;
		}

		public String getReason() {
			return this.reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

	/** A draft announcement, its approval or its publication. */
	public static class AnnouncementForm {

		private long version;

		private Announcement.Kind kind;

		@Size(max = 8000)
		@PlainText(multiline = true)
		private String draft;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate publishedOn;

		public long getVersion() {
			return this.version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

		public Announcement.Kind getKind() {
			return this.kind;
		}

		public void setKind(Announcement.Kind kind) {
			this.kind = kind;
		}

		public String getDraft() {
			return this.draft;
		}

		public void setDraft(String draft) {
			this.draft = draft;
		}

		public LocalDate getPublishedOn() {
			return this.publishedOn;
		}

		public void setPublishedOn(LocalDate publishedOn) {
			this.publishedOn = publishedOn;
		}

	}

	/** The inquiry desk (問い合わせ窓口). */
	public static class InquiryDeskForm {

		private long version;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate openedOn;

		@Size(max = 300)
		@PlainText(multiline = true)
		private String contact;

		@Min(0)
		@Max(10_000_000)
		private int inquiries;

		public long getVersion() {
			return this.version;
		}

		public void setVersion(long version) {
			this.version = version;
		}

		public LocalDate getOpenedOn() {
			return this.openedOn;
		}

		public void setOpenedOn(LocalDate openedOn) {
			this.openedOn = openedOn;
		}

		public String getContact() {
			return this.contact;
		}

		public void setContact(String contact) {
			this.contact = contact;
		}

		public int getInquiries() {
			return this.inquiries;
		}

		public void setInquiries(int inquiries) {
			this.inquiries = inquiries;
		}

	}

}
