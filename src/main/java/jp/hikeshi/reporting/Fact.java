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

	LEAK(Kind.FACT_LEAK_CHANGED, c -> c.getFacts().leak()),
	LEAK_RULED_OUT_REASON(Kind.FACT_TEXT_CHANGED, c -> c.getFacts().leakRuledOutReason()),
	IMPROPER_PURPOSE(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().improperPurpose()),
	IMPROPER_PURPOSE_REASON(Kind.FACT_TEXT_CHANGED, c -> c.getFacts().improperPurposeReason()),
	VIRUS_OR_UNAUTHORISED_ACCESS(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().virusOrUnauthorisedAccess()),
	CRIME_SUSPECTED(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().crimeSuspected()),
	CLIENT_INFORMED(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().clientInformed()),
	TELECOM_SECRECY(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().telecomSecrecy()),
	GDPR_ESTABLISHMENT(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().gdprEstablishment()),
	GDPR_OFFERING(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().gdprOffering()),
	GDPR_MONITORING(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().gdprMonitoring()),
	EU_RESIDENTS(Kind.FACT_FLAG_CHANGED, c -> c.getFacts().euDataSubjects()),
	GDPR_MEMBER_STATES(Kind.FACT_TEXT_CHANGED, c -> c.getFacts().gdprMemberStates()),
	GDPR_RISK(Kind.FACT_GDPR_RISK_CHANGED, c -> c.getFacts().gdprRisk()),
	GDPR_EXEMPTION(Kind.FACT_GDPR_EXEMPTION_CHANGED, c -> c.getFacts().gdprExemption()),
	CAUSE(Kind.FACT_TEXT_CHANGED, c -> c.getFacts().cause()),
	CAUSED_BY(Kind.FACT_CAUSED_BY_CHANGED, c -> c.getFacts().causedBy()),
	SECONDARY_DAMAGE(Kind.FACT_TEXT_CHANGED, ReportingCase::getSecondaryDamage),
	PUBLIC_TITLE(Kind.FACT_TEXT_CHANGED, ReportingCase::getPublicTitle),

	// Facts of the first model, before data sets and おそれ: their timeline lines still read.
	PERSONAL_DATA(Kind.FACT_CHANGED, null),
	PEOPLE_COUNT(Kind.FACT_COUNT_CHANGED, null),
	SENSITIVE_DATA(Kind.FACT_FLAG_CHANGED, null),
	FINANCIAL_DATA(Kind.FACT_FLAG_CHANGED, null),
	STRONGLY_ENCRYPTED(Kind.FACT_FLAG_CHANGED, null),
	WORK_FOR_CLIENT(Kind.FACT_FLAG_CHANGED, null),
	DATA_ITEMS(Kind.FACT_TEXT_CHANGED, null);

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
			if (fact.value != null) {
				values.put(fact, fact.value.apply(reportingCase));
			}
		}
		return values;
	}

	/** The facts whose value differs, in this enum's order. */
	static List<Changed> changes(Map<Fact, Object> before, Map<Fact, Object> after) {
		List<Changed> changes = new ArrayList<>();
		for (Fact fact : values()) {
			if (fact.value != null && !Objects.equals(before.get(fact), after.get(fact))) {
				changes.add(new Changed(fact, before.get(fact), after.get(fact)));
			}
		}
		return changes;
	}

	/** One fact's value, before and after a change. */
	record Changed(Fact fact, Object before, Object after) {
	}

}
