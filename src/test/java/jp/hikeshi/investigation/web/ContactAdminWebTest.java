package jp.hikeshi.investigation.web;

import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrator's own contacts appear where help is asked for; bad input comes back as typed. */
@IntegrationTest
class ContactAdminWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aContactTheAdministratorAddsIsShownWhenAskingForHelp() throws Exception {
		this.mvc.perform(add().param("kind", "INSURER").param("name", "サイバー保険 事故受付").param("phone", "0120-000-000"))
			.andExpect(flash().attribute("notice", Notice.of("contact.added")));
		Actor lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		long incident = this.incidents.report(new Incident.Report(null, "連絡先の確認", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
		this.mvc.perform(get("/incidents/{id}/investigation", incident).with(this.users.signedIn(lead.username())))
			.andExpect(content().string(containsString("保険会社：サイバー保険 事故受付")))
			.andExpect(content().string(containsString("<a href=\"tel:0120000000\">0120-000-000</a>")));
		assertThat(this.jdbc.queryForList("select action from audit_event where subject = ?", String.class,
				"サイバー保険 事故受付")).containsExactly("CONTACT_ADDED");
	}

	@Test
	void aRefusedContactComesBackAsTypedAndNothingIsSaved() throws Exception {
		long before = count();
		MvcResult noName = this.mvc.perform(add().param("kind", "LAWYER").param("phone", "03-0000-0000"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("contact", "name", "contact.nameRequired"))
			.andReturn();
		assertThat(FormPage.of(noName).errorAt("name")).isEqualTo(said(noName, "name"));
		assertThat(FormPage.of(noName).valueOf("kind")).isEqualTo("LAWYER");
		assertThat(FormPage.of(noName).valueOf("phone")).isEqualTo("03-0000-0000");

		String name = "顧問弁護士 " + "x".repeat(200);
		MvcResult tooLong = this.mvc.perform(add().param("kind", "LAWYER").param("name", name).param("note", "平日のみ"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("contact", "name", "Size"))
			.andReturn();
		assertThat(FormPage.of(tooLong).errorAt("name")).isEqualTo(said(tooLong, "name")).contains("200");
		assertThat(FormPage.of(tooLong).valueOf("name")).isEqualTo(name);
		assertThat(FormPage.of(tooLong).valueOf("note")).isEqualTo("平日のみ");

		MvcResult noKind = this.mvc.perform(add().param("kind", "ASTROLOGER").param("name", "占い師"))
			.andExpect(model().attributeHasFieldErrorCode("contact", "kind", "typeMismatch"))
			.andReturn();
		assertThat(FormPage.of(noKind).errorAt("kind")).isEqualTo(said(noKind, "kind"));
		assertThat(FormPage.of(noKind).valueOf("name")).isEqualTo("占い師");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void removingAContactThatIsGoneSaysSo() throws Exception {
		this.mvc.perform(post("/admin/contacts/{id}/delete", Long.MAX_VALUE)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(CompletedSetup.ADMIN)))
			.andExpect(flash().attribute("problem", Notice.of("contact.unknown")));
	}

	private String said(MvcResult result, String field) {
		BindingResult errors = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + "contact");
		return this.messages.getMessage(errors.getFieldError(field), Locale.JAPANESE);
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from contact", Long.class);
	}

	private MockHttpServletRequestBuilder add() {
		return post("/admin/contacts").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(CompletedSetup.ADMIN));
	}

}
