package jp.hikeshi.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.reporting.ReportingService.AnnouncementToApprove;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after sign-in answers "what needs me now", for each role the reader holds: the
 * security lead's reports waiting in triage, the executive's decisions, the responder's
 * incidents; then the reports due soonest, the open measures, and what each role can do.
 */
@Controller
class HomeController {

	private static final int DUTIES_SHOWN = 8;

	/** Not yet taken before being judged; oldest first within each. */
	private static final Comparator<Incident> NOT_TAKEN_FIRST = Comparator
		.comparing((Incident incident) -> incident.getState() != IncidentState.REPORTED)
		.thenComparing(Incident::getReportedAt)
		.thenComparing(Incident::getId);

	private final IncidentService incidents;

	private final ReportingService reporting;

	private final PreventionService prevention;

	private final Clock clock;

	HomeController(IncidentService incidents, ReportingService reporting, PreventionService prevention, Clock clock) {
		this.clock = clock;
		this.incidents = incidents;
		this.reporting = reporting;
		this.prevention = prevention;
	}

	@GetMapping("/")
	String home(Authentication user, Model model) {
		Actor actor = Actor.of(user);
		if (actor.has(Role.SECURITY_LEAD)) {
			List<Incident> triage = this.incidents.triageQueue().stream().sorted(NOT_TAKEN_FIRST).toList();
			model.addAttribute("triage", triage);
			triage.stream()
				.min(Comparator.comparing(Incident::getReportedAt).thenComparing(Incident::getId))
				.ifPresent(oldest -> {
					model.addAttribute("oldest", oldest);
					model.addAttribute("oldestAge",
							Age.between(oldest.getReportedAt(), this.clock.instant()));
				});
		}
		if (actor.has(Role.EXECUTIVE)) {
			model.addAttribute("decisions", decisions(actor));
		}
		if (actor.has(Role.RESPONDER)) {
			model.addAttribute("assigned", this.incidents.assignedTo(actor));
		}
		model.addAttribute("duties", this.reporting.openDuties(actor).stream().limit(DUTIES_SHOWN).toList());
		model.addAttribute("measures", this.prevention.openMeasures(actor).stream().limit(DUTIES_SHOWN).toList());
		model.addAttribute("today", this.prevention.today());
		return "home/index";
	}

	private Decisions decisions(Actor actor) {
		List<Incident> awaiting = this.incidents.awaitingExecutive();
		return new Decisions(
				awaiting.stream().filter(incident -> incident.getState() == IncidentState.ESCALATED).toList(),
				awaiting.stream()
					.filter(incident -> incident.getState() == IncidentState.PREVENTION
							&& incident.getClosingApprovedAt() == null)
					.toList(),
				this.reporting.announcementsToApprove(actor));
	}

	/**
	 * What waits for the executive, each where it is decided: a response team to form, a closing
	 * to approve, an announcement to approve before it goes out.
	 */
	public record Decisions(List<Incident> teams, List<Incident> closings, List<AnnouncementToApprove> announcements) {

		public int count() {
			return this.teams.size() + this.closings.size() + this.announcements.size();
		}

		public boolean isEmpty() {
			return count() == 0;
		}

	}

	/**
	 * How long something has waited, in the one unit a person would say: minutes within the
	 * first hour, hours within the first two days, then days (message keys {@code home.age.*}).
	 */
	public record Age(Unit unit, long amount) {

		static Age between(Instant from, Instant now) {
			Duration waited = Duration.between(from, now);
			if (waited.isNegative()) {
				waited = Duration.ZERO;
			}
			if (waited.compareTo(Duration.ofHours(1)) < 0) {
				return new Age(Unit.MINUTES, waited.toMinutes());
			}
			if (waited.compareTo(Duration.ofDays(2)) < 0) {
				return new Age(Unit.HOURS, waited.toHours());
			}
			return new Age(Unit.DAYS, waited.toDays());
		}

		public enum Unit {

			MINUTES, HOURS, DAYS

		}

	}

}
