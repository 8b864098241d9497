package jp.hikeshi.incident.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.evidence.EvidenceService;
import jp.hikeshi.evidence.NewEvidence;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Move;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.SignedInBrowser;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The SQL statements the incident page costs: the same for an incident with a short history as
 * for one with 200 timeline entries, 30 checklist items and 10 evidence files.
 */
@SpringBootTest(properties = { "hikeshi.notifications.jobs.enabled=false",
		"hikeshi.integrations.allow-local-addresses=true" })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class, StatementCounter.class })
class IncidentPageStatementsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	EvidenceService evidence;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StatementCounter statements;

	static long small;

	static long large;

	static UserAccount lead;

	@BeforeEach
	void aShortAndALongHistory() {
		if (lead != null) {
			return;
		}
		lead = this.users.create(Role.SECURITY_LEAD);
		Actor actor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		small = inContainment(actor);
		large = inContainment(actor);
		for (int i = 0; i < 10; i++) {
			this.evidence.collect(large, actor, new NewEvidence("log-" + i + ".txt", "PC-" + i, null),
					new ByteArrayInputStream(("evidence " + i).getBytes(StandardCharsets.UTF_8)));
		}
		int checklist = this.incidents.findForPage(large, actor).getChecklist().size();
		for (int i = checklist; i < 30; i++) {
			this.jdbc.update("""
					insert into incident_checklist_item (incident_id, point_group, position, custom_text)
					values (?, 'EVERY_KIND', ?, ?)""", large, 100 + i, "独自の確認 " + i);
		}
		int entries = this.incidents.findForPage(large, actor).getTimeline().size();
		for (int i = entries; i < 200; i++) {
			this.incidents.addNote(large, actor, "経過メモ " + i + "：サーバーのログを確認した");
		}
		Incident loaded = this.incidents.findForPage(large, actor);
		assertThat(loaded.getChecklist()).hasSize(30);
		assertThat(loaded.getTimeline()).hasSize(200);
	}

	@Test
	void theIncidentPageCostsTheSameStatementsForAShortAndALongHistory() throws Exception {
		String page = "/incidents/{id}";
		int few = statementsFor(page, small);
		int many = statementsFor(page, large);
		// the incident, three of its collections and the newest entries of its timeline, the accounts and their roles (once), the reporting case and its duties, the
		// desks and own contacts, the register's systems and vendors, the unread count; and two for the session, kept in
		// PostgreSQL since #16 (here a new one each request: its row and its attributes). The approved policy is quoted
		// from what the first view read (ResponsePolicy.quoted)
		assertThat(many).as(String.join("\n", this.statements.statements())).isEqualTo(few).isLessThanOrEqualTo(16);
		assertThat(this.statements.statements()).noneMatch(sql -> sql.contains("response_policy_version"));
		// of 200 entries, the page reads the newest fifty it shows, not the whole timeline
		assertThat(this.statements.statements()).filteredOn(sql -> sql.contains("from incident_timeline_entry"))
			.singleElement()
			.satisfies(sql -> assertThat(sql).containsIgnoringCase("order by").containsPattern("(?i)fetch first|limit"));
	}

	@Test
	void theTimelinesOtherViewsCostTheSameStatementsForAShortAndALongHistory() throws Exception {
		for (String view : List.of("/incidents/{id}/timeline", "/incidents/{id}/timeline/verify", "/incidents/{id}/report")) {
			int few = statementsFor(view, small);
			int many = statementsFor(view, large);
			assertThat(many).as(view + "\n" + String.join("\n", this.statements.statements())).isEqualTo(few);
		}
	}

	@Test
	void aSignedInPageReadsItsSessionOnceAndWritesNothingWhenNothingInItChanged() throws Exception {
		SignedInBrowser browser = SignedInBrowser.signIn(this.mvc, lead.getUsername(), CompletedSetup.PASSWORD);
		browser.perform(get("/incidents/{id}", small)).andExpect(status().isOk());
		this.statements.reset();
		browser.perform(get("/incidents/{id}", small)).andExpect(status().isOk());
		List<String> session = this.statements.statements()
			.stream()
			.filter(sql -> sql.toUpperCase(java.util.Locale.ROOT).contains("SPRING_SESSION"))
			.toList();
		// read once to open it: not a second time after saving it (spring-session#1731), not a third to
		// ask a registry whether it was ended (the mark is in the session), and not written at all, its
		// access time being seconds old (QuietSessions)
		assertThat(session).as(String.join("\n", this.statements.statements()))
			.singleElement()
			.satisfies(sql -> assertThat(sql.strip().toUpperCase(java.util.Locale.ROOT)).startsWith("SELECT"));
	}

	/** The statements of the second request: the first warms what a running application holds already. */
	private int statementsFor(String path, long id) throws Exception {
		this.mvc.perform(get(path, id).with(this.users.signedIn(lead.getUsername()))).andExpect(status().isOk());
		var signedIn = this.users.signedIn(lead.getUsername());
		this.statements.reset();
		this.mvc.perform(get(path, id).with(signedIn)).andExpect(status().isOk());
		return this.statements.count();
	}

	private long inContainment(Actor actor) {
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		Incident incident = this.incidents.report(new Incident.Report("ランサムウェアの疑い", "画面に脅迫文", null, "経理部PC", null,
				null, null), new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		long id = incident.getId();
		this.incidents.take(id, version(id, actor), actor);
		this.incidents.escalate(id, version(id, actor), actor, Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS,
				Severity.HIGH, null);
		this.incidents.formTeam(id, version(id, actor), new Actor(executive.getUsername(), Set.of(Role.EXECUTIVE)),
				lead.getUsername(), List.of(new Assignee(lead.getUsername(), "指揮")));
		this.incidents.perform(id, version(id, actor), actor, Move.of(Transition.START_CONTAINMENT));
		return id;
	}

	private long version(long id, Actor actor) {
		return this.incidents.find(id, actor).getVersion();
	}

}
