package jp.hikeshi.incident.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.StatementCounter;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a report from the staff form costs in SQL, the path every member of staff takes and
 * the benchmark's intake measures: the incident's row is written once (inserted complete, never
 * updated in the same transaction), and the count of statements is fixed. The configuration is
 * {@link IncidentPageStatementsTest}'s, so the two share one application context.
 */
@SpringBootTest(properties = { "hikeshi.notifications.jobs.enabled=false",
		"hikeshi.integrations.allow-local-addresses=true" })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class, StatementCounter.class })
class ReportStatementsTest {

	/** Counted on the day the report's second save and Spring Security's session registry went. */
	private static final int REPORT_STATEMENTS = 12;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	StatementCounter statements;

	@Test
	void aReportWritesItsIncidentOnceInAFixedNumberOfStatements() throws Exception {
		// a security lead to tell, whichever test of the shared context ran before
		this.users.create(Role.SECURITY_LEAD);
		UserAccount reporter = this.users.create(Role.REPORTER);
		SignedInBrowser browser = SignedInBrowser.signIn(this.mvc, reporter.getUsername(), CompletedSetup.PASSWORD);
		report(browser, "最初の報告");
		this.statements.reset();
		report(browser, "二つ目の報告");

		List<String> sql = this.statements.statements();
		String all = String.join("\n", sql);
		assertThat(sql.stream().filter(statement -> lower(statement).startsWith("insert into incident ")))
			.as(all)
			.hasSize(1);
		assertThat(sql.stream().filter(statement -> lower(statement).startsWith("update incident "))).as(all).isEmpty();
		// the session (read, read again as Spring Session saves it, its access time offered once more: written once
		// a minute), the reference,
		// the incident, its first timeline entry and its seal, the security leads, what a notification needs of
		// each (their accounts, opt-outs and settings) and the notifications, in one batch
		assertThat(sql).as(all).hasSizeLessThanOrEqualTo(REPORT_STATEMENTS);
	}

	private void report(SignedInBrowser browser, String description) throws Exception {
		String noticed = LocalDateTime.now(ZoneId.of("Asia/Tokyo"))
			.minusMinutes(5)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
		browser
			.perform(post("/report").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.param("description", description)
				.param("discoveredAt", noticed)
				.param("stillHappening", "UNKNOWN"))
			.andExpect(status().is3xxRedirection());
	}

	private static String lower(String statement) {
		return statement.strip().toLowerCase(Locale.ROOT);
	}

}
