package jp.hikeshi.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jp.hikeshi.incident.Actor;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.notification.Deadlines;
import jp.hikeshi.notification.DueDuty;
import jp.hikeshi.notification.ReportingService;
import jp.hikeshi.organisation.OrganisationService;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executive's figures, each one SQL aggregate over the whole history: a fixed number of
 * statements per page however many incidents there are (the dashboard statement-count test
 * holds it to that), and indexes from the migrations behind each.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

	/** Counting the times that lie between 発覚 and a state change: the first such change. */
	private static final String DURATIONS = """
			select %s as key,
			       count(*) as incidents,
			       avg(extract(epoch from (i.discovered_at - i.occurred_at)) / 86400) filter (where i.occurred_at is not null) as detect,
			       count(i.occurred_at) as detect_n,
			       avg(extract(epoch from (c.at - i.discovered_at)) / 86400) as contain,
			       count(c.at) as contain_n,
			       avg(extract(epoch from (r.at - i.discovered_at)) / 86400) as recover,
			       count(r.at) as recover_n
			from incident i
			left join lateral (select min(t.occurred_at) as at from incident_timeline_entry t
			                   where t.incident_id = i.id and t.kind = 'STATE_CHANGED' and t.from_state = 'CONTAINMENT') c on true
			left join lateral (select min(t.occurred_at) as at from incident_timeline_entry t
			                   where t.incident_id = i.id and t.kind = 'STATE_CHANGED' and t.to_state = 'PREVENTION') r on true
			where i.reported_at >= ? and i.reported_at < ? and i.category is not null
			group by 1 order by 1""";

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
		return new Metrics(open(), decisions(), duties,
				duties.stream().filter(d -> d.urgency() == Deadlines.Urgency.OVERDUE).count(),
				duties.stream().filter(d -> d.urgency() == Deadlines.Urgency.DUE_SOON).count(),
				overTime(zone, start, end), durations("i.category", start, end),
				durations("to_char(i.reported_at at time zone ?, 'YYYY-MM')", zone.getId(), start, end),
				damage(start, end));
	}

	private List<Metrics.OpenCount> open() {
		return this.jdbc.query("""
				select state, severity, count(*) from incident
				where state not in ('CLOSED', 'DISMISSED') group by state, severity order by state, severity""",
				(rs, row) -> new Metrics.OpenCount(rs.getString(1),
						IncidentState.valueOf(rs.getString(1)).step().name(), rs.getString(2), rs.getLong(3)));
	}

	private Metrics.Decisions decisions() {
		return this.jdbc.queryForObject("""
				select (select count(*) from incident where state = 'ESCALATED'),
				       (select count(*) from incident where state = 'PREVENTION' and closing_approved_at is null),
				       (select count(*) from announcement a join reporting_case c on c.id = a.case_id
				          join incident i on i.id = c.incident_id
				        where a.approved_at is null and i.state not in ('CLOSED', 'DISMISSED'))""",
				(rs, row) -> new Metrics.Decisions(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
	}

	private List<Metrics.MonthCount> overTime(ZoneId zone, Timestamp start, Timestamp end) {
		return this.jdbc.query("""
				select to_char(reported_at at time zone ?, 'YYYY-MM') as month, coalesce(category, 'UNCLASSIFIED'), count(*)
				from incident where reported_at >= ? and reported_at < ?
				group by 1, 2 order by 1, 2""",
				(rs, row) -> new Metrics.MonthCount(rs.getString(1), rs.getString(2), rs.getLong(3)), zone.getId(), start,
				end);
	}

	/** @param key the grouping expression; its bind parameters come first in {@code parameters} */
	private List<Metrics.Durations> durations(String key, Object... parameters) {
		return this.jdbc.query(DURATIONS.formatted(key), (rs, row) -> new Metrics.Durations(rs.getString(1),
				rs.getLong(2), days(rs, 3), rs.getLong(4), days(rs, 5), rs.getLong(6), days(rs, 7), rs.getLong(8)),
				parameters);
	}

	private List<Metrics.Damage> damage(Timestamp start, Timestamp end) {
		return this.jdbc.query("""
				select category, count(*), coalesce(sum(damage_direct_yen), 0), coalesce(sum(damage_indirect_yen), 0),
				       coalesce(sum(disruption_days), 0)
				from incident
				where reported_at >= ? and reported_at < ? and category is not null
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
