package jp.hikeshi.reporting;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The reporting rules in force from a day: each duty with the rule that decides it. An
 * amendment of the law (one to 本人通知 is being discussed) is a new rule set with its own
 * day, never an edit of this one, and each incident keeps the rule set its duties were worked
 * out with. The rules themselves read as the law does in {@link Situation}; {@code RuleSetTest}
 * holds a row per rule and boundary.
 */
public record RuleSet(String id, LocalDate inForceFrom, List<Rule> rules) {

	/**
	 * 個人情報保護法 as amended in force from 2022-04-01 (法26条, 規則7〜10条, 通則編 3-5), 番号法
	 * 第29条の4, GDPR Art. 33/34, and the other recipients of DOMAIN.md §4.3.
	 */
	public static final RuleSet APPI_2022 = new RuleSet("APPI-2022-04", LocalDate.of(2022, 4, 1), List.of(
			new Rule(DutyType.PPC_PRELIMINARY, "法26条1項・規則7条・規則8条1項", Situation::ppcPreliminary),
			new Rule(DutyType.PPC_FINAL, "法26条1項・規則8条2項", Situation::ppcFinal),
			new Rule(DutyType.MYNUMBER_PRELIMINARY, "番号法29条の4第1項・同規則2条", Situation::myNumberPreliminary),
			new Rule(DutyType.MYNUMBER_FINAL, "番号法29条の4第1項・同規則3条", Situation::myNumberFinal),
			new Rule(DutyType.PERSON_NOTICE, "法26条2項・規則10条・番号法29条の4第2項", Situation::personNotice),
			new Rule(DutyType.CLIENT, "法26条1項ただし書・規則9条", Situation::client),
			new Rule(DutyType.IPA, "コンピュータ不正アクセス対策基準・コンピュータウイルス対策基準", Situation::ipa),
			new Rule(DutyType.POLICE, "手引き 事象ごとの対応のポイント", Situation::police),
			new Rule(DutyType.MINISTRY, "金融分野ガイドライン・電気通信事業法28条", Situation::ministry),
			new Rule(DutyType.MINISTRY_FINAL, "電気通信事業法施行規則57条", Situation::ministryFinal),
			new Rule(DutyType.EU_AUTHORITY, "GDPR Art. 3, 33", Situation::euAuthority),
			new Rule(DutyType.EU_SUBJECTS, "GDPR Art. 34", Situation::euSubjects)));

	/** Every rule set, oldest first. */
	public static final List<RuleSet> ALL = List.of(APPI_2022);

	/** The rule set in force on the day the company knew. */
	public static RuleSet inForceOn(LocalDate day) {
		return ALL.stream()
			.filter(set -> !set.inForceFrom().isAfter(day))
			.max(Comparator.comparing(RuleSet::inForceFrom))
			.orElse(ALL.get(0));
	}

	/** A rule set by the id an incident recorded. */
	public static RuleSet byId(String id) {
		return ALL.stream().filter(set -> set.id().equals(id)).findFirst().orElse(APPI_2022);
	}

	/** Every rule's verdict on a situation, in the rule set's order. */
	public List<Verdict> evaluate(Situation situation) {
		return this.rules.stream().map(rule -> rule.decide().apply(situation)).toList();
	}

	public Rule rule(DutyType type) {
		return this.rules.stream().filter(rule -> rule.type() == type).findFirst().orElseThrow();
	}

	/**
	 * One duty's rule.
	 * @param source the provisions it rests on, as a lawyer cites them
	 */
	public record Rule(DutyType type, String source, Function<Situation, Verdict> decide) {
	}

}
