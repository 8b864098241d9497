package jp.hikeshi.investigation;

import java.util.Set;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/** The administrator's own contacts appear where help is asked for; bad input is refused. */
@IntegrationTest
class ContactAdminTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aContactTheAdministratorAddsIsShownWhenAskingForHelp() throws Exception {
		this.mvc.perform(post("/admin/contacts").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(CompletedSetup.ADMIN))
				.param("kind", "INSURER")
				.param("name", "サイバー保険 事故受付")
				.param("phone", "0120-000-000"))
			.andExpect(flash().attribute("notice", "contact.added"));
		Actor lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		long incident = this.incidents.report(new Incident.Report(null, "連絡先の確認", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
		this.mvc.perform(get("/incidents/{id}/investigation", incident).with(this.users.signedIn(lead.username())))
			.andExpect(content().string(containsString("保険会社：サイバー保険 事故受付 0120-000-000")));
		assertThat(this.jdbc.queryForList("select action from audit_event where subject = ?", String.class,
				"サイバー保険 事故受付")).containsExactly("CONTACT_ADDED");
	}

	@Test
	void aContactNeedsAKindAndAName() throws Exception {
		long before = this.jdbc.queryForObject("select count(*) from contact", Long.class);
		this.mvc.perform(post("/admin/contacts").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(CompletedSetup.ADMIN))
				.param("kind", "LAWYER"))
			.andExpect(flash().attribute("problem", "contact.nameRequired"));
		this.mvc.perform(post("/admin/contacts").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(CompletedSetup.ADMIN))
				.param("kind", "LAWYER")
				.param("name", "x".repeat(201)))
			.andExpect(flash().attribute("problem", "contact.textInvalid"));
		assertThat(this.jdbc.queryForObject("select count(*) from contact", Long.class)).isEqualTo(before);
	}

}
