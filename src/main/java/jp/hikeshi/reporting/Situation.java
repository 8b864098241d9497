package jp.hikeshi.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.organisation.Industry;

import static jp.hikeshi.reporting.Verdict.Status.APPLIES;
import static jp.hikeshi.reporting.Verdict.Status.PROVISIONAL;

/**
 * Everything the rules of DOMAIN.md §4 look at, for one incident at one moment, and the rules
 * themselves, one method per duty, as the law words them. Reason codes are message keys
 * ({@code duty.reason.*}) the pages and texts show.
 * @param categories the incident's kinds (ransomware that also leaked data has two)
 * @param leakKind how information leaked, as IPA divides it, or {@code null}
 * @param knewAt 発覚: when the company knew (any department, or told by its vendor)
 * @param overThousandSince when the maximum count of people first passed 1,000, or {@code null}
 * @param overHundredMyNumberSince when the count of people with a マイナンバー first passed 100, or {@code null}
 */
public record Situation(Facts facts, List<DataSet> dataSets, Set<Category> categories, LeakKind leakKind,
		Industry industry, Instant knewAt, Instant overThousandSince, Instant overHundredMyNumberSince) {

	/** 規則7条: the PPC's 速報. */
	Verdict ppcPreliminary() {
		return delegated(ppc(DutyType.PPC_PRELIMINARY, DeadlineRule.DAYS_3_TO_5, List.of()));
	}

	/** 規則8条2項: the 確報, 30 days, 60 where ground (3) applies, also with others. */
	Verdict ppcFinal() {
		List<String> grounds = ppcGrounds();
		boolean sixty = grounds.contains("duty.reason.improperPurpose")
				|| (grounds.isEmpty() && this.facts.improperPurpose());
		return delegated(ppc(DutyType.PPC_FINAL, sixty ? DeadlineRule.DAYS_60 : DeadlineRule.DAYS_30,
				List.of(sixty ? "duty.reason.final60" : "duty.reason.final30")));
	}

	/**
	 * 法150条1項: for the financial sector the PPC delegated its powers to 金融庁, so the report
	 * goes there (別記様式第一 through 財務局).
	 */
	private Verdict delegated(Verdict verdict) {
		if (verdict.status() == Verdict.Status.NONE || this.industry != Industry.FINANCE_INSURANCE) {
			return verdict;
		}
		List<String> reasons = new ArrayList<>(verdict.reasons());
		reasons.add("duty.reason.delegatedFinance");
		return new Verdict(verdict.type(), verdict.status(), reasons, verdict.deadline(), verdict.clockFrom());
	}

	/**
	 * 法26条2項, 番号法29条の4第2項: the people are told in the same cases, promptly — or, where
	 * they cannot be reached, by an alternative measure (公表, an inquiry desk).
	 */
	Verdict personNotice() {
		Verdict ppc = ppc(DutyType.PPC_PRELIMINARY, DeadlineRule.DAYS_3_TO_5, List.of());
		Verdict myNumber = myNumberPreliminary();
		Verdict decisive = (ppc.status() == APPLIES || myNumber.status() == APPLIES)
				? (ppc.status() == APPLIES ? ppc : myNumber)
				: (ppc.status() == PROVISIONAL ? ppc : myNumber);
		if (decisive.status() == Verdict.Status.NONE) {
			return Verdict.none(DutyType.PERSON_NOTICE);
		}
		List<String> reasons = new ArrayList<>(decisive.reasons());
		reasons.add("duty.reason.personNotice");
		return new Verdict(DutyType.PERSON_NOTICE, decisive.status(), reasons, DeadlineRule.PROMPTLY,
				decisive.clockFrom());
	}

	/** 番号法 第29条の4, 同規則2条: 特定個人情報 with an improper purpose, made public, or of more than 100 people. */
	Verdict myNumberPreliminary() {
		return myNumber(DutyType.MYNUMBER_PRELIMINARY, DeadlineRule.DAYS_3_TO_5, List.of());
	}

	Verdict myNumberFinal() {
		List<String> grounds = myNumberGrounds();
		boolean sixty = grounds.contains("duty.reason.myNumberImproper")
				|| (grounds.isEmpty() && this.facts.improperPurpose());
		return myNumber(DutyType.MYNUMBER_FINAL, sixty ? DeadlineRule.DAYS_60 : DeadlineRule.DAYS_30,
				List.of(sixty ? "duty.reason.final60" : "duty.reason.final30"));
	}

	/**
	 * 規則9条: a contractor (委託先) tells its client (委託元) the items it knows, 概ね3〜5日 — which
	 * frees it from its own report for that client's data only.
	 */
	Verdict client() {
		if (this.facts.leak() == LeakStatus.RULED_OUT || this.dataSets.stream().noneMatch(DataSet::handledForClient)) {
			return Verdict.none(DutyType.CLIENT);
		}
		return new Verdict(DutyType.CLIENT, this.facts.leak().possible() ? APPLIES : PROVISIONAL,
				List.of("duty.reason.client"), DeadlineRule.DAYS_3_TO_5, this.knewAt);
	}

	/** IPA's 届出 of a virus infection or unauthorised access: asked for by a government notice, no deadline. */
	Verdict ipa() {
		boolean intrusion = this.facts.virusOrUnauthorisedAccess()
				|| this.categories.contains(Category.VIRUS_RANSOMWARE)
				|| this.categories.contains(Category.UNAUTHORISED_ACCESS);
		return intrusion ? applies(DutyType.IPA, List.of("duty.reason.virusOrAccess"), DeadlineRule.NONE)
				: Verdict.none(DutyType.IPA);
	}

	/**
	 * The police, promptly: a leak that may come from unauthorised access or an insider, extortion,
	 * a fraudulent transfer, a suspected crime; a stolen or lost device at the local station.
	 */
	Verdict police() {
		List<String> reasons = new ArrayList<>();
		// ransomware with a suspected crime is extortion (a ransom demanded); a plain virus is not
		boolean extortion = this.facts.crimeSuspected() && this.categories.contains(Category.VIRUS_RANSOMWARE);
		if (this.facts.crimeSuspected() && !extortion) {
			reasons.add("duty.reason.crime");
		}
		boolean criminalLeak = this.facts.improperPurpose() || (this.leakKind != null && this.leakKind.isCriminal())
				|| this.categories.contains(Category.UNAUTHORISED_ACCESS);
		if (this.facts.leak() != LeakStatus.RULED_OUT && this.facts.leak() != LeakStatus.UNASSESSED && criminalLeak) {
			reasons.add("duty.reason.leakByCrime");
		}
		if (extortion) {
			reasons.add("duty.reason.extortion");
		}
		if (this.categories.contains(Category.FRAUDULENT_TRANSFER)) {
			reasons.add("duty.reason.fraudulentTransfer");
		}
		if (this.categories.contains(Category.STOLEN_DEVICE) || this.leakKind == LeakKind.THEFT) {
			reasons.add("duty.reason.theft");
		}
		if (this.categories.contains(Category.LOST_DEVICE) || this.leakKind == LeakKind.LOSS) {
			reasons.add("duty.reason.loss");
		}
		return reasons.isEmpty() ? Verdict.none(DutyType.POLICE)
				: applies(DutyType.POLICE, reasons, DeadlineRule.PROMPTLY);
	}

	/**
	 * The supervising ministry, only where a rule of the company's sector applies: a financial
	 * firm reports any leak of customers' data to 金融庁・財務局 within 概ね3〜5日; a carrier reports
	 * a breach of the secrecy of communications to 総務省 without delay.
	 */
	Verdict ministry() {
		if (this.industry == Industry.FINANCE_INSURANCE && this.facts.leak() != LeakStatus.RULED_OUT
				&& this.dataSets.stream().anyMatch(set -> set.getWhose() == DataSet.Owner.CUSTOMERS)) {
			return new Verdict(DutyType.MINISTRY, this.facts.leak().possible() ? APPLIES : PROVISIONAL,
					List.of("duty.reason.ministryFinance"), DeadlineRule.DAYS_3_TO_5, this.knewAt);
		}
		if (telecomBreach()) {
			return applies(DutyType.MINISTRY, List.of("duty.reason.ministryTelecom"), DeadlineRule.PROMPTLY);
		}
		return Verdict.none(DutyType.MINISTRY);
	}

	/** 電気通信事業法施行規則57条: the carrier's detailed report, within 30 days. */
	Verdict ministryFinal() {
		return telecomBreach()
				? applies(DutyType.MINISTRY_FINAL, List.of("duty.reason.ministryTelecomFinal"), DeadlineRule.DAYS_30)
				: Verdict.none(DutyType.MINISTRY_FINAL);
	}

	private boolean telecomBreach() {
		return this.industry == Industry.INFORMATION_COMMUNICATIONS && this.facts.telecomSecrecy();
	}

	/** GDPR Art. 33: the supervisory authority within 72 hours, unless the breach is unlikely to result in a risk. */
	Verdict euAuthority() {
		if (!this.facts.gdprApplies() || this.facts.leak() == LeakStatus.RULED_OUT
				|| this.facts.gdprRisk() == GdprRisk.UNLIKELY) {
			return Verdict.none(DutyType.EU_AUTHORITY);
		}
		boolean open = !this.facts.leak().possible() || this.facts.gdprRisk() == GdprRisk.UNASSESSED;
		return new Verdict(DutyType.EU_AUTHORITY, open ? PROVISIONAL : APPLIES,
				!open ? List.of("duty.reason.eu")
						: List.of("duty.reason.eu", this.facts.gdprRisk() == GdprRisk.UNASSESSED
								? "duty.reason.euRiskUnassessed" : "duty.reason.leakUnassessed"),
				DeadlineRule.HOURS_72, this.knewAt);
	}

	/**
	 * GDPR Art. 34: the people themselves where the risk to them is high, unless the data was
	 * unintelligible or the risk removed; with disproportionate effort, a public communication.
	 */
	Verdict euSubjects() {
		if (!this.facts.gdprApplies() || this.facts.leak() == LeakStatus.RULED_OUT) {
			return Verdict.none(DutyType.EU_SUBJECTS);
		}
		GdprRisk risk = this.facts.gdprRisk();
		if (risk == GdprRisk.UNLIKELY || risk == GdprRisk.RISK) {
			return Verdict.none(DutyType.EU_SUBJECTS);
		}
		if (risk == GdprRisk.UNASSESSED || !this.facts.leak().possible()) {
			return new Verdict(DutyType.EU_SUBJECTS, PROVISIONAL, List.of("duty.reason.euRiskUnassessed"),
					DeadlineRule.PROMPTLY, this.knewAt);
		}
		if (risk != GdprRisk.HIGH_RISK || this.facts.gdprExemption() == GdprExemption.ENCRYPTED
				|| this.facts.gdprExemption() == GdprExemption.RISK_REMOVED) {
			return Verdict.none(DutyType.EU_SUBJECTS);
		}
		return applies(DutyType.EU_SUBJECTS,
				List.of(this.facts.gdprExemption() == GdprExemption.DISPROPORTIONATE_EFFORT
						? "duty.reason.euPublicCommunication" : "duty.reason.euSubjects"),
				DeadlineRule.PROMPTLY);
	}

	/**
	 * The data sets the PPC's duties concern: not those strongly encrypted with a safe key, nor a
	 * client's data the company has told its client about.
	 */
	List<DataSet> reportableSets() {
		return this.dataSets.stream().filter(set -> set.reportedByTheCompany(this.facts)).toList();
	}

	/** The grounds of 規則7条 that hold now; empty while none is known to. */
	List<String> ppcGrounds() {
		if (!this.facts.leak().possible()) {
			return List.of();
		}
		List<DataSet> reportable = reportableSets();
		List<String> grounds = new ArrayList<>();
		if (reportable.stream().anyMatch(DataSet::isSensitive)) {
			grounds.add("duty.reason.sensitive");
		}
		if (reportable.stream().anyMatch(DataSet::isFinancial)) {
			grounds.add("duty.reason.financial");
		}
		// from one person, and also before anyone has listed what leaked
		if (this.facts.improperPurpose() && (this.dataSets.isEmpty() || !reportable.isEmpty())) {
			grounds.add("duty.reason.improperPurpose");
		}
		if (peopleAtMost(reportable, set -> true) > Facts.PPC_PEOPLE_THRESHOLD) {
			grounds.add("duty.reason.overThousand");
		}
		return grounds;
	}

	/** The most people the PPC's data sets may concern: the sum of each one's maximum. */
	long peopleAtMost() {
		return peopleAtMost(reportableSets(), set -> true);
	}

	/** The most people whose マイナンバー may be concerned. */
	long myNumberPeopleAtMost() {
		return peopleAtMost(reportableSets(), DataSet::isMyNumber);
	}

	private Verdict ppc(DutyType type, DeadlineRule deadline, List<String> extra) {
		LeakStatus leak = this.facts.leak();
		if (leak == LeakStatus.RULED_OUT) {
			return Verdict.none(type);
		}
		if (leak == LeakStatus.UNASSESSED) {
			return provisional(type, with("duty.reason.leakUnassessed", extra), deadline);
		}
		List<String> grounds = ppcGrounds();
		if (!grounds.isEmpty()) {
			List<String> reasons = new ArrayList<>();
			if (leak == LeakStatus.FEARED) {
				reasons.add("duty.reason.feared");
			}
			reasons.addAll(grounds);
			reasons.addAll(extra);
			boolean countOnly = grounds.equals(List.of("duty.reason.overThousand"));
			Instant from = (countOnly && this.overThousandSince != null) ? this.overThousandSince : this.knewAt;
			return new Verdict(type, APPLIES, reasons, deadline, from);
		}
		if (this.dataSets.isEmpty()) {
			return provisional(type, with("duty.reason.dataUnknown", extra), deadline);
		}
		if (reportableSets().stream().anyMatch(set -> set.peopleAtMost() == null)) {
			return provisional(type, with("duty.reason.countUnknown", extra), deadline);
		}
		return Verdict.none(type);
	}

	private List<String> myNumberGrounds() {
		if (!this.facts.leak().possible()) {
			return List.of();
		}
		List<DataSet> sets = reportableSets().stream().filter(DataSet::isMyNumber).toList();
		List<String> grounds = new ArrayList<>();
		if (sets.isEmpty()) {
			return grounds;
		}
		if (this.facts.improperPurpose()) {
			grounds.add("duty.reason.myNumberImproper");
		}
		if (sets.stream().anyMatch(DataSet::isPubliclyViewable)) {
			grounds.add("duty.reason.myNumberPublic");
		}
		if (myNumberPeopleAtMost() > Facts.MY_NUMBER_PEOPLE_THRESHOLD) {
			grounds.add("duty.reason.myNumberOverHundred");
		}
		return grounds;
	}

	private Verdict myNumber(DutyType type, DeadlineRule deadline, List<String> extra) {
		List<DataSet> sets = reportableSets().stream().filter(DataSet::isMyNumber).toList();
		if (this.facts.leak().possible() && this.dataSets.isEmpty()) {
			// every employer holds マイナンバー: until what leaked is listed, it may be among it
			return provisional(type, with("duty.reason.dataUnknown", extra), deadline);
		}
		if (this.facts.leak() == LeakStatus.RULED_OUT || sets.isEmpty()) {
			return Verdict.none(type);
		}
		if (this.facts.leak() == LeakStatus.UNASSESSED) {
			return provisional(type, with("duty.reason.leakUnassessed", extra), deadline);
		}
		List<String> grounds = myNumberGrounds();
		if (!grounds.isEmpty()) {
			List<String> reasons = new ArrayList<>();
			if (this.facts.leak() == LeakStatus.FEARED) {
				reasons.add("duty.reason.feared");
			}
			reasons.addAll(grounds);
			reasons.addAll(extra);
			boolean countOnly = grounds.equals(List.of("duty.reason.myNumberOverHundred"));
			Instant from = (countOnly && this.overHundredMyNumberSince != null) ? this.overHundredMyNumberSince
					: this.knewAt;
			return new Verdict(type, APPLIES, reasons, deadline, from);
		}
		if (sets.stream().anyMatch(set -> set.peopleAtMost() == null)) {
			return provisional(type, with("duty.reason.countUnknown", extra), deadline);
		}
		return Verdict.none(type);
	}

	private static List<String> with(String reason, List<String> extra) {
		List<String> reasons = new ArrayList<>();
		reasons.add(reason);
		reasons.addAll(extra);
		return reasons;
	}

	private Verdict applies(DutyType type, List<String> reasons, DeadlineRule deadline) {
		return new Verdict(type, APPLIES, reasons, deadline, this.knewAt);
	}

	private Verdict provisional(DutyType type, List<String> reasons, DeadlineRule deadline) {
		return new Verdict(type, PROVISIONAL, reasons, deadline, this.knewAt);
	}

	private static long peopleAtMost(List<DataSet> sets, Predicate<DataSet> which) {
		return sets.stream().filter(which).map(DataSet::peopleAtMost).filter(Objects::nonNull)
			.mapToLong(Integer::longValue).sum();
	}

}
