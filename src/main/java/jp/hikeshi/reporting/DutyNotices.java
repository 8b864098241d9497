package jp.hikeshi.reporting;

import java.util.List;
import java.util.Locale;

import jp.hikeshi.calendar.LegalDays;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentNotices;
import jp.hikeshi.shared.ReadableTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts each report still owed — also those to be decided (要判断) — with its deadline as a
 * calendar day and how it stands today, on the incident's page.
 */
@Component
class DutyNotices implements IncidentNotices {

	private final ReportingCaseRepository cases;

	private final ReportingService reporting;

	private final MessageSource messages;

	private final LegalDays legalDays;

	DutyNotices(ReportingCaseRepository cases, ReportingService reporting, MessageSource messages,
			LegalDays legalDays) {
		this.cases = cases;
		this.reporting = reporting;
		this.messages = messages;
		this.legalDays = legalDays;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Notice> noticesFor(Incident incident) {
		return this.cases.findByIncidentId(incident.getId())
			.map(reportingCase -> this.reporting.dutiesOf(reportingCase, incident)
				.stream()
				.filter(due -> !due.duty().isSettled())
				.map(due -> incident.isDrill() ? practice(due) : notice(due))
				.toList())
			.orElse(List.of());
	}

	private Notice notice(DueDuty due) {
		Locale locale = LocaleContextHolder.getLocale();
		Object what = resolvable("DutyType." + due.duty().getType().name());
		Object state = due.duty().isProvisional() ? resolvable("duty.provisional")
				: resolvable("DutyState." + due.duty().getState().name());
		Deadline deadline = due.deadline();
		String when;
		if (deadline.isDay()) {
			when = LegalDays.byEndOf(deadline.lastDay(), this.messages, locale) + " "
					+ this.legalDays.standing(deadline.lastDay());
		}
		else if (deadline.isMoment()) {
			when = this.messages.getMessage("deadline.at",
					new Object[] { ReadableTime.dateTime(deadline.end(), this.reporting.zone(), locale) }, locale);
		}
		else {
			when = this.messages.getMessage(
					(deadline.rule() == DeadlineRule.NONE) ? "deadline.none" : "deadline.promptly", null, locale);
		}
		return new Notice(new DefaultMessageSourceResolvable(new String[] { "duty.notice" },
				new Object[] { what, when, state }), due.urgency().name());
	}

	/** A drill's duty: worked out as for real, labelled 訓練のため届出不要, never urgent. */
	private Notice practice(DueDuty due) {
		return new Notice(new DefaultMessageSourceResolvable(new String[] { "duty.notice" },
				new Object[] { resolvable("DutyType." + due.duty().getType().name()), resolvable("duty.drill.deadline"),
						resolvable("duty.drill.practice") }),
				"DRILL");
	}

	private static DefaultMessageSourceResolvable resolvable(String code) {
		return new DefaultMessageSourceResolvable(code);
	}

}
