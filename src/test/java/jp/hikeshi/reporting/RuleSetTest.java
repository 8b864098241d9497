package jp.hikeshi.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.organisation.Industry;
import jp.hikeshi.reporting.DataSet.KeyState;
import jp.hikeshi.reporting.DataSet.Owner;
import jp.hikeshi.reporting.Verdict.Status;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static jp.hikeshi.reporting.DutyType.CLIENT;
import static jp.hikeshi.reporting.DutyType.EU_AUTHORITY;
import static jp.hikeshi.reporting.DutyType.EU_SUBJECTS;
import static jp.hikeshi.reporting.DutyType.IPA;
import static jp.hikeshi.reporting.DutyType.MINISTRY;
import static jp.hikeshi.reporting.DutyType.MYNUMBER_FINAL;
import static jp.hikeshi.reporting.DutyType.MYNUMBER_PRELIMINARY;
import static jp.hikeshi.reporting.DutyType.PERSON_NOTICE;
import static jp.hikeshi.reporting.DutyType.POLICE;
import static jp.hikeshi.reporting.DutyType.PPC_FINAL;
import static jp.hikeshi.reporting.DutyType.PPC_PRELIMINARY;
import static jp.hikeshi.reporting.Verdict.Status.APPLIES;
import static jp.hikeshi.reporting.Verdict.Status.PROVISIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * DOMAIN.md §4, a row per rule, exemption and boundary. Each row states the whole outcome —
 * every duty that applies or may apply, its status and its reasons — so a duty too many is as
 * much a failure as one missing.
 */
class RuleSetTest {

	private static final Instant KNEW = Instant.parse("2026-12-01T01:00:00Z");

	static Stream<Arguments> rules() {
		return Stream.of(
				// おそれ: not assessed yet means to be decided, never "nothing owed"
				row("leak not assessed: the PPC duties are to be decided", given(),
						expect().ppc(PROVISIONAL, 30, "duty.reason.leakUnassessed")),
				row("ruled out with a reason: nothing", given().leak(LeakStatus.RULED_OUT), expect()),
				row("occurred, nothing listed yet: to be decided, マイナンバー too", given().leak(LeakStatus.OCCURRED),
						expect().ppc(PROVISIONAL, 30, "duty.reason.dataUnknown")
							.myNumber(PROVISIONAL, 30, "duty.reason.dataUnknown")),
				row("info-stealing malware, feared, nothing listed: improper purpose applies from one person",
						given().leak(LeakStatus.FEARED).improper(),
						expect().ppc(APPLIES, 60, "duty.reason.feared", "duty.reason.improperPurpose")
							.myNumber(PROVISIONAL, 60, "duty.reason.dataUnknown")
							.and(POLICE, APPLIES, "duty.reason.leakByCrime")),
				row("feared, マイナンバー of 3 employees with an improper purpose", given().leak(LeakStatus.FEARED)
					.improper()
					.set(employees().myNumber().max(3)),
						expect().ppc(APPLIES, 60, "duty.reason.feared", "duty.reason.improperPurpose")
							.myNumber(APPLIES, 60, "duty.reason.feared", "duty.reason.myNumberImproper")
							.and(POLICE, APPLIES, "duty.reason.leakByCrime")),

				// 1,000 is not enough; 1,001 is; the maximum decides
				row("exactly 1,000 people: nothing", given().occurred().set(customers().max(1_000)), expect()),
				row("1,001 people", given().occurred().set(customers().max(1_001)),
						expect().ppc(APPLIES, 30, "duty.reason.overThousand")),
				row("800 confirmed but at most 1,001: the maximum decides",
						given().occurred().set(customers().confirmed(800).max(1_001)),
						expect().ppc(APPLIES, 30, "duty.reason.overThousand")),
				row("1,001 confirmed, maximum not given", given().occurred().set(customers().confirmed(1_001)),
						expect().ppc(APPLIES, 30, "duty.reason.overThousand")),
				row("two sets of 600: together over 1,000",
						given().occurred().set(customers().max(600)).set(customers().max(600)),
						expect().ppc(APPLIES, 30, "duty.reason.overThousand")),
				row("count not known and no other ground: to be decided", given().occurred().set(customers()),
						expect().ppc(PROVISIONAL, 30, "duty.reason.countUnknown")),

				// each ground from one person
				row("sensitive data, one person", given().occurred().set(customers().sensitive().max(1)),
						expect().ppc(APPLIES, 30, "duty.reason.sensitive")),
				row("card data, one person", given().occurred().set(customers().financial().max(1)),
						expect().ppc(APPLIES, 30, "duty.reason.financial")),
				row("every ground at once: 60 days", given().occurred().improper()
					.set(customers().sensitive().financial().max(5_000)),
						expect().ppc(APPLIES, 60, "duty.reason.sensitive", "duty.reason.financial",
								"duty.reason.improperPurpose", "duty.reason.overThousand")
							.and(POLICE, APPLIES, "duty.reason.leakByCrime")),

				// encryption attaches to the data set, and only with a safe key
				row("encrypted card data, key safe: exempt",
						given().occurred().set(customers().financial().max(5_000).encrypted(KeyState.SAFE)), expect()),
				row("encrypted card data, key leaked", given().occurred()
					.set(customers().financial().max(5).encrypted(KeyState.LEAKED)),
						expect().ppc(APPLIES, 30, "duty.reason.financial")),
				row("encrypted card data, key state unknown", given().occurred()
					.set(customers().financial().max(5).encrypted(KeyState.UNKNOWN)),
						expect().ppc(APPLIES, 30, "duty.reason.financial")),
				row("one set encrypted, the other not: the other decides", given().occurred()
					.set(customers().financial().max(5).encrypted(KeyState.SAFE))
					.set(customers().sensitive().max(3)),
						expect().ppc(APPLIES, 30, "duty.reason.sensitive")),
				row("skimmed card data (captured in clear text)", given().occurred().improper()
					.set(customers().financial().max(40).capturedInClear()),
						expect().ppc(APPLIES, 60, "duty.reason.financial", "duty.reason.improperPurpose")
							.and(POLICE, APPLIES, "duty.reason.leakByCrime")),

				// a contractor: the exemption covers only the client's data
				row("client's card data, client told: only the client notice",
						given().occurred().clientInformed().set(client().financial().max(2_000)),
						expect().and(CLIENT, APPLIES, "duty.reason.client")),
				row("client's card data, client not told yet", given().occurred().set(client().financial().max(2_000)),
						expect().ppc(APPLIES, 30, "duty.reason.financial", "duty.reason.overThousand")
							.and(CLIENT, APPLIES, "duty.reason.client")),
				row("client told, but own card data as well: the own data keeps its duties",
						given().occurred().clientInformed().set(client().financial().max(2_000))
							.set(customers().financial().max(10)),
						expect().ppc(APPLIES, 30, "duty.reason.financial").and(CLIENT, APPLIES, "duty.reason.client")),

				// 番号法: improper purpose from one person, made public, more than 100
				row("マイナンバー of 100 employees: nothing", given().occurred().set(employees().myNumber().max(100)),
						expect()),
				row("マイナンバー of 101 employees", given().occurred().set(employees().myNumber().max(101)),
						expect().myNumber(APPLIES, 30, "duty.reason.myNumberOverHundred")
							.and(PERSON_NOTICE, APPLIES, "duty.reason.myNumberOverHundred", "duty.reason.personNotice")),
				row("マイナンバー, one person, improper purpose", given().occurred().improper()
					.set(employees().myNumber().max(1)),
						expect().ppc(APPLIES, 60, "duty.reason.improperPurpose")
							.myNumber(APPLIES, 60, "duty.reason.myNumberImproper")
							.and(POLICE, APPLIES, "duty.reason.leakByCrime")),
				row("マイナンバー made viewable by anyone", given().occurred()
					.set(employees().myNumber().max(5).publiclyViewable()),
						expect().myNumber(APPLIES, 30, "duty.reason.myNumberPublic")
							.and(PERSON_NOTICE, APPLIES, "duty.reason.myNumberPublic", "duty.reason.personNotice")),

				// the ministry only where a rule of the sector applies
				row("a financial firm, customers' data of 5 people", given().occurred()
					.industry(Industry.FINANCE_INSURANCE).set(customers().max(5)),
						expect().and(MINISTRY, APPLIES, "duty.reason.ministryFinance")),
				row("a financial firm's card data: the PPC's reports go to 金融庁", given().occurred()
					.industry(Industry.FINANCE_INSURANCE).set(customers().financial().max(5)),
						expect().ppcDelegated(APPLIES, 30, "duty.reason.financial")
							.and(MINISTRY, APPLIES, "duty.reason.ministryFinance")),
				row("a carrier's breach of the secrecy of communications", given().leak(LeakStatus.RULED_OUT)
					.industry(Industry.INFORMATION_COMMUNICATIONS).telecomSecrecy(),
						expect().and(MINISTRY, APPLIES, "duty.reason.ministryTelecom")
							.and(DutyType.MINISTRY_FINAL, APPLIES, "duty.reason.ministryTelecomFinal")),
				row("a manufacturer's phishing call: no ministry", given().leak(LeakStatus.RULED_OUT)
					.industry(Industry.MANUFACTURING), expect()),

				// police and IPA by category
				row("ransomware with a ransom demand: IPA and the police for extortion", given()
					.leak(LeakStatus.RULED_OUT)
					.category(Category.VIRUS_RANSOMWARE).virus().crime(),
						expect().and(IPA, APPLIES, "duty.reason.virusOrAccess")
							.and(POLICE, APPLIES, "duty.reason.extortion")),
				row("a plain virus, no crime suspected: IPA only", given().leak(LeakStatus.RULED_OUT)
					.category(Category.VIRUS_RANSOMWARE).virus(),
						expect().and(IPA, APPLIES, "duty.reason.virusOrAccess")),
				row("a crime suspected otherwise", given().leak(LeakStatus.RULED_OUT).crime(),
						expect().and(POLICE, APPLIES, "duty.reason.crime")),
				row("stolen laptop, data ruled out: the local station", given().leak(LeakStatus.RULED_OUT)
					.category(Category.STOLEN_DEVICE), expect().and(POLICE, APPLIES, "duty.reason.theft")),
				row("lost laptop: a lost-property report", given().leak(LeakStatus.RULED_OUT)
					.category(Category.LOST_DEVICE), expect().and(POLICE, APPLIES, "duty.reason.loss")),
				row("fraudulent transfer", given().leak(LeakStatus.RULED_OUT)
					.category(Category.FRAUDULENT_TRANSFER),
						expect().and(POLICE, APPLIES, "duty.reason.fraudulentTransfer")),
				row("insider leak of 5 customers", given().occurred().leakKind(LeakKind.INSIDER)
					.set(customers().max(5)),
						expect().and(POLICE, APPLIES, "duty.reason.leakByCrime")),

				// GDPR: Art. 3 applicability, Art. 33 risk, Art. 34 high risk and its exemptions
				row("EU data, but no establishment, offer or monitoring: GDPR does not apply",
						given().leak(LeakStatus.OCCURRED).euData().set(customers().max(5)), expect()),
				row("offering to the EU, risk not assessed: both to be decided",
						given().occurred().gdprOffering().euData().set(customers().max(5)),
						expect().and(EU_AUTHORITY, PROVISIONAL, "duty.reason.eu", "duty.reason.euRiskUnassessed")
							.and(EU_SUBJECTS, PROVISIONAL, "duty.reason.euRiskUnassessed")),
				row("risk unlikely: nothing", given().occurred().gdprOffering().euData().risk(GdprRisk.UNLIKELY)
					.set(customers().max(5)), expect()),
				row("a risk: the authority only", given().occurred().gdprOffering().euData().risk(GdprRisk.RISK)
					.set(customers().max(5)), expect().and(EU_AUTHORITY, APPLIES, "duty.reason.eu")),
				row("a high risk: the authority and the people", given().occurred().gdprEstablishment()
					.risk(GdprRisk.HIGH_RISK).set(customers().max(5)),
						expect().and(EU_AUTHORITY, APPLIES, "duty.reason.eu")
							.and(EU_SUBJECTS, APPLIES, "duty.reason.euSubjects")),
				row("a risk (not high), leak not assessed: the authority to decide, not the people", given()
					.gdprOffering().euData().risk(GdprRisk.RISK),
						expect().ppc(PROVISIONAL, 30, "duty.reason.leakUnassessed")
							.and(EU_AUTHORITY, PROVISIONAL, "duty.reason.eu", "duty.reason.leakUnassessed")),
				row("a high risk, data unintelligible: the authority only", given().occurred().gdprEstablishment()
					.risk(GdprRisk.HIGH_RISK).exemption(GdprExemption.ENCRYPTED).set(customers().max(5)),
						expect().and(EU_AUTHORITY, APPLIES, "duty.reason.eu")),
				row("a high risk, disproportionate effort: a public communication", given().occurred()
					.gdprMonitoring().euData().risk(GdprRisk.HIGH_RISK)
					.exemption(GdprExemption.DISPROPORTIONATE_EFFORT).set(customers().max(5)),
						expect().and(EU_AUTHORITY, APPLIES, "duty.reason.eu")
							.and(EU_SUBJECTS, APPLIES, "duty.reason.euPublicCommunication")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void eachRuleDecidesAsTheLawSays(String name, Given given, Expected expected) {
		Map<DutyType, Verdict> actual = new EnumMap<>(DutyType.class);
		for (Verdict verdict : RuleSet.APPI_2022.evaluate(given.situation())) {
			if (verdict.status() != Status.NONE) {
				actual.put(verdict.type(), verdict);
			}
		}
		assertThat(actual.keySet()).as("duties").isEqualTo(expected.duties.keySet());
		expected.duties.forEach((type, want) -> {
			assertThat(actual.get(type).status()).as(type + " status").isEqualTo(want.status());
			assertThat(actual.get(type).reasons()).as(type + " reasons").containsExactlyElementsOf(want.reasons());
			if (want.finalDays() != 0) {
				assertThat(actual.get(type).deadline())
					.isEqualTo(want.finalDays() == 60 ? DeadlineRule.DAYS_60 : DeadlineRule.DAYS_30);
			}
		});
	}

	@Test
	void aCountThatPassesOneThousandLaterStartsTheClockThen() {
		Instant passed = Instant.parse("2026-12-10T03:00:00Z");
		Situation situation = given().occurred().set(customers().max(1_500)).situation(passed);
		assertThat(situation.ppcPreliminary().clockFrom()).isEqualTo(passed);
		Situation withSensitive = given().occurred().set(customers().sensitive().max(1_500)).situation(passed);
		assertThat(withSensitive.ppcPreliminary().clockFrom()).as("a ground known from the start").isEqualTo(KNEW);
	}

	@Test
	void provisionalDutiesRunFromDiscovery() {
		assertThat(given().situation().ppcFinal().clockFrom()).isEqualTo(KNEW);
	}

	@Test
	void encryptionCannotExemptDataCapturedInClearText() {
		assertThatThrownBy(() -> customers().financial().max(5).encrypted(KeyState.SAFE).capturedInClear()
			.details()
			.requireValid()).isInstanceOfSatisfying(BusinessRuleViolation.class,
					v -> assertThat(v.field()).isEqualTo("encrypted"));
	}

	@Test
	void aMaximumBelowTheConfirmedCountIsRefused() {
		assertThatThrownBy(() -> customers().confirmed(10).max(9).details().requireValid())
			.isInstanceOfSatisfying(BusinessRuleViolation.class, v -> {
				assertThat(v.field()).isEqualTo("maximumCount");
				assertThat(v.code()).isEqualTo("dataSet.maximumBelowConfirmed");
			});
	}

	@Test
	void ruledOutNeedsAReasonAndGdprNeedsMemberStates() {
		Facts ruledOut = given().leak(LeakStatus.RULED_OUT).facts();
		assertThatThrownBy(() -> ruledOut.requireConsistent(false)).isInstanceOfSatisfying(BusinessRuleViolation.class,
				v -> assertThat(v.field()).isEqualTo("leakRuledOutReason"));
		Facts gdpr = given().occurred().gdprOffering().euData().memberStates(null).facts();
		assertThatThrownBy(() -> gdpr.requireConsistent(false)).isInstanceOfSatisfying(BusinessRuleViolation.class,
				v -> assertThat(v.field()).isEqualTo("gdprMemberStates"));
		Facts untickedWithoutReason = given().occurred().facts();
		assertThatThrownBy(() -> untickedWithoutReason.requireConsistent(true))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					v -> assertThat(v.field()).isEqualTo("improperPurposeReason"));
	}

	@Test
	void theRuleSetInForceIsChosenByTheDayTheCompanyKnew() {
		assertThat(RuleSet.inForceOn(java.time.LocalDate.of(2026, 12, 1))).isSameAs(RuleSet.APPI_2022);
		assertThat(RuleSet.byId("APPI-2022-04")).isSameAs(RuleSet.APPI_2022);
		assertThat(RuleSet.APPI_2022.rules()).extracting(RuleSet.Rule::type)
			.containsExactlyInAnyOrder(DutyType.values());
	}

	// --- the rows' language ---

	private static Arguments row(String name, Given given, Expected expected) {
		return arguments(name, given, expected);
	}

	static Given given() {
		return new Given();
	}

	static Expected expect() {
		return new Expected();
	}

	static SetBuilder customers() {
		return new SetBuilder(Owner.CUSTOMERS);
	}

	static SetBuilder employees() {
		return new SetBuilder(Owner.EMPLOYEES);
	}

	static SetBuilder client() {
		return new SetBuilder(Owner.CLIENT);
	}

	/** The facts of a row. */
	static final class Given {

		LeakStatus leak = LeakStatus.UNASSESSED;

		boolean improper;

		boolean virus;

		boolean crime;

		boolean clientInformed;

		boolean telecomSecrecy;

		boolean establishment;

		boolean offering;

		boolean monitoring;

		boolean euData;

		String memberStates = "ドイツ";

		GdprRisk risk = GdprRisk.UNASSESSED;

		GdprExemption exemption = GdprExemption.NONE;

		Industry industry = Industry.OTHER;

		Set<Category> categories = EnumSet.noneOf(Category.class);

		LeakKind leakKind;

		final List<SetBuilder> sets = new ArrayList<>();

		Given leak(LeakStatus leak) {
			this.leak = leak;
			return this;
		}

		Given occurred() {
			return leak(LeakStatus.OCCURRED);
		}

		Given improper() {
			this.improper = true;
			return this;
		}

		Given virus() {
			this.virus = true;
			return this;
		}

		Given crime() {
			this.crime = true;
			return this;
		}

		Given clientInformed() {
			this.clientInformed = true;
			return this;
		}

		Given telecomSecrecy() {
			this.telecomSecrecy = true;
			return this;
		}

		Given gdprEstablishment() {
			this.establishment = true;
			return this;
		}

		Given gdprOffering() {
			this.offering = true;
			return this;
		}

		Given gdprMonitoring() {
			this.monitoring = true;
			return this;
		}

		Given euData() {
			this.euData = true;
			return this;
		}

		Given memberStates(String states) {
			this.memberStates = states;
			return this;
		}

		Given risk(GdprRisk risk) {
			this.risk = risk;
			return this;
		}

		Given exemption(GdprExemption exemption) {
			this.exemption = exemption;
			return this;
		}

		Given industry(Industry industry) {
			this.industry = industry;
			return this;
		}

		Given category(Category category) {
			this.categories.add(category);
			return this;
		}

		Given leakKind(LeakKind leakKind) {
			this.leakKind = leakKind;
			return this;
		}

		Given set(SetBuilder set) {
			this.sets.add(set);
			return this;
		}

		Facts facts() {
			return new Facts(this.leak, null, this.improper, null, this.virus, this.crime, this.clientInformed,
					this.telecomSecrecy, this.establishment, this.offering, this.monitoring, this.euData,
					this.memberStates, this.risk, this.exemption, null, null);
		}

		Situation situation() {
			return situation(null);
		}

		Situation situation(Instant overThousandSince) {
			List<DataSet> dataSets = this.sets.stream().map(set -> new DataSet(null, set.details())).toList();
			return new Situation(facts(), dataSets, this.categories, this.leakKind, this.industry, KNEW,
					overThousandSince, null);
		}

		@Override
		public String toString() {
			return "given";
		}

	}

	/** One data set of a row. */
	static final class SetBuilder {

		final Owner owner;

		boolean sensitive;

		boolean financial;

		boolean myNumber;

		Integer confirmed;

		Integer max;

		boolean encrypted;

		KeyState keyState;

		boolean capturedInClear;

		boolean publiclyViewable;

		SetBuilder(Owner owner) {
			this.owner = owner;
		}

		SetBuilder sensitive() {
			this.sensitive = true;
			return this;
		}

		SetBuilder financial() {
			this.financial = true;
			return this;
		}

		SetBuilder myNumber() {
			this.myNumber = true;
			return this;
		}

		SetBuilder confirmed(int count) {
			this.confirmed = count;
			return this;
		}

		SetBuilder max(int count) {
			this.max = count;
			return this;
		}

		SetBuilder encrypted(KeyState keyState) {
			this.encrypted = true;
			this.keyState = keyState;
			return this;
		}

		SetBuilder capturedInClear() {
			this.capturedInClear = true;
			return this;
		}

		SetBuilder publiclyViewable() {
			this.publiclyViewable = true;
			return this;
		}

		DataSet.Details details() {
			return new DataSet.Details("名簿", null, null, this.owner, this.sensitive, this.financial, this.myNumber,
					this.confirmed, this.max, this.encrypted, null, this.keyState, this.capturedInClear,
					this.publiclyViewable);
		}

	}

	/** The whole outcome of a row. */
	static final class Expected {

		final Map<DutyType, Want> duties = new EnumMap<>(DutyType.class);

		/** The PPC's 速報, 確報 (30 or 60 days) and the notice to the people, with the same grounds. */
		Expected ppc(Status status, int finalDays, String... reasons) {
			List<String> grounds = List.of(reasons);
			this.duties.put(PPC_PRELIMINARY, new Want(status, grounds, 0));
			this.duties.put(PPC_FINAL, new Want(status, plus(grounds, finalDays == 60 ? "duty.reason.final60"
					: "duty.reason.final30"), finalDays));
			this.duties.put(PERSON_NOTICE, new Want(status, plus(grounds, "duty.reason.personNotice"), 0));
			return this;
		}

		/** The PPC's reports of a financial firm: to the ministry the PPC delegated its powers to. */
		Expected ppcDelegated(Status status, int finalDays, String... reasons) {
			ppc(status, finalDays, reasons);
			List<String> grounds = List.of(reasons);
			this.duties.put(PPC_PRELIMINARY, new Want(status, plus(grounds, "duty.reason.delegatedFinance"), 0));
			this.duties.put(PPC_FINAL, new Want(status, plus(plus(grounds, finalDays == 60 ? "duty.reason.final60"
					: "duty.reason.final30"), "duty.reason.delegatedFinance"), finalDays));
			return this;
		}

		Expected myNumber(Status status, int finalDays, String... reasons) {
			List<String> grounds = List.of(reasons);
			this.duties.put(MYNUMBER_PRELIMINARY, new Want(status, grounds, 0));
			this.duties.put(MYNUMBER_FINAL, new Want(status, plus(grounds, finalDays == 60 ? "duty.reason.final60"
					: "duty.reason.final30"), finalDays));
			return this;
		}

		Expected and(DutyType type, Status status, String... reasons) {
			this.duties.put(type, new Want(status, List.of(reasons), 0));
			return this;
		}

		private static List<String> plus(List<String> reasons, String more) {
			List<String> all = new ArrayList<>(reasons);
			all.add(more);
			return all;
		}

		@Override
		public String toString() {
			return this.duties.keySet().toString();
		}

	}

	record Want(Status status, List<String> reasons, int finalDays) {
	}

}
