package jp.hikeshi.reporting;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import jp.hikeshi.shared.BusinessRuleViolation;

/**
 * One set of personal data that leaked or may have (a customer list, the payroll file): what
 * it holds, whose it is, where it was, how many people, and whether it was protected. The
 * exemptions of the law attach here, not to the incident: encryption (規則7条1号括弧書) and a
 * contractor's notice to its client (法26条1項ただし書) free only the data set they concern.
 */
@Entity
@Table(name = "personal_data_set")
public class DataSet {

	public static final int MAX_DESCRIPTION = 200;

	public static final int MAX_ITEMS = 1000;

	public static final int MAX_MEDIUM = 200;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "case_id")
	private ReportingCase reportingCase;

	private String description;

	private String items;

	private String medium;

	@Enumerated(EnumType.STRING)
	private Owner whose;

	/** 要配慮個人情報. */
	private boolean sensitive;

	/** Data whose misuse may cause financial harm: card numbers, banking credentials. */
	private boolean financial;

	/** 特定個人情報: personal data with a マイナンバー (番号法). */
	private boolean myNumber;

	private Integer confirmedCount;

	/** The maximum possible number of people, which decides while the count is not fixed (GL 3-5-3-1(4)). */
	private Integer maximumCount;

	private boolean encrypted;

	private String encryptionMethod;

	@Enumerated(EnumType.STRING)
	private KeyState keyState;

	/** Captured before it was encrypted: skimming, a tampered input form. */
	private boolean capturedInClear;

	/** Made viewable by an unspecified number of people (published on the web, posted). */
	private boolean publiclyViewable;

	/** The register's system it was proposed from (台帳からの提案); {@code null} if the lead recorded it. */
	private Long proposedFromSystemId;

	private String confirmedBy;

	private Instant confirmedAt;

	protected DataSet() {
	}

	/** A data set the register proposes: it counts for the duties at once, until the lead confirms or removes it. */
	static DataSet proposed(ReportingCase reportingCase, long systemId, Details details) {
		DataSet dataSet = new DataSet(reportingCase, details);
		dataSet.proposedFromSystemId = systemId;
		return dataSet;
	}

	/** The lead confirms what the register proposed. */
	void confirm(String by, Instant now) {
		if (!isProposed()) {
			throw new BusinessRuleViolation("dataSet.notProposed");
		}
		this.confirmedBy = by;
		this.confirmedAt = now;
	}

	/** Proposed from the register and not yet confirmed by the lead. */
	public boolean isProposed() {
		return this.proposedFromSystemId != null && this.confirmedAt == null;
	}

	public Long getProposedFromSystemId() {
		return this.proposedFromSystemId;
	}

	public String getConfirmedBy() {
		return this.confirmedBy;
	}

	public Instant getConfirmedAt() {
		return this.confirmedAt;
	}

	DataSet(ReportingCase reportingCase, Details details) {
		this.reportingCase = reportingCase;
		apply(details);
	}

	/** Checks the details, then takes them; nothing changes when they are refused. */
	void apply(Details details) {
		details.requireValid();
		this.description = details.description().strip();
		this.items = blankToNull(details.items());
		this.medium = blankToNull(details.medium());
		this.whose = details.whose();
		this.sensitive = details.sensitive();
		this.financial = details.financial();
		this.myNumber = details.myNumber();
		this.confirmedCount = details.confirmedCount();
		this.maximumCount = details.maximumCount();
		this.encrypted = details.encrypted();
		this.encryptionMethod = details.encrypted() ? blankToNull(details.encryptionMethod()) : null;
		this.keyState = details.encrypted() ? details.keyState() : null;
		this.capturedInClear = details.capturedInClear();
		this.publiclyViewable = details.publiclyViewable();
	}

	Details details() {
		return new Details(this.description, this.items, this.medium, this.whose, this.sensitive, this.financial,
				this.myNumber, this.confirmedCount, this.maximumCount, this.encrypted, this.encryptionMethod,
				this.keyState, this.capturedInClear, this.publiclyViewable);
	}

	/** The number of people that decides: the maximum possible, else the confirmed count; {@code null} if neither is known. */
	public Integer peopleAtMost() {
		return (this.maximumCount != null) ? this.maximumCount : this.confirmedCount;
	}

	/** Strong encryption whose key did not leak, on data that was never captured in clear text. */
	public boolean encryptionExempt() {
		return this.encrypted && this.keyState == KeyState.SAFE && !this.capturedInClear;
	}

	public boolean handledForClient() {
		return this.whose == Owner.CLIENT;
	}

	/**
	 * Whether the company reports this data itself: not when strongly encrypted with a safe key
	 * (規則7条1号括弧書), nor a client's data the client was told about (法26条1項ただし書).
	 */
	public boolean reportedByTheCompany(Facts facts) {
		return !encryptionExempt() && !(handledForClient() && facts.clientInformed());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public Long getId() {
		return this.id;
	}

	public String getDescription() {
		return this.description;
	}

	public String getItems() {
		return this.items;
	}

	public String getMedium() {
		return this.medium;
	}

	public Owner getWhose() {
		return this.whose;
	}

	public boolean isSensitive() {
		return this.sensitive;
	}

	public boolean isFinancial() {
		return this.financial;
	}

	public boolean isMyNumber() {
		return this.myNumber;
	}

	public Integer getConfirmedCount() {
		return this.confirmedCount;
	}

	public Integer getMaximumCount() {
		return this.maximumCount;
	}

	public boolean isEncrypted() {
		return this.encrypted;
	}

	public String getEncryptionMethod() {
		return this.encryptionMethod;
	}

	public KeyState getKeyState() {
		return this.keyState;
	}

	public boolean isCapturedInClear() {
		return this.capturedInClear;
	}

	public boolean isPubliclyViewable() {
		return this.publiclyViewable;
	}

	/** Whose data it is: the company's customers, its employees, or a client's (委託元), handled for it. */
	public enum Owner {

		CUSTOMERS, EMPLOYEES, CLIENT, OTHER

	}

	/** Whether the key of encrypted data is safe. */
	public enum KeyState {

		SAFE, LEAKED, UNKNOWN

	}

	/** What the lead records about a data set. */
	public record Details(String description, String items, String medium, Owner whose, boolean sensitive,
			boolean financial, boolean myNumber, Integer confirmedCount, Integer maximumCount, boolean encrypted,
			String encryptionMethod, KeyState keyState, boolean capturedInClear, boolean publiclyViewable) {

		public Details {
			whose = (whose == null) ? Owner.CUSTOMERS : whose;
			keyState = (encrypted && keyState == null) ? KeyState.UNKNOWN : keyState;
		}

		/** Refuses what cannot be true, on the field to correct. */
		void requireValid() {
			if (this.description == null || this.description.isBlank()) {
				throw BusinessRuleViolation.onField("description", "dataSet.descriptionRequired");
			}
			requireCount("confirmedCount", this.confirmedCount);
			requireCount("maximumCount", this.maximumCount);
			if (this.confirmedCount != null && this.maximumCount != null && this.maximumCount < this.confirmedCount) {
				throw BusinessRuleViolation.onField("maximumCount", "dataSet.maximumBelowConfirmed",
						this.confirmedCount);
			}
			if (this.encrypted && this.capturedInClear) {
				throw BusinessRuleViolation.onField("encrypted", "dataSet.encryptedButCapturedInClear");
			}
		}

		private static void requireCount(String field, Integer count) {
			if (count != null && (count < 0 || count > Facts.MAX_PEOPLE)) {
				throw BusinessRuleViolation.onField(field, "facts.peopleCountAbsurd", 0, Facts.MAX_PEOPLE);
			}
		}

	}

}
