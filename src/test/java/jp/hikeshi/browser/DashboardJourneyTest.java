package jp.hikeshi.browser;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.reporting.DataSet;
import jp.hikeshi.reporting.LeakStatus;
import jp.hikeshi.reporting.Facts;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executive sees an overdue report on the dashboard and follows it to the incident; the
 * dashboard reads on a laptop (1366×768) and a phone (390×844) in both languages: no sideways
 * scrolling, the open incidents named on the first screen and the damage on the second, every
 * chart label drawn, and not one console error or Content-Security-Policy violation, on load and
 * with the pointer over a chart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class DashboardJourneyTest {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Installed by the DevTools protocol before any of the page's own scripts (an inline script
	 * would itself break the policy): records each policy violation, uncaught error, failed
	 * resource and console.error the page produces.
	 */
	private static final String PROBLEMS = """
			window.__problems = [];
			document.addEventListener('securitypolicyviolation', function (e) {
			  window.__problems.push('CSP ' + e.violatedDirective + ' ' + (e.blockedURI || '') + ' at ' + e.sourceFile + ':' + e.lineNumber);
			}, true);
			window.addEventListener('error', function (e) {
			  window.__problems.push('error ' + (e.message || (e.target && (e.target.src || e.target.href)) || e.type));
			}, true);
			window.addEventListener('unhandledrejection', function (e) { window.__problems.push('rejection ' + e.reason); });
			(function () {
			  var original = console.error;
			  console.error = function () {
			    window.__problems.push('console.error ' + Array.prototype.join.call(arguments, ' '));
			    return original.apply(console, arguments);
			  };
			})();
			""";

	/** What sticks out sideways: empty when the page does not scroll sideways. */
	private static final String WIDER = """
			var root = document.documentElement;
			if (root.scrollWidth <= root.clientWidth) { return []; }
			var scrolled = function (el) {
			  for (var up = el.parentElement; up && up !== document.body; up = up.parentElement) {
			    if (/auto|scroll|hidden/.test(getComputedStyle(up).overflowX)) { return true; }
			  }
			  return false;
			};
			return Array.prototype.filter.call(document.querySelectorAll('body *'), function (el) {
			  return el.getBoundingClientRect().right > root.clientWidth + 1 && !scrolled(el);
			}).slice(0, 8).map(function (el) {
			  return el.tagName + '.' + el.className + '#' + el.id + ' ' + Math.round(el.getBoundingClientRect().right)
			    + ' ' + (el.textContent || '').trim().slice(0, 40);
			}).concat(['scrollWidth ' + root.scrollWidth]);""";

	/** For each chart: its categories, how many labels ECharts lays out, and whether they are all drawn. */
	private static final String CHARTS = """
			return Array.prototype.map.call(document.querySelectorAll('.chart'), function (el) {
			  var chart = window.echarts && window.echarts.getInstanceByDom(el);
			  if (!chart) { return { id: el.id, drawn: false }; }
			  var option = chart.getOption();
			  var axis = chart.getModel().getComponent('xAxis', 0).axis;
			  return { id: el.id, drawn: true, categories: option.xAxis[0].data.length,
			           shown: axis.getViewLabels().length, interval: String(option.xAxis[0].axisLabel.interval),
			           legend: option.legend[0].type, tooltip: option.tooltip[0].renderMode,
			           width: el.getBoundingClientRect().width };
			});""";

	@Test
	void anOverdueReportLeadsToItsIncident() {
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		Actor lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		// noticed ten days ago: the PPC's preliminary report (5 days) is overdue
		Incident incident = this.incidents.report(new Incident.Report("会員情報の流出", "会員DBへの不正アクセス",
				Instant.now().minus(10, ChronoUnit.DAYS), "会員サイト", null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(incident.getId(), 0, lead);
		this.incidents.escalate(incident.getId(), this.incidents.find(incident.getId(), lead).getVersion(), lead,
				Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS, Severity.HIGH, null);
		this.reporting.updateFacts(incident.getId(), this.reporting.caseFor(incident.getId(), lead).getVersion(), lead,
				new Facts(LeakStatus.OCCURRED, null, true, null, true, true, false, false, false, false, false, false,
						null, null, null, null, null), null, null);
		this.reporting.addDataSet(incident.getId(), this.reporting.caseFor(incident.getId(), lead).getVersion(), lead,
				new DataSet.Details("会員名簿", "氏名、メール", null, DataSet.Owner.CUSTOMERS, false, false, false, null, 5_000,
						false, null, null, false, false));

		try (Browser browser = Browser.open(this.port, "ja")) {
			browser.signIn(executive.getUsername(), CompletedSetup.PASSWORD).click("ダッシュボード");
			assertThat(browser.heading()).isEqualTo("ダッシュボード");
			assertThat(browser.text()).contains("件の報告が期限を過ぎています", "期限超過", "個人情報保護委員会への速報");
			browser.click(incident.getReference() + " " + incident.getTitle());
			assertThat(browser.heading()).contains(incident.getReference(), "会員情報の流出");
			assertThat(browser.text()).contains("期限超過", "日過ぎています");
		}
	}

	@Test
	void theDashboardReadsOnALaptopAndAPhoneWithoutAConsoleError() {
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		history();
		for (String language : List.of("en", "ja")) {
			try (Browser browser = Browser.open(this.port, language)) {
				ChromeDriver driver = (ChromeDriver) browser.driver();
				driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBLEMS));
				browser.signIn(executive.getUsername(), CompletedSetup.PASSWORD);
				for (int[] screen : List.of(new int[] { 1366, 768 }, new int[] { 390, 844 })) {
					String where = language + " " + screen[0] + "×" + screen[1];
					driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", screen[0], "height",
							screen[1], "deviceScaleFactor", 1, "mobile", screen[0] < 600));
					browser.go("/dashboard");
					Browser.waiting(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(script(d,
							"return document.readyState === 'complete' && !!window.echarts"
									+ " && Array.prototype.every.call(document.querySelectorAll('.chart'),"
									+ " function (el) { return !!window.echarts.getInstanceByDom(el); })")));

					assertThat((List<String>) script(driver, WIDER)).as(where + ": no sideways scrolling").isEmpty();

					List<Map<String, Object>> charts = script(driver, CHARTS);
					assertThat(charts).as(where).hasSize(2).allSatisfy(chart -> {
						assertThat(chart.get("drawn")).as(where + " " + chart.get("id")).isEqualTo(true);
						assertThat(((Number) chart.get("categories")).intValue()).as(where + " " + chart.get("id")).isGreaterThan(4);
						assertThat(chart.get("shown")).as(where + " " + chart.get("id") + ": every label drawn")
							.isEqualTo(chart.get("categories"));
						assertThat(chart.get("interval")).isEqualTo("0");
						assertThat(chart.get("legend")).as("a legend that wraps").isEqualTo("plain");
						assertThat(chart.get("tooltip")).as("a tooltip without HTML").isEqualTo("richText");
					});

					if (screen[0] > 1000) {
						// the open incidents with their titles and severity in colour on the first screen, the damage on the second
						WebElement first = driver.findElement(By.cssSelector(".dashboard-incidents li"));
						assertThat(first.getRect().getY() + first.getRect().getHeight()).as(where + ": first incident")
							.isLessThanOrEqualTo(screen[1]);
						assertThat(first.findElement(By.cssSelector(".severity")).getCssValue("background-color"))
							.as("緊急 in colour").isNotIn("rgba(0, 0, 0, 0)", "transparent");
						assertThat(driver.findElement(By.id("damage")).getRect().getY()).as(where + ": damage")
							.isLessThan(2 * screen[1]);
					}
					for (WebElement link : driver.findElements(By.cssSelector("a.count-link"))) {
						assertThat(link.getRect().getWidth()).as(where + " count link " + link.getText()).isGreaterThanOrEqualTo(24);
						assertThat(link.getRect().getHeight()).as(where + " count link " + link.getText()).isGreaterThanOrEqualTo(24);
					}

					// the pointer over each chart's first bars: the tooltip is drawn, nothing is refused
					for (WebElement chart : driver.findElements(By.cssSelector(".chart"))) {
						script(driver, "arguments[0].scrollIntoView({block: 'center'})", chart);
						new Actions(driver).moveToElement(chart, -chart.getRect().getWidth() / 4, 0)
							.pause(Duration.ofMillis(300))
							.moveByOffset(8, 4)
							.pause(Duration.ofMillis(300))
							.perform();
					}
					List<String> problems = script(driver, "return window.__problems");
					assertThat(problems).as(where + ": console errors and CSP violations").isEmpty();
				}
				// the recorder itself: a style attribute written as HTML is refused, and recorded
				script(driver, "document.body.insertAdjacentHTML('beforeend', '<span style=\"color: red\">x</span>')");
				Browser.waiting(driver, Duration.ofSeconds(5))
					.until(d -> !((List<?>) script(d, "return window.__problems")).isEmpty());
			}
		}
	}

	/** Incidents of every category over the last months, with the times and damage the charts show. */
	private void history() {
		Instant now = Instant.now();
		this.jdbc.update("""
				insert into incident (reference, title, description, category, severity, state, discovered_at, reported_at,
				                      damage_direct_yen)
				values ('CH-OPEN', '基幹システムのランサムウェア感染', 'chart history', 'VIRUS_RANSOMWARE', 'CRITICAL', 'ESCALATED',
				        now(), now(), 3000000)""");
		int n = 0;
		for (Category category : Category.values()) {
			for (int month = 0; month < 7; month += 1 + (category.ordinal() % 2)) {
				Instant reported = now.minus(30L * month + 1, ChronoUnit.DAYS);
				this.jdbc.update("""
						insert into incident (reference, title, description, category, severity, state, discovered_at,
						                      occurred_at, contained_at, recovered_at, reported_at, damage_direct_yen)
						values (?, ?, 'chart history', ?, 'LOW', 'CLOSED', ?, ?, ?, ?, ?, ?)""",
						"CH-" + (n++), "chart history", category.name(), Timestamp.from(reported),
						Timestamp.from(reported.minus(2, ChronoUnit.DAYS)), Timestamp.from(reported.plus(1, ChronoUnit.DAYS)),
						Timestamp.from(reported.plus(5, ChronoUnit.DAYS)), Timestamp.from(reported), 100_000L * (month + 1));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T script(org.openqa.selenium.WebDriver driver, String script, Object... arguments) {
		return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

}
