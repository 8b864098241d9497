package jp.hikeshi.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.reporting.CausedBy;
import jp.hikeshi.reporting.DataSet;
import jp.hikeshi.reporting.Facts;
import jp.hikeshi.reporting.GdprExemption;
import jp.hikeshi.reporting.GdprRisk;
import jp.hikeshi.reporting.LeakStatus;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.shared.PlainText;

/**
 * Step 2's facts as the API reads and writes them (GET and PUT take the same body): the answers
 * about the incident as a whole, and each set of personal data that leaked or may have. Only the
 * names differ from the model's ({@link Facts}, {@link DataSet}); every rule stays there. A yes/no
 * left out of a PUT reads as "no", as an unticked box does on the page.
 */
@Schema(name = "Facts", description = "Step 2's facts: they decide which reports are owed.")
record FactsBody(
		@Schema(description = "Whether personal data leaked, was lost or damaged (発生した / 発生したおそれがある / おそれはない / 未判断). Left out: UNKNOWN.")
		FactsPersonalData personalData,
		@Schema(description = "Why a feared leak was ruled out: required with RULED_OUT.")
		@Size(max = Facts.MAX_REASON) @PlainText(multiline = true) String ruledOutReason,
		@Schema(description = "The sets of personal data concerned. A PUT replaces them all: a set with an id is changed, one without is added, one left out is removed.")
		@Valid @Size(max = 100) List<@NotNull @Valid FactsDataSet> dataSets,
		@Schema(description = "不正の目的のおそれ: unauthorised access, insider theft, skimming, a tampered form.")
		Boolean improperPurpose,
		@Schema(description = "Why a possible improper purpose or a suspected crime that the incident's categories suggest was ruled out.")
		@Size(max = Facts.MAX_REASON) @PlainText(multiline = true) String improperPurposeReason,
		Boolean crimeSuspected, Boolean virusOrUnauthorisedAccess,
		@Schema(description = "Derived: some data set is a client's (whose = CLIENT). On a PUT it may be left out; given, it must agree with the data sets.")
		Boolean workForClient,
		@Schema(description = "The company, as a contractor, has told its client what it knows (規則9条).")
		Boolean clientInformed,
		@Schema(description = "A telecommunications carrier's breach of the secrecy of communications.")
		Boolean telecomSecrecy,
		@Valid FactsGdpr gdpr,
		@Schema(description = "原因, as the report to the PPC and the notice to the people state it.")
		@Size(max = 2000) @PlainText(multiline = true) String cause,
		CausedBy causedBy,
		@Schema(description = "二次被害又はそのおそれの有無及びその内容.")
		@Size(max = 2000) @PlainText(multiline = true) String secondaryDamage,
		@Schema(description = "The version of the facts and reports (it moves with every change to them, a filing too). On a PUT: optional; given and no longer current, the answer is 409.")
		Long version) {

	/** The facts of a case as they stand. */
	static FactsBody of(ReportingCase reportingCase) {
		Facts facts = reportingCase.getFacts();
		List<FactsDataSet> sets = reportingCase.getDataSets().stream().map(FactsDataSet::of).toList();
		return new FactsBody(FactsPersonalData.of(facts.leak()), facts.leakRuledOutReason(), sets,
				facts.improperPurpose(), facts.improperPurposeReason(), facts.crimeSuspected(),
				facts.virusOrUnauthorisedAccess(), reportingCase.getDataSets().stream().anyMatch(DataSet::handledForClient),
				facts.clientInformed(), facts.telecomSecrecy(), FactsGdpr.of(facts), facts.cause(), facts.causedBy(),
				reportingCase.getSecondaryDamage(), reportingCase.getVersion());
	}

	/** The model's facts these say; the GDPR's grounds as {@link FactsGdpr#grounds()} reads them. */
	Facts facts() {
		FactsGdpr eu = (this.gdpr == null) ? FactsGdpr.NONE : this.gdpr;
		boolean[] grounds = eu.grounds();
		return new Facts(FactsPersonalData.leak(this.personalData), this.ruledOutReason, yes(this.improperPurpose),
				this.improperPurposeReason, yes(this.virusOrUnauthorisedAccess), yes(this.crimeSuspected),
				yes(this.clientInformed), yes(this.telecomSecrecy), grounds[0], grounds[1], grounds[2], grounds[3],
				eu.memberStatesText(), FactsGdprRisk.risk(eu.risk()), eu.exemption(), this.cause, this.causedBy);
	}

	List<FactsDataSet> sets() {
		return (this.dataSets == null) ? List.of() : this.dataSets;
	}

	static boolean yes(Boolean answer) {
		return Boolean.TRUE.equals(answer);
	}

	/** 個人データの漏えい等が発生したか. */
	enum FactsPersonalData {

		OCCURRED, FEARED, RULED_OUT, UNKNOWN;

		static FactsPersonalData of(LeakStatus leak) {
			return switch (leak) {
				case OCCURRED -> OCCURRED;
				case FEARED -> FEARED;
				case RULED_OUT -> RULED_OUT;
				case UNASSESSED -> UNKNOWN;
			};
		}

		static LeakStatus leak(FactsPersonalData answer) {
			return (answer == null) ? LeakStatus.UNASSESSED : switch (answer) {
				case OCCURRED -> LeakStatus.OCCURRED;
				case FEARED -> LeakStatus.FEARED;
				case RULED_OUT -> LeakStatus.RULED_OUT;
				case UNKNOWN -> LeakStatus.UNASSESSED;
			};
		}

	}

	/** What a data set holds; ORDINARY is none of the others. */
	enum FactsDataKind {

		SENSITIVE, FINANCIAL, MY_NUMBER, ORDINARY

	}

	/** Whether the data itself was protected by strong encryption, and its key. */
	enum FactsEncryption {

		NONE, STRONG_KEY_SAFE, STRONG_KEY_LEAKED, STRONG_KEY_UNKNOWN;

		static FactsEncryption of(DataSet set) {
			if (!set.isEncrypted()) {
				return NONE;
			}
			return switch (set.getKeyState()) {
				case SAFE -> STRONG_KEY_SAFE;
				case LEAKED -> STRONG_KEY_LEAKED;
				case UNKNOWN -> STRONG_KEY_UNKNOWN;
			};
		}

		DataSet.KeyState keyState() {
			return switch (this) {
				case NONE -> null;
				case STRONG_KEY_SAFE -> DataSet.KeyState.SAFE;
				case STRONG_KEY_LEAKED -> DataSet.KeyState.LEAKED;
				case STRONG_KEY_UNKNOWN -> DataSet.KeyState.UNKNOWN;
			};
		}

	}

	/** GDPR's assessment: NONE is "unlikely to result in a risk" (no notice owed). */
	enum FactsGdprRisk {

		NONE, RISK, HIGH_RISK, UNASSESSED;

		static FactsGdprRisk of(GdprRisk risk) {
			return switch (risk) {
				case UNLIKELY -> NONE;
				case RISK -> RISK;
				case HIGH_RISK -> HIGH_RISK;
				case UNASSESSED -> UNASSESSED;
			};
		}

		static GdprRisk risk(FactsGdprRisk risk) {
			return (risk == null) ? GdprRisk.UNASSESSED : switch (risk) {
				case NONE -> GdprRisk.UNLIKELY;
				case RISK -> GdprRisk.RISK;
				case HIGH_RISK -> GdprRisk.HIGH_RISK;
				case UNASSESSED -> GdprRisk.UNASSESSED;
			};
		}

	}

	/** One set of personal data. */
	@Schema(description = "One set of personal data that leaked or may have (a customer list, the payroll file).")
	record FactsDataSet(
			@Schema(description = "The data set's id; leave it out for a new one.") Long id,
			@Schema(description = "Its name. Left out: made from its kinds and whose it is, in Japanese (the company's record language).")
			@Size(max = DataSet.MAX_DESCRIPTION) @PlainText String description,
			@Schema(description = "ORDINARY is none of the other kinds; left out or empty: ORDINARY.")
			@Size(max = 4) List<@NotNull FactsDataKind> kinds,
			@NotNull DataSet.Owner whose,
			@Schema(description = "The number of people confirmed so far.") Integer peopleConfirmed,
			@Schema(description = "The maximum possible number of people, which decides while the count is not fixed.") Integer peopleMaximum,
			@Schema(description = "Left out: NONE.") FactsEncryption encryption,
			@Schema(description = "Captured in clear text before it was encrypted (skimming, a tampered input form).") Boolean capturedInClear,
			@Schema(description = "The data items: name, address, card number …")
			@Size(max = DataSet.MAX_ITEMS) @PlainText(multiline = true) String items,
			@Schema(description = "Where it was: a server, a laptop, paper files.")
			@Size(max = DataSet.MAX_MEDIUM) @PlainText String medium,
			@Schema(description = "Made viewable by an unspecified number of people.") Boolean publiclyViewable,
			@Size(max = 200) @PlainText String encryptionMethod,
			@Schema(description = "Proposed from the register (台帳からの提案) and not yet confirmed by the lead; it counts for the reports owed. Read-only.",
					accessMode = Schema.AccessMode.READ_ONLY) Boolean proposed,
			@Schema(description = "The register's system it was proposed from, if it was. Read-only.",
					accessMode = Schema.AccessMode.READ_ONLY) Long fromSystemId) {

		static FactsDataSet of(DataSet set) {
			List<FactsDataKind> kinds = new ArrayList<>();
			if (set.isSensitive()) {
				kinds.add(FactsDataKind.SENSITIVE);
			}
			if (set.isFinancial()) {
				kinds.add(FactsDataKind.FINANCIAL);
			}
			if (set.isMyNumber()) {
				kinds.add(FactsDataKind.MY_NUMBER);
			}
			if (kinds.isEmpty()) {
				kinds.add(FactsDataKind.ORDINARY);
			}
			return new FactsDataSet(set.getId(), set.getDescription(), kinds, set.getWhose(),
					set.getConfirmedCount(), set.getMaximumCount(), FactsEncryption.of(set), set.isCapturedInClear(),
					set.getItems(), set.getMedium(), set.isPubliclyViewable(), set.getEncryptionMethod(), set.isProposed(),
					set.getProposedFromSystemId());
		}

		/** The kinds named, ORDINARY left out (it is the absence of the others). */
		Set<FactsDataKind> specialKinds() {
			Set<FactsDataKind> special = EnumSet.noneOf(FactsDataKind.class);
			if (this.kinds != null) {
				special.addAll(this.kinds);
			}
			special.remove(FactsDataKind.ORDINARY);
			return special;
		}

		boolean ordinaryWithOthers() {
			return this.kinds != null && this.kinds.contains(FactsDataKind.ORDINARY) && !specialKinds().isEmpty();
		}

		/** The model's details, named {@code description} (this one's, or one made for it). */
		ReportingCase.DataSetChange change(String description) {
			Set<FactsDataKind> special = specialKinds();
			FactsEncryption protection = (this.encryption == null) ? FactsEncryption.NONE : this.encryption;
			boolean encrypted = protection != FactsEncryption.NONE;
			return new ReportingCase.DataSetChange(this.id,
					new DataSet.Details(description, this.items, this.medium, this.whose,
							special.contains(FactsDataKind.SENSITIVE), special.contains(FactsDataKind.FINANCIAL),
							special.contains(FactsDataKind.MY_NUMBER), this.peopleConfirmed, this.peopleMaximum,
							encrypted, this.encryptionMethod, protection.keyState(), yes(this.capturedInClear),
							yes(this.publiclyViewable)));
		}

	}

	/**
	 * GDPR (Art. 3, 33, 34). {@code applies} follows from the grounds; given alone as {@code true}
	 * it records the commonest ground: people in the EU whose data is concerned, to whom the
	 * company offers goods or services.
	 */
	@Schema(description = """
			GDPR. `applies` follows from the grounds (an EU establishment; or EU data subjects whom the company \
			offers goods or services to or monitors). Sent as `true` without any ground, it records the commonest: \
			EU data subjects to whom the company offers goods or services (offersToEu and euDataSubjects). \
			Sent with grounds, it must agree with them.""")
	record FactsGdpr(Boolean applies,
			@Schema(description = "The member states whose residents are affected: required when GDPR applies.")
			@Size(max = 30) List<@NotNull @Size(max = 60) String> memberStates,
			@Schema(description = "Left out: UNASSESSED.") FactsGdprRisk risk,
			@Schema(description = "Art. 34(3): why the people need not be told one by one. Left out: NONE.")
			GdprExemption exemption,
			@Schema(description = "Art. 3(1): an establishment in the EU.") Boolean establishment,
			@Schema(description = "Art. 3(2)(a): goods or services offered to people in the EU.") Boolean offersToEu,
			@Schema(description = "Art. 3(2)(b): the behaviour of people in the EU monitored.") Boolean monitorsEu,
			@Schema(description = "Data of people in the EU is among what leaked or may have.") Boolean euDataSubjects) {

		static final FactsGdpr NONE = new FactsGdpr(null, null, null, null, null, null, null, null);

		static FactsGdpr of(Facts facts) {
			return new FactsGdpr(facts.gdprApplies(), memberStates(facts.gdprMemberStates()),
					FactsGdprRisk.of(facts.gdprRisk()), facts.gdprExemption(), facts.gdprEstablishment(),
					facts.gdprOffering(), facts.gdprMonitoring(), facts.euDataSubjects());
		}

		boolean groundsGiven() {
			return this.establishment != null || this.offersToEu != null || this.monitorsEu != null
					|| this.euDataSubjects != null;
		}

		/** Establishment, offering, monitoring, EU data subjects: as given, or the commonest where only {@code applies} is. */
		boolean[] grounds() {
			if (!groundsGiven() && yes(this.applies)) {
				return new boolean[] { false, true, false, true };
			}
			return new boolean[] { yes(this.establishment), yes(this.offersToEu), yes(this.monitorsEu),
					yes(this.euDataSubjects) };
		}

		String memberStatesText() {
			return (this.memberStates == null) ? null
					: String.join(", ", this.memberStates.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
		}

		/** The member states as the page records them: one text, separated by commas. */
		static List<String> memberStates(String text) {
			return (text == null) ? List.of()
					: Arrays.stream(text.split("[,、，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}

	}

}
