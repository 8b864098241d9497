package jp.hikeshi.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static jp.hikeshi.reporting.DutyType.CLIENT;
import static jp.hikeshi.reporting.DutyType.EU_AUTHORITY;
import static jp.hikeshi.reporting.DutyType.IPA;
import static jp.hikeshi.reporting.DutyType.MINISTRY;
import static jp.hikeshi.reporting.DutyType.PERSON_NOTICE;
import static jp.hikeshi.reporting.DutyType.POLICE;
import static jp.hikeshi.reporting.DutyType.PPC_FINAL;
import static jp.hikeshi.reporting.DutyType.PPC_PRELIMINARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * DOMAIN.md §4, a row per rule and its boundaries. Each row states the whole outcome: every
 * duty that applies and the reason codes of each, so a duty too many is as much a failure as
 * a duty missing.
 */
class DutyRulesTest {

	private static final String SENSITIVE = "duty.reason.sensitive";

	private static final String FINANCIAL = "duty.reason.financial";

	private static final String IMPROPER_PURPOSE = "duty.reason.improperPurpose";

	private static final String OVER_THOUSAND = "duty.reason.overThousand";

	private static final String FINAL_30 = "duty.reason.final30";

	private static final String FINAL_60 = "duty.reason.final60";

	private static final String PERSON = "duty.reason.personNotice";

	private static final String VIRUS_OR_ACCESS = "duty.reason.virusOrAccess";

	private static final String CRIME = "duty.reason.crime";

	private static final String LEAK_BY_CRIME = "duty.reason.leakByCrime";

	private static final String MINISTRY_REASON = "duty.reason.ministry";

	private static final String CLIENT_REASON = "duty.reason.client";

	private static final String EU = "duty.reason.eu";

	static Stream<Arguments> rules() {
		return Stream.of(
				// Nothing known, nothing owed.
				row("nothing known", Facts.unknown(), null, none()),
				row("personal data YES but no trigger", yes(), null, none()),

				// PPC: the count of people. "More than 1,000" — 1,000 itself is not enough.
				row("1,000 people alone: no PPC", yes().people(1_000), null, none()),
				row("1,001 people: PPC", yes().people(1_001), null, ppc30(OVER_THOUSAND)),
				row("count not known yet: no count reason", yes().people(null).sensitive(), null, ppc30(SENSITIVE)),
				row("1,000 people with sensitive data: sensitive is the only reason", yes().people(1_000).sensitive(),
						null, ppc30(SENSITIVE)),

				// PPC: each trigger alone.
				row("sensitive data alone", yes().sensitive(), null, ppc30(SENSITIVE)),
				row("card/financial data alone", yes().financial(), null, ppc30(FINANCIAL)),
				row("improper purpose alone: final in 60 days, and police", yes().improper(), null,
						ppc60(IMPROPER_PURPOSE).and(POLICE, LEAK_BY_CRIME)),
				row("every PPC trigger at once", yes().people(5_000).sensitive().financial().improper(), null,
						ppc60(SENSITIVE, FINANCIAL, IMPROPER_PURPOSE, OVER_THOUSAND).and(POLICE, LEAK_BY_CRIME)),

				// PPC: only where personal data is known to be involved.
				row("personal data UNKNOWN with every trigger: no PPC",
						unknown().people(5_000).sensitive().financial(), null, none()),
				row("personal data NO with a trigger: no PPC", no().financial(), null, none()),
				row("personal data UNKNOWN with improper purpose: neither PPC nor leak-by-crime police",
						unknown().improper(), null, none()),
				row("personal data NO with improper purpose: neither PPC nor leak-by-crime police", no().improper(),
						null, none()),

				// PPC: strong encryption lifts the PPC report and the person notice.
				row("strongly encrypted card data: no PPC, no person notice", yes().financial().encrypted(), null,
						none()),
				row("strongly encrypted sensitive data of 5,000 people: no PPC",
						yes().people(5_000).sensitive().encrypted(), null, none()),
				row("strongly encrypted but stolen: no PPC, the theft is still a police matter",
						yes().financial().improper().encrypted(), null, expect(POLICE, LEAK_BY_CRIME)),

				// Police.
				row("crime suspected without personal data: police only", no().crime(), null, expect(POLICE, CRIME)),
				row("crime suspected and personal data leaked by improper purpose: both police reasons",
						yes().crime().improper(), null, ppc60(IMPROPER_PURPOSE).and(POLICE, CRIME, LEAK_BY_CRIME)),

				// Client (委託元) and the contractor's exemption.
				row("contractor that told its client: no PPC of its own, the client duty remains",
						yes().people(5_000).sensitive().financial().client().informed(), null,
						expect(CLIENT, CLIENT_REASON)),
				row("work for a client not yet told: PPC and client", yes().sensitive().client(), null,
						ppc30(SENSITIVE).and(CLIENT, CLIENT_REASON)),
				row("client told but no work for a client (contradiction): PPC stays, no client duty",
						yes().sensitive().informed(), null, ppc30(SENSITIVE)),
				row("work for a client without personal data: client only", no().client(), null,
						expect(CLIENT, CLIENT_REASON)),

				// IPA.
				row("virus or unauthorised access: IPA", unknown().virus(), null, expect(IPA, VIRUS_OR_ACCESS)),

				// Supervising ministry (organisation setting).
				row("supervising ministry set: ministry", Facts.unknown(), "金融庁", expect(MINISTRY, MINISTRY_REASON)),
				row("supervising ministry blank: no ministry", Facts.unknown(), "", none()),
				row("supervising ministry whitespace only: no ministry", Facts.unknown(), " \t ", none()),
				row("supervising ministry null: no ministry", Facts.unknown(), null, none()),

				// EU supervisory authority.
				row("EU residents, personal data YES: EU authority only", yes().eu(), null, expect(EU_AUTHORITY, EU)),
				row("EU residents with a PPC trigger: both", yes().eu().sensitive(), null,
						ppc30(SENSITIVE).and(EU_AUTHORITY, EU)),
				row("EU residents, personal data NO: no EU authority", no().eu(), null, none()),
				row("EU residents, personal data UNKNOWN: no EU authority", unknown().eu(), null, none()),

				// Everything at once: every duty exactly once.
				row("everything applies", yes().people(1_001)
					.sensitive()
					.financial()
					.improper()
					.virus()
					.crime()
					.client()
					.eu(), "総務省",
						ppc60(SENSITIVE, FINANCIAL, IMPROPER_PURPOSE, OVER_THOUSAND).and(IPA, VIRUS_OR_ACCESS)
							.and(POLICE, CRIME, LEAK_BY_CRIME)
							.and(MINISTRY, MINISTRY_REASON)
							.and(CLIENT, CLIENT_REASON)
							.and(EU_AUTHORITY, EU)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void appliesTheRulesOfDomainSection4(String rule, Facts facts, String supervisingMinistry, Expected expected) {
		List<DutyRules.Applicable> duties = DutyRules.evaluate(facts, supervisingMinistry);

		assertThat(duties).extracting(DutyRules.Applicable::type)
			.as("each duty at most once")
			.doesNotHaveDuplicates()
			.as("the duties that apply")
			.containsExactlyInAnyOrderElementsOf(expected.duties.keySet());
		assertThat(reasonsByType(duties)).as("the reasons of each duty").isEqualTo(expected.duties);
	}

	@Test
	void theFinalReportRepeatsThePreliminaryReasonsAndAddsItsDeadline() {
		List<DutyRules.Applicable> duties = DutyRules.evaluate(yes().people(1_001).financial().build(), null);

		assertThat(duties).filteredOn(duty -> duty.type() == PPC_PRELIMINARY)
			.singleElement()
			.extracting(DutyRules.Applicable::reasons)
			.isEqualTo(List.of(FINANCIAL, OVER_THOUSAND));
		assertThat(duties).filteredOn(duty -> duty.type() == PPC_FINAL)
			.singleElement()
			.extracting(DutyRules.Applicable::reasons)
			.isEqualTo(List.of(FINANCIAL, OVER_THOUSAND, FINAL_30));
	}

	static Stream<Arguments> checks() {
		return Stream.of(
				// Consistent facts.
				check("nothing known", Facts.unknown(), null),
				check("personal data NO without a count", no(), null),
				check("personal data NO with a count of 0", no().people(0), null),
				check("personal data NO with improper purpose (an intrusion without a leak)", no().improper()
					.virus()
					.crime(), null),
				check("personal data YES with every kind", yes().people(5_000)
					.sensitive()
					.financial()
					.improper()
					.eu(), null),
				check("personal data UNKNOWN with a count", unknown().people(3), null),
				check("count of 0", yes().people(0), null),
				check("count at Facts.MAX_PEOPLE", yes().people(Facts.MAX_PEOPLE), null),
				check("client informed with work for a client", yes().client().informed(), null),

				// A count of people with "no personal data".
				check("personal data NO with a count of 1", no().people(1), "facts.countWithoutPersonalData"),
				check("personal data NO with a count of 1,001", no().people(1_001),
						"facts.countWithoutPersonalData"),

				// Absurd counts, whatever the answer.
				check("negative count", yes().people(-1), "facts.peopleCountAbsurd"),
				check("negative count, personal data UNKNOWN", unknown().people(-1), "facts.peopleCountAbsurd"),
				check("negative count, personal data NO", no().people(-1), "facts.peopleCountAbsurd"),
				check("count over Facts.MAX_PEOPLE", yes().people(Facts.MAX_PEOPLE + 1), "facts.peopleCountAbsurd"),
				check("count of Integer.MAX_VALUE", yes().people(Integer.MAX_VALUE), "facts.peopleCountAbsurd"),

				// Kinds of personal data with "no personal data".
				check("personal data NO with sensitive data", no().sensitive(), "facts.kindsWithoutPersonalData"),
				check("personal data NO with financial data", no().financial(), "facts.kindsWithoutPersonalData"),
				check("personal data NO with EU residents", no().eu(), "facts.kindsWithoutPersonalData"),

				// The contractor's exemption without a client.
				check("client informed without work for a client", yes().informed(),
						"facts.clientInformedWithoutClient"),
				check("client informed without work for a client, personal data UNKNOWN", unknown().informed(),
						"facts.clientInformedWithoutClient"));
	}

	@ParameterizedTest(name = "{0} -> {2}")
	@MethodSource("checks")
	void checksTheFactsHoldTogether(String description, Facts facts, String expectedCode) {
		assertThat(facts.check()).isEqualTo(expectedCode);
	}

	@Test
	void aMissingAnswerAboutPersonalDataIsUnknown() {
		Facts facts = new Facts(null, null, true, true, false, false, false, false, false, false, false);

		assertThat(facts.personalData()).isEqualTo(Answer.UNKNOWN);
		assertThat(facts.personalDataInvolved()).isFalse();
		assertThat(DutyRules.evaluate(facts, null)).isEmpty();
	}

	private static Map<DutyType, List<String>> reasonsByType(List<DutyRules.Applicable> duties) {
		return duties.stream()
			.collect(Collectors.toMap(DutyRules.Applicable::type, duty -> sorted(duty.reasons()), (a, b) -> a,
					() -> new EnumMap<>(DutyType.class)));
	}

	private static List<String> sorted(List<String> reasons) {
		return reasons.stream().sorted().toList();
	}

	private static Arguments row(String rule, Object facts, String supervisingMinistry, Expected expected) {
		return arguments(rule, build(facts), supervisingMinistry, expected);
	}

	private static Arguments check(String description, Object facts, String expectedCode) {
		return arguments(description, build(facts), expectedCode);
	}

	/** Rows give either a ready {@link Facts} or an {@link F} still to build. */
	private static Facts build(Object facts) {
		return (facts instanceof F f) ? f.build() : (Facts) facts;
	}

	private static F yes() {
		return new F(Answer.YES);
	}

	private static F no() {
		return new F(Answer.NO);
	}

	private static F unknown() {
		return new F(Answer.UNKNOWN);
	}

	private static Expected none() {
		return new Expected();
	}

	private static Expected expect(DutyType type, String... reasons) {
		return new Expected().and(type, reasons);
	}

	/** The PPC report, preliminary and final in 30 days, and the person notice. */
	private static Expected ppc30(String... reasons) {
		return ppc(FINAL_30, reasons);
	}

	/** The PPC report, preliminary and final in 60 days, and the person notice. */
	private static Expected ppc60(String... reasons) {
		return ppc(FINAL_60, reasons);
	}

	private static Expected ppc(String finalReason, String... reasons) {
		List<String> finalReasons = new ArrayList<>(Arrays.asList(reasons));
		finalReasons.add(finalReason);
		return new Expected().and(PPC_PRELIMINARY, reasons)
			.and(PPC_FINAL, finalReasons.toArray(String[]::new))
			.and(PERSON_NOTICE, PERSON);
	}

	/** The duties a row expects, each with its reasons (sorted: their order is not the rule). */
	static final class Expected {

		final Map<DutyType, List<String>> duties = new EnumMap<>(DutyType.class);

		Expected and(DutyType type, String... reasons) {
			this.duties.put(type, sorted(List.of(reasons)));
			return this;
		}

		@Override
		public String toString() {
			return this.duties.toString();
		}

	}

	/** Facts built a flag at a time, so each row reads as the facts it is about. */
	static final class F {

		private final Answer personalData;

		private Integer people;

		private boolean sensitive;

		private boolean financial;

		private boolean encrypted;

		private boolean improper;

		private boolean virus;

		private boolean crime;

		private boolean client;

		private boolean informed;

		private boolean eu;

		F(Answer personalData) {
			this.personalData = personalData;
		}

		F people(Integer count) {
			this.people = count;
			return this;
		}

		F sensitive() {
			this.sensitive = true;
			return this;
		}

		F financial() {
			this.financial = true;
			return this;
		}

		F encrypted() {
			this.encrypted = true;
			return this;
		}

		F improper() {
			this.improper = true;
			return this;
		}

		F virus() {
			this.virus = true;
			return this;
		}

		F crime() {
			this.crime = true;
			return this;
		}

		F client() {
			this.client = true;
			return this;
		}

		F informed() {
			this.informed = true;
			return this;
		}

		F eu() {
			this.eu = true;
			return this;
		}

		Facts build() {
			return new Facts(this.personalData, this.people, this.sensitive, this.financial, this.encrypted,
					this.improper, this.virus, this.crime, this.client, this.informed, this.eu);
		}

	}

}
