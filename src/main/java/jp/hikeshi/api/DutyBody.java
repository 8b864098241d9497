package jp.hikeshi.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

import jp.hikeshi.account.People;
import jp.hikeshi.calendar.LegalDeadlines;
import jp.hikeshi.reporting.Deadline;
import jp.hikeshi.reporting.DeadlineRule;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;

import org.springframework.context.MessageSource;

/**
 * One report owed, as the API shows it: what, why (each reason in the caller's language), on
 * what legal basis, by when — the legal limit and, where Hikeshi aims earlier, the target, both
 * as a day in Japan and the moment it ends — how urgent now, and what was decided.
 */
@Schema(name = "Duty", description = "One report owed for an incident.")
record DutyBody(
		@Schema(description = "The duty's id (stable for the incident).") long id,
		@Schema(description = "Which report.") DutyApiType type,
		@Schema(description = "Its name, in the caller's language.") String label,
		@Schema(description = "要判断: the facts cannot decide yet whether it is owed; its clock runs all the same.") boolean provisional,
		Duty.State state, String stateLabel,
		@Schema(description = "Why it applies (or may), in the caller's language.") List<DutyReason> reasons,
		@Schema(description = "The legal basis and how its deadline counts, in the caller's language.") String source,
		@Schema(description = "How the deadline is counted: NONE, PROMPTLY, DAYS_3_TO_5, DAYS_30, DAYS_60, HOURS_72.") DeadlineRule rule,
		@Schema(description = "The legal limit; null for \"promptly\" and for none.", nullable = true) DutyDeadline deadline,
		@Schema(description = "Where Hikeshi aims earlier than the limit (day 3 of a preliminary report); else null.", nullable = true) DutyDeadline target,
		@Schema(description = "OVERDUE, DUE_SOON, PROMPTLY (due now, no date), ON_TRACK, NO_DEADLINE. A filed or waived report is ON_TRACK.") Deadline.Urgency urgency,
		String urgencyLabel,
		@Schema(description = "Whole days from today in Japan to the last day: 0 on the day, negative when overdue; null without a day.", nullable = true) Long daysLeft,
		@Schema(nullable = true) DutyFiling filing,
		@Schema(nullable = true) DutyWaiver waiver,
		@Schema(description = "Who filed, waived or marked it not yet due, and when.", nullable = true) Person decidedBy,
		@Schema(nullable = true) OffsetDateTime decidedAt) {

	static final String EXAMPLE = """
			{"id": 310, "type": "PPC_PRELIMINARY", "label": "個人情報保護委員会への速報", "provisional": false,
			 "state": "TO_DO", "stateLabel": "未対応",
			 "reasons": [{"code": "duty.reason.overThousand", "message": "本人の数（最大）が1,000人を超えています。"}],
			 "source": "個人情報保護法第26条第1項、施行規則第7条・第8条第1項：速やかに（概ね3〜5日以内）…",
			 "rule": "DAYS_3_TO_5",
			 "deadline": {"lastDay": "2026-12-05", "endsAt": "2026-12-06T00:00:00+09:00", "zone": "Asia/Tokyo"},
			 "target": {"lastDay": "2026-12-03", "endsAt": "2026-12-04T00:00:00+09:00", "zone": "Asia/Tokyo"},
			 "urgency": "ON_TRACK", "urgencyLabel": "期限内", "daysLeft": 3,
			 "filing": null, "waiver": null, "decidedBy": null, "decidedAt": null}""";

	static DutyBody of(DueDuty due, MessageSource messages, Locale locale, People.Directory directory,
			ZoneId zone) {
		Duty duty = due.duty();
		Deadline deadline = due.deadline();
		DutyDeadline limit = deadline.isDay() ? DutyDeadline.endOf(deadline.lastDay())
				: deadline.isMoment() ? DutyDeadline.at(deadline.end()) : null;
		DutyDeadline target = (deadline.targetDay() != null) ? DutyDeadline.endOf(deadline.targetDay()) : null;
		String type = duty.getType().name();
		List<DutyReason> reasons = duty.getReasons()
			.stream()
			.map(code -> new DutyReason(code, messages.getMessage(code, null, code, locale)))
			.toList();
		DutyFiling filing = (duty.getState() == Duty.State.FILED) ? new DutyFiling(duty.getFiledOn(),
				duty.getFilingReference(), duty.getLateReason(), duty.getNoticeOutcome(), duty.getAlternativeMeasure())
				: null;
		DutyWaiver waiver = (duty.getState() == Duty.State.WAIVED) ? new DutyWaiver(duty.getWaiverReason()) : null;
		return new DutyBody(duty.getId(), DutyApiType.of(duty.getType()),
				messages.getMessage("DutyType." + type, null, type, locale), duty.isProvisional(), duty.getState(),
				messages.getMessage("DutyState." + duty.getState().name(), null, locale), reasons,
				messages.getMessage("DutyType." + type + ".source", null, "", locale), deadline.rule(), limit, target,
				due.urgency(), messages.getMessage("Urgency." + due.urgency().name(), null, locale), due.daysLeft(),
				filing, waiver, Person.of(duty.getDecidedBy(), directory),
				(duty.getDecidedAt() == null) ? null : duty.getDecidedAt().atZone(zone).toOffsetDateTime());
	}

	/** The reports the API names; the model's names where they differ. */
	enum DutyApiType {

		PPC_PRELIMINARY(DutyType.PPC_PRELIMINARY), PPC_FINAL(DutyType.PPC_FINAL),
		PERSON_NOTICE(DutyType.PERSON_NOTICE), MY_NUMBER_PRELIMINARY(DutyType.MYNUMBER_PRELIMINARY),
		MY_NUMBER_FINAL(DutyType.MYNUMBER_FINAL), IPA(DutyType.IPA), POLICE(DutyType.POLICE),
		MINISTRY(DutyType.MINISTRY), MINISTRY_FINAL(DutyType.MINISTRY_FINAL), CLIENT(DutyType.CLIENT),
		EU_AUTHORITY(DutyType.EU_AUTHORITY), EU_DATA_SUBJECTS(DutyType.EU_SUBJECTS);

		private final DutyType type;

		DutyApiType(DutyType type) {
			this.type = type;
		}

		DutyType type() {
			return this.type;
		}

		static DutyApiType of(DutyType type) {
			return Arrays.stream(values()).filter(api -> api.type == type).findFirst().orElseThrow();
		}

		/** The report a path names, as the API spells it; empty for anything else. */
		static Optional<DutyApiType> named(String name) {
			return Arrays.stream(values()).filter(api -> api.name().equals(name)).findFirst();
		}

	}

	/** Why a duty applies, as a code a script tests and a sentence a person reads. */
	record DutyReason(String code, String message) {
	}

	/**
	 * A deadline: the last day in Japan and the moment it ends (24:00 JST, written as the next
	 * day's 00:00+09:00). For GDPR's 72 hours, the moment itself and the day in Japan it falls in.
	 */
	@Schema(description = "A deadline: the last day (in Japan) and the moment it ends.")
	record DutyDeadline(@Schema(example = "2026-12-05") LocalDate lastDay,
			@Schema(example = "2026-12-06T00:00:00+09:00") OffsetDateTime endsAt,
			@Schema(example = "Asia/Tokyo") String zone) {

		static DutyDeadline endOf(LocalDate day) {
			return at(LegalDeadlines.endOf(day));
		}

		static DutyDeadline at(Instant end) {
			OffsetDateTime ends = end.atZone(LegalDeadlines.JAPAN).toOffsetDateTime();
			// the last day on which it can still be done: 00:00 ends the day before
			return new DutyDeadline(LocalDate.ofInstant(end.minusNanos(1), LegalDeadlines.JAPAN), ends,
					LegalDeadlines.JAPAN.getId());
		}

	}

	/** A report filed: the day, the authority's reference; for the EU authority a late notice's reason, for the notice to the people how they were reached. */
	record DutyFiling(LocalDate filedOn, String reference, String lateReason, Duty.NoticeOutcome outcome,
			Duty.AlternativeMeasure alternative) {
	}

	/** The decision not to file it, and why. */
	record DutyWaiver(String reason) {
	}

	/** The incident a duty belongs to, in the list across incidents. */
	record DutyIncident(long id, String reference, String title) {
	}

	/** A duty in the list across incidents: its incident, and the duty's own fields beside it. */
	@Schema(name = "DueDuty", description = "A report still owed: its incident, and the fields of a Duty beside it.")
	record DutyDue(DutyIncident incident, @JsonUnwrapped DutyBody duty) {
	}

}
