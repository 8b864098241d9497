package jp.hikeshi.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import jp.hikeshi.incident.TimelineEntry.Kind;

/**
 * The facts of step 2 one by one, as the timeline names them when one changes (labels:
 * {@code Fact.<NAME>}). Each knows where its value lives in a case and which kind of timeline
 * entry reads that value: an answer, a number, a yes/no, or a text.
 */
public enum Fact {

	PERSONAL_DATA(Kind.FACT_CHANGED, c -> c.getFacts().personalData()),
	PEOPLE_COUNT(Kind.FACT_COUNT_CHANGED, c -> c.getFacts().peopleCount()),
	SENSITIVE_DATA(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().sensitiveData()),
	FINANCIAL_DATA(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().financialData()),
	STRONGLY_ENCRYPTED(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().stronglyEncrypted()),
	EU_RESIDENTS(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().euResidents()),
	IMPROPER_PURPOSE(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().improperPurpose()),
	VIRUS_OR_UNAUTHORISED_ACCESS(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().virusOrUnauthorisedAccess()),
	CRIME_SUSPECTED(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().crimeSuspected()),
	WORK_FOR_CLIENT(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().workForClient()),
	CLIENT_INFORMED(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().clientInformed()),
	DATA_ITEMS(Kind.FACT_TEXT_CHANGED, ReportingCase::getDataItems),
	SECONDARY_DAMAGE(Kind.FACT_TEXT_CHANGED, ReportingCase::getSecondaryDamage);

	private final Kind kind;

	private final Function<ReportingCase, Object> value;

	Fact(Kind kind, Function<ReportingCase, Object> value) {
		this.kind = kind;
		this.value = value;
	}

	/** The kind of timeline entry that records a change of this fact. */
	public Kind kind() {
		return this.kind;
	}

	/** Every fact's value in a case now; a value may be {@code null} (not known). */
	static Map<Fact, Object> valuesIn(ReportingCase reportingCase) {
		Map<Fact, Object> values = new EnumMap<>(Fact.class);
		for (Fact fact : values()) {
			values.put(fact, fact.value.apply(reportingCase));
		}
		return values;
	}

	/** The facts whose value differs, in this enum's order. */
	static List<Changed> changes(Map<Fact, Object> before, Map<Fact, Object> after) {
		List<Changed> changes = new ArrayList<>();
		for (Fact fact : values()) {
			if (!Objects.equals(before.get(fact), after.get(fact))) {
				changes.add(new Changed(fact, before.get(fact), after.get(fact)));
			}
		}
		return changes;
	}

	/** One fact's value, before and after a change. */
	record Changed(Fact fact, Object before, Object after) {
	}

}
