package jp.hikeshi.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's period figures come from the day rollup (V34) that triggers keep; here they
 * are compared, figure by figure, with the plain SQL over the incidents that they replaced, on
 * random incidents: reported around the turns of days and months in Asia/Tokyo, inserted one by
 * one and in bulk, classified, contained, recovered, damaged, moved, deleted, drills among them;
 * before and after the rows are folded, and after a change of the organisation's zone. The figures
 * of now (V52) likewise, through changes of state, severity and closing approval, drills among them.
 */
@SpringBootTest(properties = { "hikeshi.notifications.jobs.enabled=false", "hikeshi.test.context=dashboard-rollup" })
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class DashboardRollupTest {

	private static final String[] CATEGORIES = { null, "INFORMATION_LEAK", "VIRUS_RANSOMWARE", "SYSTEM_OUTAGE",
			"LOST_DEVICE", "OTHER" };

	private static final String[] STATES = { "REPORTED", "TRIAGE", "ESCALATED", "TEAM_FORMED", "CONTAINMENT",
			"DISCLOSURE", "RECOVERY", "PREVENTION", "CLOSED", "DISMISSED" };

	private static final String[] SEVERITIES = { null, "LOW", "HIGH", "CRITICAL" };

	/** Midnight of 1 February 2026 in Tokyo: incidents are reported in the hours either side. */
	private static final Instant TURN_OF_MONTH = Instant.parse("2026-01-31T15:00:00Z");

	@Autowired
	DashboardService dashboard;

	@Autowired
	JdbcTemplate jdbc;

	private final Actor executive = new Actor("x", Set.of(Role.EXECUTIVE));

	@AfterEach
	void backToTokyo() {
		this.jdbc.update("update organisation set time_zone = 'Asia/Tokyo'");
	}

	@Test
	void everyPeriodFigureMatchesThePlainSqlOnRandomIncidents() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		String because = "random seed " + seed;
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			ids.add(insert(random, "R" + seed % 100000 + "-" + i));
		}
		// one statement of 300: the statement trigger groups them, and folds
		ids.addAll(this.jdbc.queryForList("""
				insert into incident (reference, title, description, category, state, severity, discovered_at, reported_at,
				                      occurred_at, contained_at, damage_direct_yen, drill, closing_approved_at)
				select 'B' || ? || '-' || g, 't', 'd', (array['OTHER', 'SYSTEM_OUTAGE', null])[1 + g % 3],
				       (array['CLOSED', 'REPORTED', 'PREVENTION', 'ESCALATED'])[1 + g % 4],
				       (array['LOW', null])[1 + g % 2],
				       t, t, t - (g % 5) * interval '7 hours', t + (g % 4) * interval '5 hours',
				       case when g % 6 = 0 then g * 1000 end, g % 11 = 0, case when g % 5 = 0 then t end
				from (select g, timestamptz '2026-01-31 15:00:00+00' + (g - 150) * interval '37 minutes' as t
				      from generate_series(1, 300) g) s
				returning id""", Long.class, seed % 100000));
		assertSameFigures(random, because + ", after the inserts");

		for (int i = 0; i < 400; i++) {
			long id = ids.get(random.nextInt(ids.size()));
			change(random, id);
		}
		for (int i = 0; i < 20; i++) {
			long id = ids.remove(random.nextInt(ids.size()));
			this.jdbc.update("delete from incident where id = ?", id);
		}
		// one statement moving many: a row trigger for each
		this.jdbc.update("update incident set state = 'PREVENTION' where id % 9 = 0");
		assertSameFigures(random, because + ", after the changes");

		this.jdbc.queryForObject("select incident_rollup_fold()::text", String.class);
		assertThat(this.jdbc.queryForObject("select count(*) from incident_day_rollup where not folded", Long.class))
			.isZero();
		this.jdbc.queryForObject("select incident_open_fold()::text", String.class);
		assertThat(this.jdbc.queryForObject("select count(*) from incident_open_count where not folded", Long.class))
			.isZero();
		assertSameFigures(random, because + ", after a fold");

		for (String zone : List.of("America/Los_Angeles", "Asia/Kolkata")) {
			this.jdbc.update("update organisation set time_zone = ?", zone);
			assertSameFigures(random, because + ", in " + zone);
		}
	}

	@Test
	void drillsAreNeverCounted() {
		Instant at = Instant.parse("2026-06-10T03:00:00Z");
		this.jdbc.update("""
				insert into incident (reference, title, description, category, state, discovered_at, reported_at, drill,
				                      damage_direct_yen)
				values ('DRILL-1', 't', 'd', 'WEBSITE_DEFACEMENT', 'CLOSED', ?, ?, true, 500)""", Timestamp.from(at),
				Timestamp.from(at));
		this.jdbc.update("update incident set contained_at = reported_at where reference = 'DRILL-1'");

		Metrics metrics = metrics(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));

		assertThat(metrics.overTime()).extracting(Metrics.MonthCount::category).doesNotContain("WEBSITE_DEFACEMENT");
		assertThat(metrics.damageByCategory()).extracting(Metrics.Damage::category)
			.doesNotContain("WEBSITE_DEFACEMENT");
	}

	private void assertSameFigures(Random random, String because) {
		List<LocalDate[]> periods = new ArrayList<>();
		periods.add(new LocalDate[] { LocalDate.of(2025, 12, 1), LocalDate.of(2026, 3, 31) });
		// a period that starts or ends on the turn of the month, where a day cut in UTC would err
		periods.add(new LocalDate[] { LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28) });
		periods.add(new LocalDate[] { LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 31) });
		// whole months between partial ones: February from the months (V50), January's and March's ends from the days
		periods.add(new LocalDate[] { LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 5) });
		periods.add(new LocalDate[] { LocalDate.of(2025, 12, 15), LocalDate.of(2026, 2, 28) });
		periods.add(new LocalDate[] { LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1) });
		for (int i = 0; i < 4; i++) {
			LocalDate from = LocalDate.of(2026, 1, 20).plusDays(random.nextInt(20));
			periods.add(new LocalDate[] { from, from.plusDays(random.nextInt(30)) });
		}
		for (int i = 0; i < 4; i++) {
			LocalDate from = LocalDate.of(2025, 12, 1).plusDays(random.nextInt(70));
			periods.add(new LocalDate[] { from, from.plusDays(random.nextInt(100)) });
		}
		// longer than two years, and than eight: by quarter and by year (Grouping)
		periods.add(new LocalDate[] { LocalDate.of(2024, 2, 10).plusDays(random.nextInt(60)), LocalDate.of(2026, 3, 20) });
		periods.add(new LocalDate[] { LocalDate.of(2017, 5, 1), LocalDate.of(2026, 2, 15).plusDays(random.nextInt(30)) });
		assertMonthsAreTheirFoldedDays(because);
		assertSameFiguresOfNow(because);
		ZoneId zone = ZoneId.of(this.jdbc.queryForObject("select time_zone from organisation", String.class));
		assertThat(metrics(periods.get(0)[0], periods.get(0)[1]).durationsByMonth()).as(because).hasSize(2);
		for (LocalDate[] period : periods) {
			Metrics metrics = metrics(period[0], period[1]);
			Timestamp start = Timestamp.from(period[0].atStartOfDay(zone).toInstant());
			Timestamp end = Timestamp.from(period[1].plusDays(1).atStartOfDay(zone).toInstant());
			String where = because + ", " + period[0] + " to " + period[1];
			assertThat(rows(PERIOD_SUMS.formatted("incident_rollup_period(?, ?)"), period[0], period[1]))
				.as(where + ": the period's months and days sum to its days")
				.isEqualTo(rows(PERIOD_SUMS.formatted("incident_day_rollup where day between ? and ?"), period[0],
						period[1]));

			String grouping = Grouping.of(period[0], period[1]).field();
			assertThat(metrics.grouping().field()).as(where).isEqualTo(grouping);
			assertThat(metrics.overTime()).as(where).isEqualTo(plainOverTime(grouping, zone, start, end));
			List<Metrics.Durations> byCategory = new ArrayList<>();
			List<Metrics.Durations> byMonth = new ArrayList<>();
			this.jdbc.query(PLAIN_DURATIONS, rs -> {
				boolean category = rs.getInt(10) == 0;
				(category ? byCategory : byMonth).add(new Metrics.Durations(rs.getString(category ? 1 : 2), rs.getLong(3),
						days(rs, 4), rs.getLong(5), days(rs, 6), rs.getLong(7), days(rs, 8), rs.getLong(9)));
			}, grouping, zone.getId(), start, end);
			assertThat(metrics.durationsByCategory()).as(where).isEqualTo(byCategory);
			assertThat(metrics.durationsByMonth()).as(where).isEqualTo(byMonth);
			assertThat(metrics.damageByCategory()).as(where).isEqualTo(plainDamage(start, end));
		}
	}

	/** The open incidents by state and severity and the decisions (V52) as the plain SQL counts them. */
	private void assertSameFiguresOfNow(String because) {
		Metrics metrics = metrics(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
		assertThat(metrics.open()).as(because).isNotEmpty();
		assertThat(metrics.open()).as(because + ": open by state and severity")
			.containsExactlyInAnyOrderElementsOf(this.jdbc.query("""
					select state, severity, count(*) from incident
					where state not in ('CLOSED', 'DISMISSED') and not drill group by state, severity""",
					(rs, row) -> new Metrics.OpenCount(rs.getString(1),
							jp.hikeshi.incident.IncidentState.valueOf(rs.getString(1)).step().name(), rs.getString(2),
							rs.getLong(3))));
		assertThat(metrics.decisions()).as(because + ": decisions")
			.isEqualTo(this.jdbc.queryForObject("""
					select (select count(*) from incident where state = 'ESCALATED' and not drill),
					       (select count(*) from incident where state = 'PREVENTION' and closing_approved_at is null
					          and not drill),
					       (select count(*) from announcement a join reporting_case c on c.id = a.case_id
					          join incident i on i.id = c.incident_id
					        where a.approved_at is null and i.state not in ('CLOSED', 'DISMISSED') and not i.drill)""",
					(rs, row) -> new Metrics.Decisions(rs.getLong(1), rs.getLong(2), rs.getLong(3))));
	}

	/** Every sum of a period's rows, by category (the days with no incident left make a row of zeros or none). */
	private static final String PERIOD_SUMS = """
			select category, sum(reported), sum(detect_seconds), sum(detect_counted), sum(contain_seconds),
			       sum(contain_counted), sum(recover_seconds), sum(recover_counted), sum(damaged), sum(direct_yen),
			       sum(indirect_yen), sum(disruption_days), sum(disruption_counted)
			from %s group by category having sum(reported) <> 0 or sum(damaged) <> 0 order by category""";

	/** A month's row (V50) holds what its folded days hold, no more, no less. */
	private void assertMonthsAreTheirFoldedDays(String because) {
		String months = """
				select month, category, reported, detect_seconds, detect_counted, contain_seconds, contain_counted,
				       recover_seconds, recover_counted, damaged, direct_yen, indirect_yen, disruption_days, disruption_counted
				from incident_month_rollup where reported <> 0 or damaged <> 0 order by 1, 2""";
		String days = """
				select date_trunc('month', day::timestamp)::date as month, category, sum(reported)::bigint,
				       sum(detect_seconds), sum(detect_counted)::bigint, sum(contain_seconds), sum(contain_counted)::bigint,
				       sum(recover_seconds), sum(recover_counted)::bigint, sum(damaged)::bigint, sum(direct_yen),
				       sum(indirect_yen), sum(disruption_days), sum(disruption_counted)::bigint
				from incident_day_rollup where folded group by 1, 2 having sum(reported) <> 0 or sum(damaged) <> 0
				order by 1, 2""";
		assertThat(rows(months)).as(because + ": the months").isEqualTo(rows(days));
	}

	/** Each row as the list of its values, whatever its columns are called. */
	private List<List<Object>> rows(String sql, Object... arguments) {
		return this.jdbc.query(sql, (rs, row) -> {
			List<Object> values = new ArrayList<>();
			for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
				values.add(rs.getObject(column));
			}
			return values;
		}, arguments);
	}

	private Metrics metrics(LocalDate from, LocalDate to) {
		return this.dashboard.metrics(this.executive, from, to);
	}

	/** One incident, alone in its statement, reported within two days of the turn of the month. */
	private long insert(Random random, String reference) {
		Instant reported = TURN_OF_MONTH.plusSeconds(random.nextLong(-2 * 86400, 2 * 86400));
		return this.jdbc.queryForObject("""
				insert into incident (reference, title, description, category, severity, state, discovered_at,
				                      occurred_at, reported_at, contained_at, recovered_at, damage_direct_yen,
				                      damage_indirect_yen, disruption_days, drill)
				values (?, 't', 'd', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, reference,
				pick(random, CATEGORIES), pick(random, SEVERITIES),
				pick(random, STATES), Timestamp.from(reported), maybeBefore(random, reported),
				Timestamp.from(reported), maybeAfter(random, reported), maybeAfter(random, reported),
				random.nextInt(3) == 0 ? (Object) random.nextLong(0, 10_000_000) : null,
				random.nextInt(4) == 0 ? (Object) random.nextLong(0, 1_000_000) : null,
				random.nextInt(4) == 0 ? (Object) BigDecimal.valueOf(random.nextInt(0, 300), 1) : null,
				random.nextInt(8) == 0);
	}

	/** What the workflow and the security lead change: each counted column, or none (a state). */
	private void change(Random random, long id) {
		Instant reported = this.jdbc.queryForObject("select reported_at from incident where id = ?", Timestamp.class, id)
			.toInstant();
		switch (random.nextInt(10)) {
			case 0 -> this.jdbc.update("update incident set category = ? where id = ?", pick(random, CATEGORIES), id);
			case 1 -> this.jdbc.update("update incident set contained_at = ? where id = ?", maybeAfter(random, reported),
					id);
			case 2 -> this.jdbc.update("update incident set recovered_at = ? where id = ?", maybeAfter(random, reported),
					id);
			case 3 -> this.jdbc.update(
					"update incident set damage_direct_yen = ?, damage_indirect_yen = ?, disruption_days = ? where id = ?",
					random.nextBoolean() ? (Object) random.nextLong(0, 5_000_000) : null,
					random.nextBoolean() ? (Object) random.nextLong(0, 5_000_000) : null,
					random.nextBoolean() ? (Object) BigDecimal.valueOf(random.nextInt(0, 100), 1) : null, id);
			case 4 -> this.jdbc.update("update incident set occurred_at = ? where id = ?",
					maybeBefore(random, reported), id);
			// moved across the turn of a day: discovered_at moves with it, occurred_at must stay before it
			case 5 -> this.jdbc.update("""
					update incident set reported_at = reported_at + ? * interval '1 hour',
					       discovered_at = discovered_at + ? * interval '1 hour',
					       occurred_at = occurred_at + ? * interval '1 hour' where id = ?""", 13, 13, 13, id);
			case 6 -> this.jdbc.update("update incident set severity = ? where id = ?", pick(random, SEVERITIES), id);
			case 7 -> this.jdbc.update(
					"update incident set closing_approved_at = case when closing_approved_at is null then now() end where id = ?",
					id);
			default -> this.jdbc.update("update incident set state = ?, version = version + 1 where id = ?",
					pick(random, STATES), id);
		}
	}

	private static Timestamp maybeBefore(Random random, Instant instant) {
		return random.nextInt(3) == 0 ? null : Timestamp.from(instant.minusSeconds(random.nextLong(0, 20 * 86400)));
	}

	private static Timestamp maybeAfter(Random random, Instant instant) {
		return random.nextInt(3) == 0 ? null : Timestamp.from(instant.plusSeconds(random.nextLong(0, 30 * 86400)));
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	// The plain SQL the rollup replaced (DashboardService before V34), kept here as the reference, with
	// the seconds averaged before they are made days: divided row by row, each quotient was cut to
	// numeric's scale, and an average of exactly 0.25 days came out a hair under and rounded to 0.2.

	private static final String PLAIN_DURATIONS = """
			select category, month,
			       count(*),
			       avg(extract(epoch from (discovered_at - occurred_at))) / 86400,
			       count(occurred_at),
			       avg(extract(epoch from (contained_at - discovered_at))) / 86400,
			       count(contained_at),
			       avg(extract(epoch from (recovered_at - discovered_at))) / 86400,
			       count(recovered_at),
			       grouping(category)
			from (select category, to_char(date_trunc(?, reported_at at time zone ?), 'YYYY-MM') as month, discovered_at,
			             occurred_at, contained_at, recovered_at
			      from incident
			      where reported_at >= ? and reported_at < ? and category is not null and not drill) as period
			group by grouping sets ((category), (month))
			order by 10, 1, 2""";

	private List<Metrics.MonthCount> plainOverTime(String grouping, ZoneId zone, Timestamp start, Timestamp end) {
		return this.jdbc.query("""
				select to_char(date_trunc(?, reported_at at time zone ?), 'YYYY-MM') as month,
				       coalesce(category, 'UNCLASSIFIED'), count(*)
				from incident where reported_at >= ? and reported_at < ? and not drill
				group by 1, 2 order by 1, 2""",
				(rs, row) -> new Metrics.MonthCount(rs.getString(1), rs.getString(2), rs.getLong(3)), grouping, zone.getId(),
				start, end);
	}

	private List<Metrics.Damage> plainDamage(Timestamp start, Timestamp end) {
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

}
