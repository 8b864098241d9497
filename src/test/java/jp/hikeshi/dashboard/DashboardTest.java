package jp.hikeshi.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.reporting.Deadline;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.StatementCounter;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each figure of the dashboard against numbers worked out by hand on a small history, on a
 * database of its own; and the number of SQL statements a dashboard costs, which must not grow
 * with the history.
 */
// the notification jobs stay off: their poll would add its statements to the count
@SpringBootTest(properties = "hikeshi.notifications.jobs.enabled=false")
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class, StatementCounter.class })
class DashboardTest {

	private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	private static final LocalDate TO = LocalDate.of(2026, 11, 1);

	@Autowired
	DashboardService dashboard;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	StatementCounter statements;

	@Autowired
	org.springframework.context.MessageSource messages;

	static boolean seeded;

	@BeforeEach
	void aSmallHistory() {
		if (seeded) {
			return;
		}
		seeded = true;
		// A: ransomware, happened 2 days before it was noticed, contained in 1.5 days, recovered in 10
		long a = incident("T-A", "VIRUS_RANSOMWARE", "CLOSED", null, "2026-03-10T00:00:00Z", "2026-03-08T00:00:00Z");
		change(a, 1, "CONTAINMENT", "DISCLOSURE", "2026-03-11T12:00:00Z");
		change(a, 2, "RECOVERY", "PREVENTION", "2026-03-20T00:00:00Z");
		this.jdbc.update("update incident set damage_direct_yen = 1000000, damage_indirect_yen = 500000, disruption_days = 3.0 where id = ?", a);
		// B: ransomware without a known time of occurrence, contained in half a day, not recovered
		long b = incident("T-B", "VIRUS_RANSOMWARE", "RECOVERY", "HIGH", "2026-03-15T00:00:00Z", null);
		change(b, 1, "CONTAINMENT", "DISCLOSURE", "2026-03-15T12:00:00Z");
		this.jdbc.update("update incident set damage_direct_yen = 200000 where id = ?", b);
		// C: a leak noticed a day after it happened, waiting for a team
		incident("T-C", "INFORMATION_LEAK", "ESCALATED", "CRITICAL", "2026-04-01T00:00:00Z", "2026-03-31T00:00:00Z");
		// D: just reported, not classified
		incident("T-D", null, "REPORTED", null, "2026-04-02T00:00:00Z", null);
		// E: outside the period
		incident("T-E", "VIRUS_RANSOMWARE", "CLOSED", null, "2025-05-01T00:00:00Z", null);
	}

	@Test
	void theFiguresMatchTheHandCount() {
		Metrics metrics = this.dashboard.metrics(new Actor("x", Set.of(Role.EXECUTIVE)), FROM, TO);

		assertThat(metrics.openTotal()).isEqualTo(3);
		assertThat(metrics.open()).extracting(Metrics.OpenCount::state, Metrics.OpenCount::severity, Metrics.OpenCount::count)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ESCALATED", "CRITICAL", 1L),
					org.assertj.core.groups.Tuple.tuple("RECOVERY", "HIGH", 1L),
					org.assertj.core.groups.Tuple.tuple("REPORTED", null, 1L));
		assertThat(metrics.decisions()).isEqualTo(new Metrics.Decisions(1, 0, 0));

		assertThat(metrics.overTime()).containsExactly(new Metrics.MonthCount("2026-03", "VIRUS_RANSOMWARE", 2),
				new Metrics.MonthCount("2026-04", "INFORMATION_LEAK", 1),
				new Metrics.MonthCount("2026-04", "UNCLASSIFIED", 1));

		assertThat(metrics.durationsByCategory()).containsExactly(
				new Metrics.Durations("INFORMATION_LEAK", 1, days("1.0"), 1, null, 0, null, 0),
				new Metrics.Durations("VIRUS_RANSOMWARE", 2, days("2.0"), 1, days("1.0"), 2, days("10.0"), 1));

		assertThat(metrics.damageByCategory()).containsExactly(
				new Metrics.Damage("VIRUS_RANSOMWARE", 2, 1_200_000, 500_000, new BigDecimal("3.0")));
	}

	@Test
	void theDashboardPageShowsAndLinksItsFigures() throws Exception {
		this.mvc.perform(get("/dashboard").param("from", FROM.toString()).param("to", TO.toString())
				.with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ウイルス・ランサムウェア感染")))
			.andExpect(content().string(containsString("/incidents?state=ESCALATED&amp;severity=CRITICAL")))
			.andExpect(content().string(containsString("2.0日（1件）")));
	}

	@Test
	void openIncidentsComeStepByStepMostSevereFirstWithTheirTitles() throws Exception {
		Metrics metrics = this.dashboard.metrics(new Actor("x", Set.of(Role.EXECUTIVE)), FROM, TO);
		// step 1 before step 3; within step 1 緊急 before not yet rated
		assertThat(metrics.openIncidents()).extracting(Metrics.OpenIncident::reference, Metrics.OpenIncident::step,
				Metrics.OpenIncident::severity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("T-C", "DETECT", "CRITICAL"),
					org.assertj.core.groups.Tuple.tuple("T-D", "DETECT", null),
					org.assertj.core.groups.Tuple.tuple("T-B", "RECOVER", "HIGH"));
		assertThat(metrics.open()).extracting(Metrics.OpenCount::state)
			.containsExactly("ESCALATED", "REPORTED", "RECOVERY");

		String html = page("ja");
		// named with a coloured severity, before the damage, which comes before the counts and the charts
		assertThat(html).contains("class=\"severity severity--CRITICAL\">緊急</span>", "class=\"severity severity--none\">未評価</span>")
			.contains("被害の見積もりは合計1,700,000円（2件）です。");
		assertThat(html.indexOf("T-C")).isLessThan(html.indexOf("T-D")).isLessThan(html.indexOf("T-B"));
		assertThat(html.indexOf("id=\"open-incidents\"")).isPositive()
			.isLessThan(html.indexOf("id=\"damage\""));
		assertThat(html.indexOf("id=\"damage\"")).isLessThan(html.indexOf("id=\"chart-over-time\""));
		// every count that links to incidents is a 24×24 target
		java.util.List<String> countLinks = java.util.regex.Pattern.compile("<td[^>]*>\\s*(<a [^>]*>)")
			.matcher(html)
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(countLinks).hasSizeGreaterThan(5).allMatch(a -> a.contains("class=\"count-link\""));
	}

	@Test
	void englishSaysOneAndManyAndDecimalDays() throws Exception {
		String html = page("en");
		assertThat(html).contains("2.0 days (1 incident)", "1.0 day (2 incidents)", ">decision waiting for you<",
				">incidents open<", "over 2 incidents.")
			.doesNotContain("(1 incidents)", "1 decisions");
		assertThat(this.messages.getMessage("dashboard.overdue", new Object[] { 1L }, java.util.Locale.ENGLISH))
			.isEqualTo("report overdue");
		assertThat(this.messages.getMessage("dashboard.dueSoon", new Object[] { 6L }, java.util.Locale.ENGLISH))
			.isEqualTo("reports due promptly or soon");
		assertThat(this.messages.getMessage("dashboard.days", new Object[] { new BigDecimal("0.1"), 1L },
				java.util.Locale.ENGLISH)).isEqualTo("0.1 days (1 incident)");
	}

	/** Rolled back: a report owed 「速やかに」 is due now, as the API's due=soon counts it. */
	@Test
	@org.springframework.transaction.annotation.Transactional
	void aReportOwedPromptlyIsCountedAsDueNow() throws Exception {
		Actor executive = new Actor("x", Set.of(Role.EXECUTIVE));
		assertThat(this.dashboard.metrics(executive, FROM, TO).dueSoon()).isZero();
		long id = this.jdbc.queryForObject("select id from incident where reference = 'T-C'", Long.class);
		long caseId = this.jdbc.queryForObject(
				"insert into reporting_case (incident_id) values (?) returning id", Long.class, id);
		this.jdbc.update("""
				insert into notification_duty (case_id, type, applies, reasons, state, deadline_rule)
				values (?, 'PERSON_NOTICE', true, '', 'TO_DO', 'PROMPTLY')""", caseId);

		Metrics metrics = this.dashboard.metrics(executive, FROM, TO);

		assertThat(metrics.duties()).extracting(DueDuty::urgency).containsExactly(Deadline.Urgency.PROMPTLY);
		assertThat(metrics.dueSoon()).isEqualTo(1);
		assertThat(metrics.overdue()).isZero();
	}

	@Test
	void theChartsScriptIsServedWithoutAVersionInItsPath() throws Exception {
		this.mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
		String template = new String(new org.springframework.core.io.ClassPathResource("templates/dashboard/index.html")
			.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(template).contains("/webjars/echarts/dist/echarts.min.js").doesNotContainPattern("echarts/\\d");
		// the page links the file the webjar holds (its version resolved from the pom), and it is served
		String script = java.util.regex.Pattern.compile("src=\"(/webjars/echarts/[^\"]*)\"").matcher(page("ja"))
			.results()
			.map(m -> m.group(1))
			.findFirst()
			.orElseThrow();
		this.mvc.perform(get(script)).andExpect(status().isOk());
	}

	private String page(String language) throws Exception {
		return this.mvc.perform(get("/dashboard").param("from", FROM.toString()).param("to", TO.toString())
				.header("Accept-Language", language)
				.with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aPeriodLongerThanTwoYearsIsShownByQuarterInBothLanguages() throws Exception {
		for (String[] language : new String[][] { { "ja", "2026年第1四半期", "四半期ごとにまとめて表示" },
				{ "en", "Q1 2026", "shown by quarter" } }) {
			String html = this.mvc.perform(get("/dashboard").param("from", "2023-06-15").param("to", TO.toString())
					.header("Accept-Language", language[0])
					.with(this.users.as(Role.EXECUTIVE)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			// March's incidents counted in the first quarter, linked to its days; no month shown as a row
			assertThat(html).as(language[0]).contains(language[1], language[2])
				.contains("href=\"/incidents?category=VIRUS_RANSOMWARE&amp;from=2026-01-01&amp;to=2026-03-31\"")
				.doesNotContain(">2026年3月<", ">Mar 2026<");
		}
		// by month, each named as the reader reads it, never 2026-03
		assertThat(page("ja")).contains(">2026年3月<", ">2026年4月<").doesNotContain("四半期", ">2026-03<");
		assertThat(page("en")).contains(">Mar 2026<", ">Apr 2026<").doesNotContain("quarter", ">2026-03<");
	}

	@Test
	void badRangesAreExplained() throws Exception {
		this.mvc.perform(get("/dashboard").param("from", "2026-10-01").param("to", "2026-01-01")
				.with(this.users.as(Role.EXECUTIVE)))
			.andExpect(content().string(containsString("開始日が終了日より後だったため")));
		this.mvc.perform(get("/dashboard").param("from", "1899-01-01").with(this.users.as(Role.EXECUTIVE)))
			.andExpect(content().string(containsString("想定される範囲外")));
		this.mvc.perform(get("/dashboard").param("from", "yesterday").with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("日付を解釈できなかった")));
	}

	@Test
	void theStatementsADashboardCostsDoNotGrowWithTheHistory() throws Exception {
		var executive = this.users.as(Role.EXECUTIVE);
		this.mvc.perform(get("/dashboard").with(executive)).andExpect(status().isOk());
		this.statements.reset();
		this.mvc.perform(get("/dashboard").with(executive)).andExpect(status().isOk());
		int before = this.statements.count();
		for (int i = 0; i < 20; i++) {
			// closed and reported after the hand-counted period, but inside the default last twelve months
			long id = incident("T-MORE-" + i, "SYSTEM_OUTAGE", "CLOSED", "LOW", "2026-11-1" + (i % 9) + "T00:00:00Z",
					"2026-11-01T00:00:00Z");
			change(id, 1, "CONTAINMENT", "DISCLOSURE", "2026-11-20T00:00:00Z");
		}
		this.statements.reset();
		this.mvc.perform(get("/dashboard").with(executive)).andExpect(status().isOk());
		// ten for the figures, the rest for the readiness lines (平時の備え) and two for the session (in PostgreSQL
		// since #16): none grows with the incidents
		assertThat(this.statements.count()).isEqualTo(before).isLessThanOrEqualTo(17);
	}

	private long incident(String reference, String category, String state, String severity, String reported,
			String occurred) {
		Timestamp reportedAt = Timestamp.from(Instant.parse(reported));
		return this.jdbc.queryForObject("""
				insert into incident (reference, title, description, category, severity, state, discovered_at, occurred_at, reported_at)
				values (?, ?, 'dashboard test', ?, ?, ?, ?, ?, ?) returning id""", Long.class, reference, reference,
				category, severity, state, reportedAt, occurred == null ? null : Timestamp.from(Instant.parse(occurred)),
				reportedAt);
	}

	/** A state change on the timeline, and on the incident the times the application keeps from it. */
	private void change(long incident, int sequence, String from, String to, String at) {
		Timestamp when = Timestamp.from(Instant.parse(at));
		if (from.equals("CONTAINMENT")) {
			this.jdbc.update("update incident set contained_at = ? where id = ? and contained_at is null", when, incident);
		}
		if (to.equals("PREVENTION")) {
			this.jdbc.update("update incident set recovered_at = ? where id = ? and recovered_at is null", when, incident);
		}
		this.jdbc.update("""
				insert into incident_timeline_entry (incident_id, sequence, occurred_at, actor, kind, from_state, to_state, previous_hash, hash)
				values (?, ?, ?, 'test', 'STATE_CHANGED', ?, ?, '', 'x')""", incident, sequence,
				Timestamp.from(Instant.parse(at)), from, to);
	}

	private static BigDecimal days(String value) {
		return new BigDecimal(value);
	}

}
