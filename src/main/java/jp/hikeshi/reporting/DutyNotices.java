package jp.hikeshi.reporting;

import java.util.List;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentNotices;
import jp.hikeshi.shared.ReadableTime;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts each report still owed, with its deadline and urgency, on the incident's page. */
@Component
class DutyNotices implements IncidentNotices {


	private final ReportingCaseRepository cases;

	private final ReportingService reporting;

	DutyNotices(ReportingCaseRepository cases, ReportingService reporting) {
		this.cases = cases;
		this.reporting = reporting;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Notice> noticesFor(Incident incident) {
		return this.cases.findByIncidentId(incident.getId())
			.map(reportingCase -> this.reporting.dutiesOf(reportingCase, incident)
				.stream()
				.filter(due -> !due.duty().isSettled())
				.map(this::notice)
				.toList())
			.orElse(List.of());
	}

	private Notice notice(DueDuty due) {
		Object what = resolvable("DutyType." + due.duty().getType().name());
		Object state = resolvable("DutyState." + due.duty().getState().name());
		Object when = (due.deadline() == null) ? resolvable("Urgency.PROMPTLY")
				: ReadableTime.dateTime(due.deadline(), this.reporting.zone(), LocaleContextHolder.getLocale());
		return new Notice(new DefaultMessageSourceResolvable(new String[] { "duty.notice" },
				new Object[] { what, when, state }), due.urgency().name());
	}

	private static DefaultMessageSourceResolvable resolvable(String code) {
		return new DefaultMessageSourceResolvable(code);
	}

}
