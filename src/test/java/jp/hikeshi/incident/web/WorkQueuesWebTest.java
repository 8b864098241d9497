package jp.hikeshi.incident.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.test.GenericPlan;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.StatementCounter;
import jp.hikeshi.test.TestDatabaseConfiguration.DatabaseOwner;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A work queue is read a page of fifty at a time, oldest first, with how many wait in all: at a
 * million incidents the lead's queue held 35,000 reports, and reading them all ran the page out of
 * memory. Rolled back: only this test's reports wait.
 */
@IntegrationTest
@Import(StatementCounter.class)
@Transactional
class WorkQueuesWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	DatabaseOwner owner;

	@Test
	void theTriageQueueShowsFiftyOldestFirstAndPagesToTheRest() throws Exception {
		this.jdbc.update("update incident set state = 'DISMISSED' where state in ('REPORTED', 'TRIAGE')");
		UserAccount reporter = this.users.create(Role.REPORTER);
		List<Incident> waiting = new ArrayList<>();
		for (int i = 1; i <= 52; i++) {
			waiting.add(this.incidents.report(new Incident.Report("待っている報告 " + i, "詳しくは分からない。", null, "社内PC",
					StillHappening.NO, null, null, null), new Actor(reporter.getUsername(), reporter.getRoles())));
		}
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);

		String first = page("/triage", lead);
		assertThat(first).contains("52件（古い順）", "2ページ中 1ページ目");
		assertThat(first.indexOf(waiting.get(0).getReference())).as("oldest first")
			.isPositive()
			.isLessThan(first.indexOf(waiting.get(49).getReference()));
		assertThat(first).doesNotContain(waiting.get(50).getReference(), waiting.get(51).getReference());

		String second = page("/triage?page=1", lead);
		assertThat(second).contains(waiting.get(50).getReference(), waiting.get(51).getReference(), "2ページ中 2ページ目")
			.doesNotContain(waiting.get(0).getReference());
		// a page before the first is the first
		assertThat(page("/triage?page=-4", lead)).contains(waiting.get(0).getReference());
		assertThat(page("/triage?page=1", lead).replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""))
			.doesNotContain("REPORTED", "null");
	}

	@Test
	void theQueuesRefuseAPageThatIsNotANumber() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD, Role.EXECUTIVE, Role.RESPONDER);
		for (String path : List.of("/triage", "/executive/inbox", "/incidents/assigned")) {
			this.mvc.perform(get(path + "?page=abc").with(this.users.signedIn(lead.getUsername())))
				.andExpect(status().isBadRequest());
			assertThat(page(path, lead)).as(path).doesNotContain("null");
		}
	}

	@Test
	void theExecutivesInboxIsPagedAndCountedFromItsOwnIndex() {
		this.statements.reset();
		// a page past the first: the total is counted too
		this.incidents.awaitingExecutive(PageRequest.of(1000, 1));
		List<String> queries = this.statements.statements().stream().filter(sql -> sql.contains("closing_approved_at")).toList();
		assertThat(queries).hasSize(2);
		for (String sql : queries) {
			// its generic plan, sequential scans priced out (V55)
			assertThat(GenericPlan.of(this.jdbc, sql, true)).as(sql).contains("incident_awaiting_executive_idx");
		}
	}

	@Test
	void theListOfOneStateReadsItsNewestFromTheIndexOfThatState() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		this.statements.reset();
		page("/incidents?state=CLOSED", lead);
		List<String> queries = this.statements.statements()
			.stream()
			.filter(sql -> sql.contains("order by i1_0.reported_at desc"))
			.toList();
		assertThat(queries).as(String.join("\n", this.statements.statements())).isNotEmpty();
		// as autovacuum keeps a table that is not all new: most of its pages all-visible, so that the ids
		// are read from the index alone (on a table just written the planner prices the heap's visits)
		this.owner.jdbc().execute("vacuum analyze incident");
		for (String sql : queries) {
			// not the newest of every state, filtered: behind a run of alike reports that read them all (V61)
			assertThat(GenericPlan.of(this.jdbc, sql, true)).as(sql).contains("incident_real_state_newest_idx");
		}
	}

	private String page(String path, UserAccount user) throws Exception {
		return this.mvc.perform(get(path).with(this.users.signedIn(user.getUsername())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
