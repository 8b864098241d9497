package jp.hikeshi.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.reporting.ReportingService.AnnouncementToApprove;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
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

	/** How many of each list the page shows; the rest are a link away. */
	static final int SHOWN = 8;

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
		Pageable first = PageRequest.of(0, SHOWN);
		if (actor.has(Role.SECURITY_LEAD)) {
			// not yet taken before being judged, oldest first within each
			Page<Incident> untaken = this.incidents.inState(IncidentState.REPORTED, first);
			Page<Incident> judged = this.incidents.inState(IncidentState.TRIAGE, first);
			List<Incident> shown = Stream.concat(untaken.stream(), judged.stream()).limit(SHOWN).toList();
			model.addAttribute("triage", new PageImpl<>(shown, first, untaken.getTotalElements() + judged.getTotalElements()));
			Stream.concat(untaken.stream().limit(1), judged.stream().limit(1))
				.min(Comparator.comparing(Incident::getReportedAt).thenComparing(Incident::getId))
				.ifPresent(oldest -> {
					model.addAttribute("oldest", oldest);
					model.addAttribute("oldestAge",
							Age.between(oldest.getReportedAt(), this.clock.instant()));
				});
		}
		if (actor.has(Role.EXECUTIVE)) {
			model.addAttribute("decisions", new Decisions(this.incidents.inState(IncidentState.ESCALATED, first),
					this.incidents.closingsToApprove(first), this.reporting.announcementsToApprove(actor)));
		}
		if (actor.has(Role.RESPONDER)) {
			model.addAttribute("assigned", this.incidents.assignedTo(actor, first));
		}
		model.addAttribute("duties", this.reporting.openDuties(actor).stream().limit(SHOWN).toList());
		model.addAttribute("measures", this.prevention.openMeasures(actor).stream().limit(SHOWN).toList());
		model.addAttribute("today", this.prevention.today());
		return "home/index";
	}

	/**
	 * What waits for the executive, each where it is decided: a response team to form, a closing
	 * to approve, an announcement to approve before it goes out.
	 */
	public record Decisions(Page<Incident> teams, Page<Incident> closings, List<AnnouncementToApprove> announcements) {

		public long count() {
			return this.teams.getTotalElements() + this.closings.getTotalElements() + this.announcements.size();
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
