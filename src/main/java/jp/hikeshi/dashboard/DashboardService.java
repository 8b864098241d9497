package jp.hikeshi.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
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

import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executive's figures, each one SQL aggregate: a fixed number of statements per page however
 * many incidents there are (the dashboard statement-count test holds it to that). The period's
 * figures read {@code incident_rollup_period}: the whole months of the period from
 * {@code incident_month_rollup} (V50) and its partial months from {@code incident_day_rollup}, one
 * row per day and category that triggers keep in the transaction of each change (V34), so their cost
 * grows neither with the incidents in the period nor with its length; the open incidents by state
 * and severity and the decisions waiting read the counts triggers keep (V52) in the same way; the
 * incidents named, the announcements waiting and the duties read the open incidents through
 * indexes. Drills (訓練) are never counted: the rollups leave them out, every other statement
 * filters them.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

	/**
	 * Average days to detect (発生→発覚), to contain (発覚→leaving containment) and to recover
	 * (発覚→recovery confirmed), by category and by month (or quarter, or year: {@link Grouping})
	 * reported: sums of seconds over counts, exact, from the period's days. A day and category whose
	 * incidents all moved elsewhere sums to no incident and is left out, as a scan of the incidents
	 * would.
	 */
	private static final String DURATIONS = """
			select category, month,
			       sum(reported),
			       sum(detect_seconds) / nullif(sum(detect_counted), 0) / 86400, sum(detect_counted),
			       sum(contain_seconds) / nullif(sum(contain_counted), 0) / 86400, sum(contain_counted),
			       sum(recover_seconds) / nullif(sum(recover_counted), 0) / 86400, sum(recover_counted),
			       grouping(category)
			from (select category, to_char(date_trunc(?, day::timestamp), 'YYYY-MM') as month, reported,
			             detect_seconds, detect_counted, contain_seconds, contain_counted, recover_seconds, recover_counted
			      from incident_rollup_period(?, ?)
			      where category <> '') as period
			group by grouping sets ((category), (month))
			having sum(reported) > 0
			order by 10, 1, 2""";

	/** How many open incidents the dashboard names, the most pressing first; the rest are a link away. */
	static final int OPEN_NAMED = 8;

	/** Step 1 before 2 before 3, as the guide runs them. */
	private static final String STEP_ORDER = rank("state",
			Arrays.stream(IncidentState.values()).collect(Collectors.toMap(IncidentState::name, s -> s.step().ordinal())));

	/** 緊急 first; not yet rated last. */
	private static final String SEVERITY_ORDER = rank("severity", Arrays.stream(Severity.values())
		.collect(Collectors.toMap(Severity::name, s -> Severity.values().length - 1 - s.ordinal())));

	/** The open incidents, as the partial index incident_open_idx (V34) holds them. */
	private static final String OPEN = "state not in ('CLOSED', 'DISMISSED') and not drill";

	/**
	 * The first few of each state and severity, each read from incident_open_idx in the order it
	 * holds them, then ranked: the cost stays a few index pages however many incidents are open
	 * (a rank over all of them sorted every open incident, 70,000 of a million in the benchmark).
	 * Each part is ordered by the index's whole key, state and severity first (fixed in each part,
	 * so the same order): ordered by the report's time alone, PostgreSQL sometimes walked every
	 * incident by time from the oldest to find eight new reports not yet rated (16 ms instead of 1.5
	 * at 20,000 incidents).
	 */
	private static final String OPEN_INCIDENTS = Arrays.stream(IncidentState.values())
		.filter(IncidentState::isOpen)
		.flatMap(state -> java.util.stream.Stream.concat(Arrays.stream(Severity.values()).map(s -> "= '" + s + "'"),
				java.util.stream.Stream.of("is null"))
			.map(severity -> """
					(select id, reference, title, state, severity, reported_at from incident
					 where state = '%s' and severity %s and %s order by state, severity, reported_at, id limit %d)"""
				.formatted(state, severity, OPEN, OPEN_NAMED)))
		.collect(Collectors.joining(" union all ", "select id, reference, title, state, severity from (",
				") as open order by %s, %s, reported_at, id limit %d".formatted(STEP_ORDER, SEVERITY_ORDER, OPEN_NAMED)));

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
		// the rollup's days are cut in the organisation's zone (V34 rebuilds them when it changes)
		Date first = Date.valueOf(from);
		Date last = Date.valueOf(to);
		Grouping grouping = Grouping.of(from, to);
		List<DueDuty> duties = this.reporting.openDuties(actor);
		List<Metrics.Durations> byCategory = new java.util.ArrayList<>();
		List<Metrics.Durations> byMonth = new java.util.ArrayList<>();
		this.jdbc.query(DURATIONS, rs -> {
			boolean category = rs.getInt(10) == 0;
			Metrics.Durations row = new Metrics.Durations(rs.getString(category ? 1 : 2), rs.getLong(3), days(rs, 4),
					rs.getLong(5), days(rs, 6), rs.getLong(7), days(rs, 8), rs.getLong(9));
			(category ? byCategory : byMonth).add(row);
		}, grouping.field(), first, last);
		return new Metrics(open(), openIncidents(), decisions(), duties,
				duties.stream().filter(d -> d.urgency() == Deadline.Urgency.OVERDUE).count(),
				// 「速やかに」 is due now (the reporting module's rule, as the API's due=soon): six reports
				// owed promptly are not a calm "0 due soon"
				duties.stream().filter(d -> d.urgency().dueNow() && d.urgency() != Deadline.Urgency.OVERDUE).count(),
				overTime(grouping, first, last), byCategory, byMonth, damage(first, last), grouping);
	}

	/**
	 * A query without parameters, sent as a prepared statement all the same: JdbcTemplate sends
	 * one without arguments as a plain statement, which PostgreSQL plans anew every time (the open
	 * incidents' forty-part union took 5 to 11 ms to plan, more than to run); prepared, the driver
	 * keeps it on the connection after a few uses and PostgreSQL keeps its plan.
	 */
	private <T> List<T> prepared(String sql, RowMapper<T> rows) {
		return this.jdbc.query(sql, NO_PARAMETERS, rows);
	}

	private static final PreparedStatementSetter NO_PARAMETERS = statement -> {
	};

	private List<Metrics.OpenCount> open() {
		// the kept counts (V52): a few rows, folded or waiting for a fold, whatever the incidents open
		return prepared("""
				select state, nullif(severity, '') as severity, sum(incidents) from incident_open_count
				group by state, severity having sum(incidents) > 0
				order by %s, %s, state""".formatted(STEP_ORDER, SEVERITY_ORDER),
				(rs, row) -> new Metrics.OpenCount(rs.getString(1),
						IncidentState.valueOf(rs.getString(1)).step().name(), rs.getString(2), rs.getLong(3)));
	}

	private List<Metrics.OpenIncident> openIncidents() {
		return prepared(OPEN_INCIDENTS, (rs, row) -> new Metrics.OpenIncident(rs.getLong(1), rs.getString(2),
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
		return DataAccessUtils.requiredSingleResult(prepared("""
				select (select coalesce(sum(incidents), 0) from incident_open_count where state = 'ESCALATED'),
				       (select coalesce(sum(unapproved), 0) from incident_open_count where state = 'PREVENTION'),
				       (select count(*) from announcement a join reporting_case c on c.id = a.case_id
				          join incident i on i.id = c.incident_id
				        where a.approved_at is null and i.state not in ('CLOSED', 'DISMISSED') and not i.drill)""",
				(rs, row) -> new Metrics.Decisions(rs.getLong(1), rs.getLong(2), rs.getLong(3))));
	}

	private List<Metrics.MonthCount> overTime(Grouping grouping, Date first, Date last) {
		return this.jdbc.query("""
				select to_char(date_trunc(?, day::timestamp), 'YYYY-MM') as month,
				       case category when '' then 'UNCLASSIFIED' else category end,
				       sum(reported)
				from incident_rollup_period(?, ?)
				group by 1, 2 having sum(reported) > 0 order by 1, 2""",
				(rs, row) -> new Metrics.MonthCount(rs.getString(1), rs.getString(2), rs.getLong(3)), grouping.field(),
				first, last);
	}

	/** Damage over the incidents that recorded any; days of disruption 0 (not 0.0) where none recorded them. */
	private List<Metrics.Damage> damage(Date first, Date last) {
		return this.jdbc.query("""
				select category, sum(damaged), sum(direct_yen), sum(indirect_yen),
				       case when sum(disruption_counted) > 0 then sum(disruption_days) else 0 end
				from incident_rollup_period(?, ?)
				where category <> ''
				group by category having sum(damaged) > 0 order by category""",
				(rs, row) -> new Metrics.Damage(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getBigDecimal(5)),
				first, last);
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
