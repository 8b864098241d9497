package jp.hikeshi.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.hikeshi.reporting.Deadlines.Urgency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When reports are due (DOMAIN.md §4): a day-counted deadline ends at local midnight at the end
 * of its last day, counted from the local day of discovery in the organisation's zone.
 */
class DeadlinesTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final Facts NO_IMPROPER_PURPOSE = facts(false);

	private static final Facts IMPROPER_PURPOSE = facts(true);

	@Test
	void preliminaryEndsAtMidnightAfterTheFifthDay() {
		assertThat(deadline(DutyType.PPC_PRELIMINARY, jst("2026-01-10T15:00"), NO_IMPROPER_PURPOSE))
			.isEqualTo(jst("2026-01-16T00:00"));
	}

	@ParameterizedTest(name = "discovered {0} JST -> preliminary {1} JST")
	@CsvSource({
			// The time of day does not matter, only the local day of discovery.
			"2026-01-10T00:00,              2026-01-16T00:00",
			"2026-01-10T23:59:59.999999999, 2026-01-16T00:00",
			"2026-01-11T00:00,              2026-01-17T00:00" })
	void preliminaryCountsFromTheLocalDayOfDiscovery(String discovered, String expected) {
		assertThat(deadline(DutyType.PPC_PRELIMINARY, jst(discovered), NO_IMPROPER_PURPOSE)).isEqualTo(jst(expected));
	}

	@Test
	void acrossTheMonthEnd() {
		Instant discovered = jst("2026-01-31T23:30");

		assertThat(deadline(DutyType.PPC_PRELIMINARY, discovered, NO_IMPROPER_PURPOSE))
			.isEqualTo(jst("2026-02-06T00:00"));
		// January 31 + 30 days = March 2 (February 2026 has 28 days); it ends at March 3, 00:00.
		assertThat(deadline(DutyType.PPC_FINAL, discovered, NO_IMPROPER_PURPOSE)).isEqualTo(jst("2026-03-03T00:00"));
	}

	@Test
	void acrossTheYearEnd() {
		Instant discovered = jst("2026-12-29T10:00");

		assertThat(deadline(DutyType.PPC_PRELIMINARY, discovered, NO_IMPROPER_PURPOSE))
			.isEqualTo(jst("2027-01-04T00:00"));
		assertThat(deadline(DutyType.PPC_FINAL, discovered, NO_IMPROPER_PURPOSE)).isEqualTo(jst("2027-01-29T00:00"));
		// Improper purpose: 60 days. December 29 + 60 = February 27, 2027; it ends at February 28, 00:00.
		assertThat(deadline(DutyType.PPC_FINAL, discovered, IMPROPER_PURPOSE)).isEqualTo(jst("2027-02-28T00:00"));
	}

	@Test
	void finalIn30DaysAcrossALeapDay() {
		// February 28, 2028 + 30 days = March 29 (February 2028 has 29 days); it ends at March 30, 00:00.
		assertThat(deadline(DutyType.PPC_FINAL, jst("2028-02-28T09:00"), NO_IMPROPER_PURPOSE))
			.isEqualTo(jst("2028-03-30T00:00"));
		// The same day in a common year ends a day later in the calendar: March 1 + 29 days.
		assertThat(deadline(DutyType.PPC_FINAL, jst("2027-02-28T09:00"), NO_IMPROPER_PURPOSE))
			.isEqualTo(jst("2027-03-31T00:00"));
	}

	@Test
	void theLocalDayDecidesNotTheUtcDay() {
		Instant discovered = jst("2026-03-01T00:30");
		assertThat(discovered).isEqualTo(Instant.parse("2026-02-28T15:30:00Z"));

		Instant inTokyo = Deadlines.of(DutyType.PPC_PRELIMINARY, discovered, NO_IMPROPER_PURPOSE, TOKYO).orElseThrow();
		Instant inUtc = Deadlines.of(DutyType.PPC_PRELIMINARY, discovered, NO_IMPROPER_PURPOSE, ZoneOffset.UTC)
			.orElseThrow();

		// In Tokyo it was already March 1: the report is due at the end of March 6, Tokyo time.
		assertThat(inTokyo).isEqualTo(jst("2026-03-07T00:00")).isEqualTo(Instant.parse("2026-03-06T15:00:00Z"));
		// For an organisation in UTC it was still February 28: due at the end of March 5, UTC.
		assertThat(inUtc).isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));
		assertThat(inTokyo).isNotEqualTo(inUtc);
	}

	@Test
	void finalIn60DaysOnlyWhereAnImproperPurposeIsPossible() {
		Instant discovered = jst("2026-01-10T15:00");

		assertThat(deadline(DutyType.PPC_FINAL, discovered, NO_IMPROPER_PURPOSE)).isEqualTo(jst("2026-02-10T00:00"));
		assertThat(deadline(DutyType.PPC_FINAL, discovered, IMPROPER_PURPOSE)).isEqualTo(jst("2026-03-12T00:00"));
		// The preliminary report does not get longer for it.
		assertThat(deadline(DutyType.PPC_PRELIMINARY, discovered, IMPROPER_PURPOSE))
			.isEqualTo(jst("2026-01-16T00:00"));
	}

	@Test
	void euAuthorityExactly72HoursAfterTheDiscoveryInstant() {
		Instant discovered = jst("2026-01-10T15:04:05.123");

		Instant deadline = deadline(DutyType.EU_AUTHORITY, discovered, NO_IMPROPER_PURPOSE);

		assertThat(deadline).isEqualTo(jst("2026-01-13T15:04:05.123"));
		assertThat(Duration.between(discovered, deadline)).isEqualTo(Duration.ofHours(72));
		// Hours, not days: the organisation's zone plays no part.
		assertThat(Deadlines.of(DutyType.EU_AUTHORITY, discovered, NO_IMPROPER_PURPOSE, ZoneOffset.UTC))
			.contains(deadline);
	}

	@ParameterizedTest
	@EnumSource(value = DutyType.class, names = { "IPA", "POLICE", "CLIENT", "MINISTRY", "PERSON_NOTICE" })
	void promptDutiesHaveNoDeadline(DutyType type) {
		assertThat(Deadlines.of(type, jst("2026-01-10T15:00"), IMPROPER_PURPOSE, TOKYO)).isEqualTo(Optional.empty());
	}

	@Test
	void noDeadlineMeansPromptly() {
		assertThat(Deadlines.urgency(null, jst("2026-01-10T15:00"))).isEqualTo(Urgency.PROMPTLY);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
			// After the deadline, by however little.
			"PT0.000000001S, OVERDUE",
			"PT1S,           OVERDUE",
			"P3D,            OVERDUE",
			// At the deadline itself it has not passed yet.
			"PT0S,           DUE_SOON",
			"-PT1H,          DUE_SOON",
			"-P1D,           DUE_SOON",
			"-PT47H59M59S,   DUE_SOON",
			// Boundary: exactly two days before is not yet "due soon" (the window is strictly less than
			// Deadlines.DUE_SOON); it becomes due soon the instant after.
			"-P2D,           ON_TRACK",
			"-PT48H0.000000001S, ON_TRACK",
			"-P10D,          ON_TRACK" })
	void urgencyOfADeadline(Duration nowRelativeToDeadline, Urgency expected) {
		Instant deadline = jst("2026-01-16T00:00");

		assertThat(Deadlines.urgency(deadline, deadline.plus(nowRelativeToDeadline))).isEqualTo(expected);
	}

	@Test
	void exactlyTwoDaysBeforeIsOnTrackAndTheNextInstantIsDueSoon() {
		Instant deadline = jst("2026-01-16T00:00");
		Instant twoDaysBefore = deadline.minus(Deadlines.DUE_SOON);

		assertThat(Deadlines.DUE_SOON).isEqualTo(Duration.ofDays(2));
		assertThat(Deadlines.urgency(deadline, twoDaysBefore)).isEqualTo(Urgency.ON_TRACK);
		assertThat(Deadlines.urgency(deadline, twoDaysBefore.plusNanos(1))).isEqualTo(Urgency.DUE_SOON);
	}

	private static Instant deadline(DutyType type, Instant discovered, Facts facts) {
		return Deadlines.of(type, discovered, facts, TOKYO).orElseThrow();
	}

	/** A local date-time in Tokyo (always +09:00: Japan has no summer time). */
	private static Instant jst(String localDateTime) {
		return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
	}

	private static Facts facts(boolean improperPurpose) {
		return new Facts(Answer.YES, null, false, false, false, improperPurpose, false, false, false, false, false);
	}

}
