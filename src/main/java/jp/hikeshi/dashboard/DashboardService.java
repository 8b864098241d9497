package jp.hikeshi.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.reporting.Deadline;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.organisation.OrganisationService;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executive's figures, each one SQL aggregate over the whole history: a fixed number of
 * statements per page however many incidents there are (the dashboard statement-count test
 * holds it to that), and indexes from the migrations behind each. Drills (訓練) are never
 * counted: every statement reads real incidents only.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

	/**
	 * Average days to detect (発生→発覚), to contain (発覚→leaving containment) and to recover
	 * (発覚→recovery confirmed), by category and by month reported, in one scan of the period.
	 */
	private static final String DURATIONS = """
			select category, month,
			       count(*),
			       avg(extract(epoch from (discovered_at - occurred_at)) / 86400),
			       count(occurred_at),
			       avg(extract(epoch from (contained_at - discovered_at)) / 86400),
			       count(contained_at),
			       avg(extract(epoch from (recovered_at - discovered_at)) / 86400),
			       count(recovered_at),
			       grouping(category)
			from (select category, to_char(reported_at at time zone ?, 'YYYY-MM') as month, discovered_at,
			             occurred_at, contained_at, recovered_at
			      from incident
			      where reported_at >= ? and reported_at < ? and category is not null and not drill) as period
			group by grouping sets ((category), (month))
			order by 10, 1, 2""";

	/** How many open incidents the dashboard names, the most pressing first; the rest are a link away. */
	static final int OPEN_NAMED = 8;

	/** Step 1 before 2 before 3, as the guide runs them. */
	private static final String STEP_ORDER = rank("state",
			Arrays.stream(IncidentState.values()).collect(Collectors.toMap(IncidentState::name, s -> s.step().ordinal())));

	/** 緊急 first; not yet rated last. */
	private static final String SEVERITY_ORDER = rank("severity", Arrays.stream(Severity.values())
		.collect(Collectors.toMap(Severity::name, s -> Severity.values().length - 1 - s.ordinal())));

	private static final String OPEN_INCIDENTS = """
			select id, reference, title, state, severity from incident
			where state not in ('CLOSED', 'DISMISSED') and not drill
			order by %s, %s, reported_at, id limit %d""".formatted(STEP_ORDER, SEVERITY_ORDER, OPEN_NAMED);

	private final JdbcTemplate jdbc;

	private final ReportingService reporting;

	private final OrganisationService organisations;

	DashboardService(JdbcTemplate jdbc, ReportingService reporting, OrganisationService organisations) {
		this.jdbc = jdbc;
		this.reporting = reporting;
		this.organisations = organisations;
	}

	/** The figures for incidents reported from {@code from} to {@code to}, both days included. */
	public Metrics metrics(Actor actor, LocalDate from, LocalDate to) {
		ZoneId zone = this.organisations.timeZone();
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		List<DueDuty> duties = this.reporting.openDuties(actor);
		List<Metrics.Durations> byCategory = new java.util.ArrayList<>();
		List<Metrics.Durations> byMonth = new java.util.ArrayList<>();
		this.jdbc.query(DURATIONS, rs -> {
			boolean category = rs.getInt(10) == 0;
			Metrics.Durations row = new Metrics.Durations(rs.getString(category ? 1 : 2), rs.getLong(3), days(rs, 4),
					rs.getLong(5), days(rs, 6), rs.getLong(7), days(rs, 8), rs.getLong(9));
			(category ? byCategory : byMonth).add(row);
		}, zone.getId(), start, end);
		return new Metrics(open(), openIncidents(), decisions(), duties,
				duties.stream().filter(d -> d.urgency() == Deadline.Urgency.OVERDUE).count(),
				// 「速やかに」 is due now (the reporting module's rule, as the API's due=soon): six reports
				// owed promptly are not a calm "0 due soon"
				duties.stream().filter(d -> d.urgency().dueNow() && d.urgency() != Deadline.Urgency.OVERDUE).count(),
				overTime(zone, start, end), byCategory, byMonth, damage(start, end));
	}

	private List<Metrics.OpenCount> open() {
		return this.jdbc.query("""
				select state, severity, count(*) from incident
				where state not in ('CLOSED', 'DISMISSED') and not drill group by state, severity
				order by %s, %s, state""".formatted(STEP_ORDER, SEVERITY_ORDER),
				(rs, row) -> new Metrics.OpenCount(rs.getString(1),
						IncidentState.valueOf(rs.getString(1)).step().name(), rs.getString(2), rs.getLong(3)));
	}

	private List<Metrics.OpenIncident> openIncidents() {
		return this.jdbc.query(OPEN_INCIDENTS, (rs, row) -> new Metrics.OpenIncident(rs.getLong(1), rs.getString(2),
				rs.getString(3), rs.getString(4), IncidentState.valueOf(rs.getString(4)).step().name(), rs.getString(5)));
	}

	/** A SQL expression ranking a column by the given order (unknown values and null last). */
	private static String rank(String column, Map<String, Integer> order) {
		return order.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> "when '" + e.getKey() + "' then " + e.getValue())
			.collect(Collectors.joining(" ", "case " + column + " ", " else " + order.size() + " end"));
	}

	private Metrics.Decisions decisions() {
		return this.jdbc.queryForObject("""
				select (select count(*) from incident where state = 'ESCALATED' and not drill),
				       (select count(*) from incident where state = 'PREVENTION' and closing_approved_at is null and not drill),
				       (select count(*) from announcement a join reporting_case c on c.id = a.case_id
				          join incident i on i.id = c.incident_id
				        where a.approved_at is null and i.state not in ('CLOSED', 'DISMISSED') and not i.drill)""",
				(rs, row) -> new Metrics.Decisions(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
	}

	private List<Metrics.MonthCount> overTime(ZoneId zone, Timestamp start, Timestamp end) {
		return this.jdbc.query("""
				select to_char(reported_at at time zone ?, 'YYYY-MM') as month, coalesce(category, 'UNCLASSIFIED'), count(*)
				from incident where reported_at >= ? and reported_at < ? and not drill
				group by 1, 2 order by 1, 2""",
				(rs, row) -> new Metrics.MonthCount(rs.getString(1), rs.getString(2), rs.getLong(3)), zone.getId(), start,
				end);
	}

	private List<Metrics.Damage> damage(Timestamp start, Timestamp end) {
		return this.jdbc.query("""
				select category, count(*), coalesce(sum(damage_direct_yen), 0), coalesce(sum(damage_indirect_yen), 0),
				       coalesce(sum(disruption_days), 0)
				from incident
				where reported_at >= ? and reported_at < ? and category is not null and not drill
				  and (damage_direct_yen is not null or damage_indirect_yen is not null or disruption_days is not null)
				group by category order by category""",
				(rs, row) -> new Metrics.Damage(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getBigDecimal(5)),
				start, end);
	}

	private static BigDecimal days(ResultSet rs, int column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return (value == null) ? null : value.setScale(1, RoundingMode.HALF_UP);
	}

	/** Today in the organisation's zone. */
	public LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, this.organisations.timeZone());
	}

}
