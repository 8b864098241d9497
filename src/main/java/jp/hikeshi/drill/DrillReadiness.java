package jp.hikeshi.drill;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.ReadableTime;
import jp.hikeshi.shared.Readiness;
import jp.hikeshi.shared.web.Notice;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The executive's readiness line for drills: ready when a drill ended within the last twelve
 * months, to be looked at when the last one is older, missing when there never was one. The line
 * says when and how many points it found, and links to its debrief.
 */
@Component
class DrillReadiness implements Readiness {

	private final DrillService drills;

	private final IncidentService incidents;

	private final java.time.Clock clock;

	DrillReadiness(DrillService drills, IncidentService incidents, java.time.Clock clock) {
		this.drills = drills;
		this.incidents = incidents;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public Line check() {
		Optional<Drill> last = this.drills.lastEnded();
		if (last.isEmpty()) {
			return new Line(Notice.of("readiness.drill.label"), State.MISSING, Notice.of("readiness.drill.never"),
					"/drills");
		}
		Drill drill = last.get();
		ZoneId zone = this.incidents.zone();
		LocalDate ended = LocalDate.ofInstant(drill.endedAt(), zone);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), zone);
		State state = ended.isAfter(today.minusMonths(12)) ? State.READY : State.ATTENTION;
		return new Line(Notice.of("readiness.drill.label"), state,
				Notice.of("readiness.drill.last", ReadableTime.day(ended, LocaleContextHolder.getLocale()),
						this.drills.findings(drill)),
				"/drills/" + drill.id());
	}

}
