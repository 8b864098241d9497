package jp.hikeshi.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentNotices;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * On a drill's incident page: that it is practice, and each inject as it falls due (start plus
 * its minutes, worked out as the page renders), until the lead reads it out on the drill's page.
 */
@Component
class DrillNotices implements IncidentNotices {

	private final DrillService drills;

	DrillNotices(DrillService drills) {
		this.drills = drills;
	}

	@Override
	public List<Notice> noticesFor(Incident incident) {
		if (!incident.isDrill()) {
			return List.of();
		}
		Locale locale = LocaleContextHolder.getLocale();
		List<Notice> notices = new ArrayList<>();
		this.drills.findByIncident(incident.getId()).ifPresent(drill -> {
			notices.add(new Notice(new DefaultMessageSourceResolvable(new String[] { "drill.notice.practice" },
					new Object[] { drill.name(locale) }), "DRILL"));
			if (drill.isRunning()) {
				this.drills.dueInjects(drill)
					.stream()
					.filter(inject -> !inject.isRead())
					.forEach(inject -> notices.add(new Notice(new DefaultMessageSourceResolvable(
							new String[] { "drill.notice.inject" }, new Object[] { inject.text(locale) }), "DRILL")));
			}
		});
		return notices;
	}

}
