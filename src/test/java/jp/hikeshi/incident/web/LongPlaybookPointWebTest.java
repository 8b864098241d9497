package jp.hikeshi.incident.web;

import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A company's own playbook point as long as the playbook page allows (500 characters) is saved,
 * copied into an incident's checklist and can be checked off there: an incident is never stuck
 * on a point its own playbook wrote.
 */
@IntegrationTest
class LongPlaybookPointWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void theShippedPlaybookAgain() {
		this.jdbc.update("delete from playbook_point");
	}

	@Test
	void aPointOfTheLongestLengthIsSavedCopiedAndCheckedOff() throws Exception {
		String point = "経理部長と取引先の担当者に電話で連絡し、".repeat(25);
		assertThat(point).hasSize(500);
		this.mvc.perform(post("/admin/playbooks").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(CompletedSetup.ADMIN))
				.param("text", point))
			.andExpect(status().is3xxRedirection());

		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Actor actor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		Incident incident = this.incidents.report(new Incident.Report(null, "長い項目", null, "PC", null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(incident.getId(), incident.getVersion(), actor);
		this.incidents.escalate(incident.getId(), version(incident), actor, Category.VIRUS_RANSOMWARE, null,
				Severity.HIGH, null);
		long item = this.jdbc.queryForObject(
				"select id from incident_checklist_item where incident_id = ? and custom_text = ?", Long.class,
				incident.getId(), point);

		this.mvc.perform(post("/incidents/{id}/checklist/{item}", incident.getId(), item)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(lead.getUsername()))
				.param("version", String.valueOf(version(incident)))
				.param("status", "DONE"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForObject("select status from incident_checklist_item where id = ?", String.class, item))
			.isEqualTo("DONE");
	}

	private long version(Incident incident) {
		return this.jdbc.queryForObject("select version from incident where id = ?", Long.class, incident.getId());
	}

}
