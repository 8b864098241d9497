package jp.hikeshi.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notification pages in the shared context, which has no mail server (as the embedded
 * development set-up): settings refuse bad input beside the field and keep what was typed, the
 * log says in words why a mail did not go, the bell counts, and one's own settings grey the
 * mandatory rows.
 */
@IntegrationTest
class NotificationWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AccountService accounts;

	@Autowired
	IncidentService incidents;

	@Autowired
	NotificationSettings settings;

	@Autowired
	Webhooks webhooks;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSettingsRefuseASenderWithALineBreakAndATimeoutOutOfRangeBesideTheFieldsKeepingWhatWasTyped() throws Exception {
		CompanySettings before = this.settings.company();
		MvcResult result = this.mvc.perform(form("/admin/notifications").with(admin())
			.param("sender", "hikeshi@example.com\r\nBcc: thief@evil.example")
			.param("publicBaseUrl", "https://hikeshi.example.jp")
			.param("triageTimeoutMinutes", "3")
			.param("digestHour", "8")
			.param("emailRules", "TEAM_ASSIGNED")
			.param("version", String.valueOf(before.version()))).andExpect(status().isOk()).andReturn();

		FormPage page = FormPage.of(result);
		assertThat(page.errorAt("sender")).isEqualTo("制御文字や見えない書式文字が含まれています。取り除いてください。");
		assertThat(page.errorAt("triageTimeoutMinutes")).isEqualTo("5分以上にしてください。");
		assertThat(page.valueOf("publicBaseUrl")).isEqualTo("https://hikeshi.example.jp");
		assertThat(page.valueOf("triageTimeoutMinutes")).isEqualTo("3");
		assertThat(this.settings.company()).isEqualTo(before);

		MvcResult twoAddresses = this.mvc.perform(form("/admin/notifications").with(admin())
			.param("sender", "hikeshi@example.com, thief@evil.example")
			.param("triageTimeoutMinutes", "30")
			.param("digestHour", "8")
			.param("version", String.valueOf(before.version()))).andExpect(status().isOk()).andReturn();
		assertThat(FormPage.of(twoAddresses).errorAt("sender")).isEqualTo("メールアドレスを1つだけ入力してください。");
		assertThat(this.settings.company()).isEqualTo(before);
	}

	@Test
	void theSettingsAreSavedAndAMandatoryRowStaysOnWhateverIsSent() throws Exception {
		CompanySettings before = this.settings.company();
		try {
			this.mvc.perform(form("/admin/notifications").with(admin())
				.param("sender", "security@example.co.jp")
				.param("publicBaseUrl", "https://hikeshi.example.co.jp/")
				.param("triageTimeoutMinutes", "15")
				.param("digestHour", "7")
				.param("emailRules", "TEAM_ASSIGNED")
				.param("chatRules", "TEAM_ASSIGNED", "ESCALATED")
				.param("version", String.valueOf(before.version())))
				.andExpect(redirectedUrl("/admin/notifications"))
				.andExpect(flash().attribute("notice", Notice.of("notification.settings.saved")));

			CompanySettings saved = this.settings.company();
			assertThat(saved.triageTimeoutMinutes()).isEqualTo(15);
			assertThat(this.settings.publicBaseUrl()).isEqualTo("https://hikeshi.example.co.jp");
			assertThat(saved.channelsOf(Rule.NEW_REPORT)).isEqualTo(new CompanySettings.Channels(true, true));
			assertThat(saved.channelsOf(Rule.DECISION_WAITING).email()).isFalse();
			assertThat(saved.channelsOf(Rule.TEAM_ASSIGNED)).as("a message to one person stays out of the channel")
				.isEqualTo(new CompanySettings.Channels(true, false));
			assertThat(saved.channelsOf(Rule.ESCALATED).chat()).isTrue();
		}
		finally {
			this.settings.saveCompany(new CompanySettings(before.sender(), before.publicBaseUrl(),
					before.triageTimeoutMinutes(), before.digestHour(), before.rules(), this.settings.company().version()),
					"test");
		}
	}

	@Test
	void aWebhookThatIsNotHttpsOrNotTheServicesIsRefusedBesideItsFieldAndAGoodOneIsShownOnlyByItsHint() throws Exception {
		int before = this.webhooks.all().size();
		MvcResult plain = this.mvc.perform(form("/admin/notifications/webhooks").with(admin())
			.param("kind", "SLACK")
			.param("name", "情報システム部")
			.param("url", "http://hooks.slack.com/services/T000/B000/secret")
			.param("language", "ja")).andExpect(status().isOk()).andReturn();
		FormPage page = FormPage.of(plain);
		assertThat(page.errorAt("url")).isEqualTo("https:// で始まる URL だけ登録できます（http では URL が暗号化されずに送られます）。");
		assertThat(page.valueOf("name")).isEqualTo("情報システム部");
		// a host inside the company's network is no chat service: the server must not be aimed at it
		MvcResult inside = this.mvc.perform(form("/admin/notifications/webhooks").with(admin())
			.param("kind", "SLACK")
			.param("name", "情報システム部")
			.param("url", "https://10.0.0.5/admin")
			.param("language", "ja")).andExpect(status().isOk()).andReturn();
		assertThat(FormPage.of(inside).errorAt("url")).startsWith("Slack の Webhook の URL ではありません。");
		assertThat(this.webhooks.all()).hasSize(before);

		this.mvc.perform(form("/admin/notifications/webhooks").with(admin())
			.param("kind", "SLACK")
			.param("name", "情報システム部")
			.param("url", "https://hooks.slack.com/services/T000/B000/abcdSECRETwxyz")
			.param("language", "ja")).andExpect(redirectedUrl("/admin/notifications"));
		Webhooks.Webhook added = this.webhooks.all().get(this.webhooks.all().size() - 1);
		try {
			assertThat(added.hint()).isEqualTo("https://hooks.slack.com/…wxyz");
			String html = this.mvc.perform(get("/admin/notifications").with(admin()))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).contains("https://hooks.slack.com/…wxyz").doesNotContain("SECRET", "T000");
		}
		finally {
			this.webhooks.remove(added.id(), "test");
		}
	}

	@Test
	void withoutAMailServerTheLogSaysSoInWordsNamesThePersonAndOffersToSendAgain() throws Exception {
		// the reporter hears that their report was taken: the newest mail of the log, so on its first page
		UserAccount staff = this.accounts.create(new CreateAccount("notify-log-staff", new Profile("記録 確認者", null,
				"staff@log.example", null), EnumSet.of(Role.REPORTER), CompletedSetup.PASSWORD), "test");
		Incident incident = this.incidents.report(new Incident.Report(null, "社外秘の見積書を誤って取引先に送った",
				Instant.now(), null, StillHappening.NO, null, null), new Actor(staff.getUsername(), Set.of(Role.REPORTER)));
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		this.incidents.take(incident.getId(), incident.getVersion(),
				new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD)));
		Long id = this.jdbc.queryForObject("""
				select id from notification where incident_id = ? and recipient = ? and channel = 'EMAIL'
				  and state = 'NOT_SENT' and failure = 'NO_MAIL_SERVER'""", Long.class, incident.getId(), staff.getUsername());

		String settingsPage = this.mvc.perform(get("/admin/notifications").with(admin()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(settingsPage).contains("メールサーバーが設定されていません");
		String log = this.mvc.perform(get("/admin/notifications/log").param("state", "NOT_SENT").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(log).contains("記録 確認者", "メールサーバーが設定されていません", incident.getReference(),
				"自分の報告の受付・完了").doesNotContain("notify-log-staff", "NO_MAIL_SERVER", "NOT_SENT<", "REPORTER_UPDATE");

		this.mvc.perform(form("/admin/notifications/log/{id}/resend", id).with(admin()))
			.andExpect(flash().attribute("notice", Notice.of("notification.log.resent")));
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where action = 'NOTIFICATION_RESENT' and subject = ?",
				Integer.class, incident.getReference())).isEqualTo(1);
		Long inApp = this.jdbc.queryForObject("""
				select id from notification where incident_id = ? and recipient = ? and channel = 'IN_APP'""", Long.class,
				incident.getId(), staff.getUsername());
		this.mvc.perform(form("/admin/notifications/log/{id}/resend", inApp).with(admin()))
			.andExpect(flash().attribute("problem", Notice.of("notification.log.notResendable")));
	}

	@Test
	void theBellCountsWhatIsUnreadAndOpeningANotificationReadsItAndGoesToItsPage() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		RequestPostProcessor asLead = this.users.signedIn(lead.getUsername());
		Incident incident = report();

		String home = page(get("/"), asLead);
		assertThat(home).contains("aria-label=\"通知（未読 1 件）\"");
		String list = page(get("/notifications"), asLead);
		assertThat(list).contains("新しい報告があります（" + incident.getReference() + "）")
			.doesNotContain("NEW_REPORT", incident.getDescription());
		long id = this.jdbc.queryForObject("select id from notification where recipient = ? and channel = 'IN_APP'",
				Long.class, lead.getUsername());

		// someone else's notification does not exist for them
		this.mvc.perform(form("/notifications/{id}/open", id).with(this.users.as(Role.SECURITY_LEAD)))
			.andExpect(status().isNotFound());
		this.mvc.perform(form("/notifications/{id}/open", id).with(asLead))
			.andExpect(redirectedUrl("/incidents/" + incident.getId()));
		assertThat(page(get("/"), asLead)).contains("aria-label=\"通知（未読なし）\"");

		report();
		this.mvc.perform(form("/notifications/read").with(asLead))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where recipient = ? and channel = 'IN_APP' and read_at is null",
				Integer.class, lead.getUsername())).isZero();
	}

	@Test
	void theBellCountsUpToNinetyNineAndShowsMoreAsNinetyNinePlus() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		RequestPostProcessor asLead = this.users.signedIn(lead.getUsername());
		report();
		long first = this.jdbc.queryForObject("select id from notification where recipient = ? and channel = 'IN_APP'",
				Long.class, lead.getUsername());
		copies(first, 98);
		String ninetyNine = page(get("/"), asLead);
		assertThat(ninetyNine).contains("aria-label=\"通知（未読 99 件）\"", "<span class=\"bell-count\" aria-hidden=\"true\">99</span>");
		copies(first, 1);
		String hundred = page(get("/"), asLead);
		assertThat(hundred).contains("aria-label=\"通知（未読 99 件超）\"", "<span class=\"bell-count\" aria-hidden=\"true\">99+</span>");
		copies(first, 2000);
		assertThat(page(get("/").header("Accept-Language", "en"), asLead)).contains("aria-label=\"Notifications (more than 99 unread)\"",
				"<span class=\"bell-count\" aria-hidden=\"true\">99+</span>");
	}

	/** So many more unread notifications like this one for its recipient, each of its own occurrence. */
	private void copies(long notification, int count) {
		this.jdbc.update("""
				insert into notification (rule, occurrence, channel, recipient, incident_id, reference, params, link, state,
				                          next_attempt_at, created_at)
				select rule, occurrence || '-copy-' || gen_random_uuid(), channel, recipient, incident_id, reference, params, link,
				       state, next_attempt_at, created_at
				from notification, generate_series(1, ?) where id = ?""", count, notification);
	}

	@Test
	void onesOwnSettingsGreyTheMandatoryRowsRefuseAnUnknownLanguageAndFollowTheLanguageOfThePages() throws Exception {
		UserAccount responder = this.users.create(Role.RESPONDER);
		RequestPostProcessor asResponder = this.users.signedIn(responder.getUsername());
		String form = page(get("/account/notifications"), asResponder);
		assertThat(checkbox(form, "NEW_REPORT")).contains("disabled=\"disabled\"", "checked=\"checked\"");
		assertThat(checkbox(form, "TEAM_ASSIGNED")).contains("checked=\"checked\"").doesNotContain("disabled");

		MvcResult refused = this.mvc.perform(form("/account/notifications").with(asResponder)
			.param("language", "fr")
			.param("emailRules", "REPORTER_UPDATE")).andExpect(status().isOk()).andReturn();
		assertThat(FormPage.of(refused).errorAt("language")).isEqualTo("日本語か英語を選んでください。");

		this.mvc.perform(form("/account/notifications").with(asResponder)
			.param("language", "ja")
			.param("digest", "true")
			.param("emailRules", "REPORTER_UPDATE"))
			.andExpect(redirectedUrl("/account/notifications"));
		PersonalSettings saved = this.settings.personal(responder.getUsername());
		assertThat(saved.digest()).isTrue();
		assertThat(saved.wantsEmail(Rule.TEAM_ASSIGNED)).isFalse();
		assertThat(saved.wantsEmail(Rule.REPORTER_UPDATE)).isTrue();
		assertThat(saved.wantsEmail(Rule.LEGAL_DEADLINE)).isTrue();

		// a row the company sends no mail for is greyed and not sent by the browser: the person's choice stays
		this.mvc.perform(form("/account/notifications").with(asResponder)
			.param("language", "ja")
			.param("emailRules", "REPORTER_UPDATE", "MEASURE_DUE"))
			.andExpect(redirectedUrl("/account/notifications"));
		CompanySettings company = this.settings.company();
		java.util.Map<Rule, CompanySettings.Channels> rules = new java.util.EnumMap<>(company.rules());
		rules.put(Rule.MEASURE_DUE, new CompanySettings.Channels(false, false));
		this.settings.saveCompany(new CompanySettings(company.sender(), company.publicBaseUrl(),
				company.triageTimeoutMinutes(), company.digestHour(), rules, company.version()), "test");
		try {
			this.mvc.perform(form("/account/notifications").with(asResponder)
				.param("language", "ja")
				.param("emailRules", "REPORTER_UPDATE"))
				.andExpect(redirectedUrl("/account/notifications"));
			assertThat(this.settings.personal(responder.getUsername()).wantsEmail(Rule.MEASURE_DUE)).isTrue();
		}
		finally {
			this.settings.saveCompany(new CompanySettings(company.sender(), company.publicBaseUrl(),
					company.triageTimeoutMinutes(), company.digestHour(), company.rules(),
					this.settings.company().version()), "test");
		}

		this.mvc.perform(get("/").param("lang", "en").with(asResponder)).andExpect(status().isOk());
		assertThat(this.settings.personal(responder.getUsername()).language().getLanguage()).isEqualTo("en");
	}

	/** The checkbox of one rule, as rendered. */
	private static String checkbox(String html, String rule) {
		java.util.regex.Matcher input = java.util.regex.Pattern
			.compile("<input[^>]*value=\"" + rule + "\"[^>]*>")
			.matcher(html);
		assertThat(input.find()).as("a checkbox for " + rule).isTrue();
		return input.group();
	}

	/** A form submission, as a browser sends it. */
	private static MockHttpServletRequestBuilder form(String url, Object... variables) {
		return post(url, variables).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf());
	}

	private Incident report() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		return this.incidents.report(new Incident.Report(null, "社外秘の見積書を誤って取引先に送った", Instant.now(), null,
				StillHappening.NO, null, null), new Actor(reporter.getUsername(), Set.of(Role.REPORTER)));
	}

	private String page(MockHttpServletRequestBuilder request,
			RequestPostProcessor user) throws Exception {
		return this.mvc.perform(request.with(user)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor admin() {
		return this.users.as(Role.ADMIN);
	}

}
