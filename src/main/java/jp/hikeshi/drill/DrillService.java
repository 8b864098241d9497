package jp.hikeshi.drill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentEvents;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.incident.Unmet;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs drills: starts one from a scenario on an incident marked 訓練, reads its injects out as
 * they fall due, ends it and gathers the debrief. Only the security lead starts, runs and ends a
 * drill; the executive reads the debriefs.
 */
@Service
@Transactional
public class DrillService {

	static final int MAX_NOTE = 2000;

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final Scenarios scenarios;

	private final IncidentService incidents;

	private final ReportingService reporting;

	private final PreventionService prevention;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DrillService(JdbcTemplate jdbc, Scenarios scenarios, IncidentService incidents, ReportingService reporting,
			PreventionService prevention, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.scenarios = scenarios;
		this.incidents = incidents;
		this.reporting = reporting;
		this.prevention = prevention;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts a drill: the scenario's report, in the lead's language, becomes an incident marked
	 * 訓練 through the same path as every report; the scenario is copied, so a later edit does not
	 * change this drill.
	 * @return the drill's id
	 */
	public long start(long scenarioId, Actor lead, Locale locale) {
		requireLead(lead);
		Scenario scenario = this.scenarios.find(scenarioId)
			.orElseThrow(() -> BusinessRuleViolation.onField("scenario", "drill.scenarioRequired"));
		Incident incident = this.incidents.reportDrill(scenario.name(locale), scenario.report(locale),
				scenario.name(locale), lead);
		Instant now = now();
		long id = this.jdbc.queryForObject("""
				insert into drill (incident_id, scenario_id, name_ja, name_en, expected_duties, started_by, started_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, incident.getId(), scenario.id(), scenario.nameJa(),
				scenario.nameEn(), Scenarios.raw(scenario.expectedDuties()), lead.username(), Timestamp.from(now));
		int position = 1;
		for (Scenario.Inject inject : scenario.injects()) {
			this.jdbc.update("""
					insert into drill_inject (drill_id, position, minute_offset, text_ja, text_en) values (?, ?, ?, ?, ?)""",
					id, position++, inject.minute(), inject.textJa(), inject.textEn());
		}
		return id;
	}

	/** Every drill, the latest first. */
	@Transactional(readOnly = true)
	public List<Drill> all() {
		return this.jdbc.query(SELECT + " order by started_at desc, id desc", DrillService::drill);
	}

	@Transactional(readOnly = true)
	public Optional<Drill> find(long id) {
		return this.jdbc.query(SELECT + " where id = ?", DrillService::drill, id).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<Drill> findByIncident(long incidentId) {
		return this.jdbc.query(SELECT + " where incident_id = ?", DrillService::drill, incidentId).stream().findFirst();
	}

	/** The drill that ended last, for the executive's readiness line. */
	@Transactional(readOnly = true)
	public Optional<Drill> lastEnded() {
		return this.jdbc.query(SELECT + " where ended_at is not null order by ended_at desc, id desc limit 1",
				DrillService::drill).stream().findFirst();
	}

	/** The injects of a drill, each with the moment it falls due (start + its minutes). */
	@Transactional(readOnly = true)
	public List<Drill.Inject> injects(Drill drill) {
		return this.jdbc.query("""
				select position, minute_offset, text_ja, text_en, read_at from drill_inject where drill_id = ? order by position""",
				(rs, row) -> new Drill.Inject(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
						drill.startedAt().plus(Duration.ofMinutes(rs.getInt(2))), instant(rs, 5)),
				drill.id());
	}

	/** The injects due by now: what the lead reads out next, and what the team already heard. */
	@Transactional(readOnly = true)
	public List<Drill.Inject> dueInjects(Drill drill) {
		Instant now = this.clock.instant();
		return injects(drill).stream().filter(inject -> !inject.dueAt().isAfter(now)).toList();
	}

	/**
	 * The lead read an inject out: it goes onto the incident's timeline, in the language it was
	 * read in. An inject not yet due, or read already, is refused.
	 */
	public void readInject(long drillId, int position, Actor lead, Locale locale) {
		requireLead(lead);
		Drill drill = running(drillId);
		Drill.Inject inject = injects(drill).stream()
			.filter(candidate -> candidate.position() == position)
			.findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("drill.inject.unknown"));
		if (inject.dueAt().isAfter(this.clock.instant())) {
			throw new BusinessRuleViolation("drill.inject.notYetDue");
		}
		int changed = this.jdbc.update("""
				update drill_inject set read_by = ?, read_at = ? where drill_id = ? and position = ? and read_at is null""",
				lead.username(), Timestamp.from(now()), drillId, position);
		if (changed == 0) {
			throw new BusinessRuleViolation("drill.inject.alreadyRead");
		}
		this.events.publishEvent(new DrillEvents.InjectRead(drill.incidentId(), lead.username(), inject.minute(),
				inject.text(locale)));
	}

	/** The lead ends the drill; the debrief is ready. */
	public void end(long drillId, Actor lead) {
		requireLead(lead);
		Drill drill = running(drillId);
		this.jdbc.update("update drill set ended_by = ?, ended_at = ? where id = ? and ended_at is null", lead.username(),
				Timestamp.from(now()), drill.id());
		this.events.publishEvent(new DrillEvents.Ended(drill.incidentId(), lead.username()));
	}

	/** Closing or dismissing a drill's incident ends the drill too. */
	@EventListener
	void on(IncidentEvents.StateChanged event) {
		if (event.to() != IncidentState.CLOSED && event.to() != IncidentState.DISMISSED) {
			return;
		}
		this.incidents.findByReference(event.reference())
			.filter(Incident::isDrill)
			.ifPresent(incident -> this.jdbc.update("update drill set ended_at = ? where incident_id = ? and ended_at is null",
					Timestamp.from(now()), incident.getId()));
	}

	/** A note of the debrief: what the team found. */
	public void addNote(long drillId, String text, Actor lead) {
		requireLead(lead);
		find(drillId).orElseThrow(DrillNotFound::new);
		if (text == null || text.isBlank()) {
			throw BusinessRuleViolation.onField("text", "drill.note.required");
		}
		if (text.strip().length() > MAX_NOTE) {
			throw BusinessRuleViolation.onField("text", "drill.note.tooLong", MAX_NOTE);
		}
		this.jdbc.update("insert into drill_note (drill_id, text, created_by, created_at) values (?, ?, ?, ?)", drillId,
				text.strip(), lead.username(), Timestamp.from(now()));
	}

	/**
	 * A note becomes a real prevention measure (再発防止策): a measure of the drill's incident,
	 * with an owner and a due date like any other. It is listed with every open measure, and its
	 * owner is reminded as for a real incident.
	 */
	public long makeMeasure(long drillId, long noteId, Measure.Kind kind, String owner, LocalDate dueOn, Actor lead) {
		requireLead(lead);
		Drill drill = find(drillId).orElseThrow(DrillNotFound::new);
		Note note = notes(drillId).stream()
			.filter(candidate -> candidate.id() == noteId)
			.findFirst()
			.orElseThrow(DrillNotFound::new);
		if (note.measureId() != null) {
			throw new BusinessRuleViolation("drill.note.alreadyMeasure");
		}
		long measure = this.prevention.addMeasure(drill.incidentId(), lead,
				new PreventionService.NewMeasure(kind, note.text(), owner, dueOn));
		this.jdbc.update("update drill_note set measure_id = ? where id = ?", measure, noteId);
		return measure;
	}

	@Transactional(readOnly = true)
	public List<Note> notes(long drillId) {
		return this.jdbc.query("""
				select id, text, created_by, created_at, measure_id from drill_note where drill_id = ? order by id""",
				(rs, row) -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
						(Long) rs.getObject(5)),
				drillId);
	}

	/** A debrief note; {@code measureId}: the prevention measure it became. */
	public record Note(long id, String text, String by, Instant at, Long measureId) {
	}

	/** What the debrief shows, worked out from the incident's own timeline and step 2. */
	@Transactional(readOnly = true)
	public Debrief debrief(long drillId, Actor actor) {
		Drill drill = find(drillId).orElseThrow(DrillNotFound::new);
		Incident incident = this.incidents.findForPage(drill.incidentId(), actor);
		List<Debrief.Step> steps = new ArrayList<>();
		Instant since = drill.startedAt();
		IncidentState state = IncidentState.REPORTED;
		for (TimelineEntry entry : incident.getTimeline()) {
			if (entry.getKind() == TimelineEntry.Kind.STATE_CHANGED && entry.getToState() != null
					&& entry.getFromState() != null) {
				steps.add(new Debrief.Step(entry.getFromState(), entry.getToState(), since, entry.getOccurredAt()));
				since = entry.getOccurredAt();
				state = entry.getToState();
			}
		}
		Instant end = (drill.endedAt() != null) ? drill.endedAt() : this.clock.instant();
		Set<DutyType> identified = EnumSet.noneOf(DutyType.class);
		this.reporting.existingCase(drill.incidentId())
			.ifPresent(c -> c.applicableDuties().stream().map(Duty::getType).forEach(identified::add));
		return new Debrief(drill, incident.getReference(), incident.getState(), steps,
				new Debrief.Step(state, null, since, end), refusals(drillId), drill.expectedDuties(), identified,
				notes(drillId));
	}

	/** How many points a drill found (missed reports, refused moves, notes), whoever asks. */
	@Transactional(readOnly = true)
	public int findings(Drill drill) {
		Set<DutyType> missed = drill.expectedDuties().isEmpty() ? EnumSet.noneOf(DutyType.class)
				: EnumSet.copyOf(drill.expectedDuties());
		this.reporting.existingCase(drill.incidentId())
			.ifPresent(c -> c.applicableDuties().stream().map(Duty::getType).forEach(missed::remove));
		Integer others = this.jdbc.queryForObject(
				"select (select count(*) from drill_refusal where drill_id = ?) + (select count(*) from drill_note where drill_id = ?)",
				Integer.class, drill.id(), drill.id());
		return missed.size() + ((others == null) ? 0 : others);
	}

	@Transactional(readOnly = true)
	public List<Debrief.Refusal> refusals(long drillId) {
		return this.jdbc.query("""
				select occurred_at, actor, transition, code, arguments::text from drill_refusal where drill_id = ? order by id""",
				(rs, row) -> new Debrief.Refusal(instant(rs, 1), rs.getString(2), Transition.valueOf(rs.getString(3)),
						new Unmet(rs.getString(4), arguments(rs.getString(5)))),
				drillId);
	}

	private static List<Object> arguments(String json) {
		return JSON.readValue(json, new TypeReference<List<Object>>() {
		});
	}

	private Drill running(long drillId) {
		Drill drill = find(drillId).orElseThrow(DrillNotFound::new);
		if (!drill.isRunning()) {
			throw new BusinessRuleViolation("drill.ended");
		}
		return drill;
	}

	private static void requireLead(Actor actor) {
		if (!actor.has(Role.SECURITY_LEAD)) {
			throw new BusinessRuleViolation("drill.leadOnly");
		}
	}

	private static final String SELECT = """
			select id, incident_id, name_ja, name_en, expected_duties, started_by, started_at, ended_at from drill""";

	private static Drill drill(ResultSet rs, int row) throws SQLException {
		return new Drill(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Scenarios.duties(rs.getString(5)),
				rs.getString(6), instant(rs, 7), instant(rs, 8));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at == null) ? null : at.toInstant();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
