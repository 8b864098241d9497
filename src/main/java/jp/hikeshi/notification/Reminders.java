package jp.hikeshi.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.account.Role;
import jp.hikeshi.calendar.LegalDeadlines;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.reporting.Deadline;
import jp.hikeshi.reporting.DeadlineRule;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.reporting.ReportingService;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of the table that follow from time passing: a report nobody took, a report owed that
 * comes due, a prevention measure that comes due, the morning digest. One scan looks at what is
 * open now; each reminder's key names its stage and its deadline, so it is written once however
 * often the scan runs, and again only if the deadline moves. Across nodes the scan runs under a
 * PostgreSQL advisory lock: a second node finds it taken and skips its turn.
 */
@Component
class Reminders {

	/** The advisory lock's key: "hikeshi" on a phone keypad. */
	private static final long SCAN_LOCK = 4453744L;

	private static final int MEASURE_DAYS_AHEAD = 7;

	/** Days a 「速やかに」 report may wait undecided before each reminder. */
	private static final List<Integer> PROMPTLY_MILESTONES = List.of(1, 3, 7);

	/** A 72-hour deadline is "today" in its last 12 hours. */
	private static final Duration MOMENT_TODAY = Duration.ofHours(12);

	/** Reports nobody took within the triage time whose reminder is not written yet (the key of {@link #untakenKey}). */
	private static final String UNTAKEN = """
			select i.id, i.reference from incident i
			where i.state = 'REPORTED' and not i.drill and i.reported_at <= ?
			  and not exists (select 1 from notification n where n.occurrence = 'incident:' || i.id || ':untaken')
			order by i.reported_at, i.id
			limit ?""";

	/** At most this many untaken-report reminders a scan; the next scan takes the rest. */
	static final int UNTAKEN_BATCH = 200;

	private final JdbcTemplate jdbc;

	private final Notifier notifier;

	private final NotificationSettings settings;

	private final People people;

	private final IncidentService incidents;

	private final ReportingService reporting;

	private final PreventionService prevention;

	private final OrganisationService organisations;

	private final IntegrationFeed integrations;

	Reminders(JdbcTemplate jdbc, Notifier notifier, NotificationSettings settings, People people,
			IncidentService incidents, ReportingService reporting, PreventionService prevention,
			OrganisationService organisations, IntegrationFeed integrations) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.settings = settings;
		this.people = people;
		this.incidents = incidents;
		this.reporting = reporting;
		this.prevention = prevention;
		this.organisations = organisations;
		this.integrations = integrations;
	}

	/**
	 * Writes the reminders due at {@code now}.
	 * @return how many notification rows were new; {@code -1} when another node holds the scan
	 */
	@Transactional
	public int scan(Instant now) {
		Boolean mine = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SCAN_LOCK);
		if (!Boolean.TRUE.equals(mine)) {
			return -1;
		}
		CompanySettings company = this.settings.company();
		ZoneId zone = this.organisations.timeZone();
		int written = untakenReports(now, company.triageTimeoutMinutes());
		written += deadlines(now);
		written += measures(LocalDate.ofInstant(now, zone));
		written += digests(now, zone, company.digestHour());
		return written;
	}

	private int untakenReports(Instant now, int minutes) {
		// only the reports whose reminder is not written yet, oldest first and a bounded batch a
		// scan: the scan runs every minute and must not load every report ever left untaken
		List<Occurrence> due = this.jdbc.query(UNTAKEN, (row, n) -> {
			long id = row.getLong("id");
			return Occurrence.of(Rule.TRIAGE_WAITING, untakenKey(id), id, row.getString("reference"),
					Map.of("minutes", String.valueOf(minutes)), "/incidents/" + id);
		}, java.sql.Timestamp.from(now.minus(Duration.ofMinutes(minutes))), UNTAKEN_BATCH);
		List<String> told = union(this.people.holding(Role.SECURITY_LEAD), this.people.holding(Role.EXECUTIVE));
		int written = 0;
		for (Occurrence occurrence : notYetTold(due)) {
			written += this.notifier.tell(occurrence, told);
		}
		return written;
	}

	private int deadlines(Instant now) {
		List<DueDuty> open = this.reporting.openDuties();
		Map<Long, Incident> incidents = this.incidents
			.findAllById(open.stream().map(DueDuty::incidentId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Incident::getId, Function.identity()));
		List<String> owners = union(this.people.holding(Role.SECURITY_LEAD), this.people.holding(Role.EXECUTIVE));
		Map<Occurrence, List<String>> due = new LinkedHashMap<>();
		// the same stage for the integrations' endpoints, under the same key: once each
		Map<String, Runnable> integrationEvents = new HashMap<>();
		for (DueDuty duty : open) {
			Deadline deadline = duty.deadline();
			Integer waited = (deadline.rule() == DeadlineRule.PROMPTLY)
					? promptlyWaited(duty.duty().getClockFrom(), now) : null;
			Stage stage = (waited != null) ? Stage.PROMPTLY_WAITING : stageOf(deadline, now);
			if (stage == null || duty.duty().isSettled()) {
				continue;
			}
			Incident incident = incidents.get(duty.incidentId());
			List<String> told = new ArrayList<>(owners);
			if (incident != null && incident.getResponsible() != null) {
				told.add(incident.getResponsible());
			}
			Map<String, String> params = new HashMap<>();
			params.put("variant", stage.name());
			params.put("label", "DutyType." + duty.duty().getType().name());
			if (deadline.isDay()) {
				params.put("dueDay", deadline.lastDay().toString());
			}
			else if (deadline.end() != null) {
				params.put("dueAt", deadline.end().toString());
			}
			if (waited != null) {
				params.put("days", String.valueOf(waited));
			}
			// each stage once for its deadline; 「速やかに」 once for each of its milestones
			String when = (waited != null) ? waited + "d" : String.valueOf(deadline.end());
			// the responsible person may be a responder, who opens the incident but not step 2's page
			Occurrence occurrence = Occurrence.of(Rule.forDuty(duty.duty().getType()),
					"duty:" + duty.duty().getId() + ":" + stage + ":" + when, duty.incidentId(), duty.reference(),
					params, "/incidents/" + duty.incidentId() + "/reporting")
				.withTeamLink("/incidents/" + duty.incidentId());
			due.put((stage == Stage.OVERDUE) ? occurrence.first() : occurrence, told);
			integrationEvents.put(occurrence.key(),
					() -> this.integrations.dutyDue(occurrence.key(), incident, duty, stage));
		}
		int written = 0;
		for (Occurrence occurrence : notYetTold(due.keySet())) {
			written += this.notifier.tell(occurrence, due.get(occurrence));
			integrationEvents.get(occurrence.key()).run();
		}
		return written;
	}

	/**
	 * Where a deadline stands: due soon (the day before its last day, or past a 速報's target
	 * day), due today (its last day, or a 72-hour deadline's last 12 hours), overdue; {@code null}
	 * when it is calm or has no date.
	 */
	static Stage stageOf(Deadline deadline, Instant now) {
		if (deadline.end() == null) {
			return null;
		}
		if (!now.isBefore(deadline.end())) {
			return Stage.OVERDUE;
		}
		if (deadline.isDay()) {
			LocalDate today = LocalDate.ofInstant(now, LegalDeadlines.JAPAN);
			long left = ChronoUnit.DAYS.between(today, deadline.lastDay());
			boolean pastTarget = deadline.targetDay() != null && today.isAfter(deadline.targetDay());
			return (left == 0) ? Stage.DUE_TODAY : (left == 1 || pastTarget) ? Stage.DUE_SOON : null;
		}
		Duration left = Duration.between(now, deadline.end());
		return (left.compareTo(MOMENT_TODAY) <= 0) ? Stage.DUE_TODAY
				: (deadline.urgency(now) == Deadline.Urgency.DUE_SOON) ? Stage.DUE_SOON : null;
	}

	/**
	 * 「速やかに」 (without delay) has no date to count down to, yet it is due from the start: it is
	 * reminded when it has waited undecided a day, three days and a week since its clock started.
	 * @return the last of those milestones reached, in days; {@code null} before the first
	 */
	static Integer promptlyWaited(Instant clockFrom, Instant now) {
		if (clockFrom == null) {
			return null;
		}
		long days = Duration.between(clockFrom, now).toDays();
		Integer reached = null;
		for (int milestone : PROMPTLY_MILESTONES) {
			if (days >= milestone) {
				reached = milestone;
			}
		}
		return reached;
	}

	private int measures(LocalDate today) {
		List<String> leads = this.people.holding(Role.SECURITY_LEAD);
		Map<Occurrence, List<String>> due = new LinkedHashMap<>();
		for (Measure measure : this.prevention.openMeasures()) {
			String stage = measure.dueOn().isBefore(today) ? "overdue"
					: !measure.dueOn().isAfter(today.plusDays(MEASURE_DAYS_AHEAD)) ? "soon" : null;
			if (stage == null) {
				continue;
			}
			due.put(Occurrence.of(Rule.MEASURE_DUE,
					"measure:" + measure.id() + ":" + stage + ":" + measure.dueOn(), measure.incidentId(),
					measure.incidentReference(), Map.of("variant", stage, "label", "MeasureKind." + measure.kind().name(),
							"dueDay", measure.dueOn().toString()),
					"/measures"), union(List.of(measure.owner()), leads));
		}
		int written = 0;
		for (Occurrence occurrence : notYetTold(due.keySet())) {
			written += this.notifier.tell(occurrence, due.get(occurrence));
		}
		return written;
	}

	/** From the digest hour on, once a day, to each person who asked: what waits for them now. */
	private int digests(Instant now, ZoneId zone, int hour) {
		ZonedDateTime local = now.atZone(zone);
		if (local.getHour() < hour) {
			return 0;
		}
		LocalDate today = local.toLocalDate();
		List<String> readers = new ArrayList<>(this.settings.digestReaders());
		readers.removeAll(this.jdbc.queryForList(
				"select recipient from notification where occurrence = ? and recipient = any(?)", String.class,
				"digest:" + today, readers.toArray(String[]::new)));
		if (readers.isEmpty()) {
			return 0;
		}
		List<String> leads = this.people.holding(Role.SECURITY_LEAD);
		List<String> executives = this.people.holding(Role.EXECUTIVE);
		// reports not yet taken: the ones waiting for a lead
		long triage = this.incidents.countUntaken();
		// teams to form and closings to approve, and the announcements waiting for approval
		long decisions = this.incidents.awaitingExecutive(PageRequest.of(0, 1)).getTotalElements()
				+ this.reporting.announcementsToApprove(new Actor("digest", Set.of(Role.EXECUTIVE))).size();
		long dutiesDue = this.reporting.openDuties().stream().filter(due -> due.urgency().dueNow()).count();
		List<Measure> measures = this.prevention.openMeasures();
		int written = 0;
		for (String reader : readers) {
			boolean lead = leads.contains(reader);
			boolean executive = executives.contains(reader);
			Map<String, String> counts = new HashMap<>();
			counts.put("triage", String.valueOf(lead ? triage : 0));
			counts.put("decisions", String.valueOf(executive ? decisions : 0));
			counts.put("duties", String.valueOf((lead || executive) ? dutiesDue : 0));
			counts.put("assigned", String.valueOf(this.incidents.assignedTo(new Actor(reader, Set.of()), PageRequest.of(0, 1)).getTotalElements()));
			counts.put("measures", String.valueOf(measures.stream()
				.filter(m -> (lead || reader.equals(m.owner())) && !m.dueOn().isAfter(today.plusDays(MEASURE_DAYS_AHEAD)))
				.count()));
			counts.put("dueDay", today.toString());
			written += this.notifier.tell(Occurrence.of(Rule.DAILY_DIGEST, "digest:" + today, null, null, counts, "/"),
					List.of(reader));
		}
		return written;
	}

	/** The occurrences nobody was told of yet: one query, so a rescan every minute costs little. */
	private List<Occurrence> notYetTold(java.util.Collection<Occurrence> candidates) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		Set<String> told = new java.util.HashSet<>(this.jdbc.queryForList(
				"select distinct occurrence from notification where occurrence = any(?)", String.class,
				(Object) candidates.stream().map(Occurrence::key).toArray(String[]::new)));
		return candidates.stream().filter(occurrence -> !told.contains(occurrence.key())).toList();
	}

	private static String untakenKey(long incidentId) {
		return "incident:" + incidentId + ":untaken";
	}

	private static List<String> union(List<String> one, List<String> other) {
		LinkedHashSet<String> all = new LinkedHashSet<>(one);
		all.addAll(other);
		return List.copyOf(all);
	}

	/** How near a deadline is, each stage reminded once. */
	enum Stage {

		DUE_SOON, DUE_TODAY, OVERDUE,

		/** Owed 「速やかに」 and still undecided after a day, three days, a week. */
		PROMPTLY_WAITING

	}

}
