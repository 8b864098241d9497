package jp.hikeshi.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jp.hikeshi.account.Role;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

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
 * The administrator's integration pages: a refused endpoint keeps what was typed with the
 * message beside the field; a new one shows its secret once; the test button sends a signed
 * test event that the delivery log then shows; stopping, resuming and deleting are audited.
 */
@IntegrationTest
class IntegrationWebhookWebTest {

	private static WebhookReceiver receiver;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IntegrationWebhooks integrations;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void startReceiver() {
		receiver = WebhookReceiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@AfterEach
	void noEndpointsLeft() {
		this.integrations.list().forEach(endpoint -> this.integrations.delete(endpoint.id(), "test"));
	}

	@Test
	void aRefusedEndpointIsShownAgainWithWhatWasTypedAndTheReasonBesideTheField() throws Exception {
		RequestPostProcessor admin = admin();
		FormPage plain = FormPage.of(this.mvc.perform(form("/admin/integrations").with(admin)
			.param("name", "チケット管理")
			.param("url", "http://tickets.example.com/hikeshi")
			.param("events", "REPORT_RECEIVED", "DUTY_OVERDUE")).andExpect(status().isOk()).andReturn());
		assertThat(plain.errorAt("url")).isEqualTo("https:// で始まる URL だけ登録できます（http ではイベントが暗号化されずに送られます）。");
		assertThat(plain.valueOf("name")).isEqualTo("チケット管理");
		assertThat(plain.valueOf("url")).isEqualTo("http://tickets.example.com/hikeshi");
		assertThat(plain.isChecked("events1")).as("report received stays ticked").isTrue();
		assertThat(plain.isChecked("events2")).isFalse();
		assertThat(plain.isChecked("events4")).as("overdue stays ticked").isTrue();

		// the cloud's metadata address: refused even where local addresses are allowed
		FormPage metadata = FormPage.of(this.mvc.perform(form("/admin/integrations").with(admin)
			.param("name", "チケット管理")
			.param("url", "https://169.254.169.254/latest/meta-data")
			.param("events", "REPORT_RECEIVED")).andExpect(status().isOk()).andReturn());
		assertThat(metadata.errorAt("url")).startsWith("169.254.169.254 は社内ネットワークかこのサーバー自身のアドレスです。");

		FormPage empty = FormPage.of(this.mvc.perform(form("/admin/integrations").with(admin)
			.param("name", " ")
			.param("url", receiver.url("/web/empty"))).andExpect(status().isOk()).andReturn());
		assertThat(empty.errorAt("name")).isEqualTo("入力してください。");
		assertThat(empty.html()).contains("<p class=\"field-error\" id=\"events-error\">1つ以上選んでください。</p>");
		assertThat(empty.valueOf("url")).isEqualTo(receiver.url("/web/empty"));
		assertThat(this.integrations.list()).isEmpty();
	}

	@Test
	void aNewEndpointShowsItsSecretOnceItsTestEventIsSignedAndLoggedAndItsChangesAreAudited() throws Exception {
		RequestPostProcessor admin = admin();
		String path = "/web/tickets";
		// one browser: the secret is flashed through its session to the page the redirect leads to
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		MvcResult created = browser.perform(form("/admin/integrations").with(admin)
			.param("name", "チケット管理")
			.param("url", receiver.url(path))
			.param("events", "STATE_CHANGED", "INCIDENT_CLOSED"))
			.andExpect(flash().attribute("notice", Notice.of("integration.added")))
			.andReturn();
		IntegrationWebhooks.Endpoint endpoint = this.integrations.list().get(0);
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/integrations/" + endpoint.id());
		String secret = (String) created.getFlashMap().get("secret");
		assertThat(secret).startsWith("whsec_");
		assertThat(audited("INTEGRATION_WEBHOOK_ADDED", "チケット管理")).isEqualTo(1);

		String detail = "/admin/integrations/" + endpoint.id();
		String once = browser.perform(get(detail).with(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(once).contains("value=\"" + secret + "\"", "この一度だけ表示します");
		String again = page(get(detail).with(admin));
		assertThat(again).doesNotContain(secret, "この一度だけ表示します")
			.contains("チケット管理", receiver.url(path), "状態の変更", "incident.state_changed", "インシデントの完了",
					"まだ送信していません。");
		assertThat(page(get("/admin/integrations").with(admin))).contains("チケット管理", receiver.url(path), "状態の変更",
				"まだ送っていません", "有効").doesNotContain(secret);

		this.mvc.perform(form(detail + "/test").with(admin))
			.andExpect(redirectedUrl(detail))
			.andExpect(flash().attribute("notice", Notice.of("integration.testQueued")));
		WebhookReceiver.Request test = receiver.next(path, Duration.ofSeconds(10));
		assertThat(JsonMapper.builder().build().readTree(test.body()).get("type").asString()).isEqualTo("webhook.test");
		assertThat(test.header("webhook-signature"))
			.isEqualTo(HookChannel.signature(secret, test.header("webhook-id"), Long.parseLong(test.header("webhook-timestamp")),
					test.body()));
		assertThat(SettledDeliveries.settledState(this.jdbc, endpoint.id())).isEqualTo("SENT");
		assertThat(page(get(detail).with(admin))).contains("テストイベント", "送信済み", "HTTP 200",
				"イベント ID：" + test.header("webhook-id"));
		assertThat(audited("INTEGRATION_WEBHOOK_TESTED", "チケット管理")).isEqualTo(1);

		this.mvc.perform(form(detail + "/disable").with(admin))
			.andExpect(flash().attribute("notice", Notice.of("integration.switchedOff")));
		assertThat(page(get(detail).with(admin))).contains("停止中", "送信を再開").doesNotContain("テストイベントを送る");
		this.mvc.perform(form(detail + "/test").with(admin))
			.andExpect(flash().attribute("problem", Notice.of("integration.test.disabled")));
		this.mvc.perform(form(detail + "/enable").with(admin))
			.andExpect(flash().attribute("notice", Notice.of("integration.switchedOn")));
		assertThat(audited("INTEGRATION_WEBHOOK_DISABLED", "チケット管理")).isEqualTo(1);
		assertThat(audited("INTEGRATION_WEBHOOK_ENABLED", "チケット管理")).isEqualTo(1);

		this.mvc.perform(form(detail + "/delete").with(admin))
			.andExpect(redirectedUrl("/admin/integrations"))
			.andExpect(flash().attribute("notice", Notice.of("integration.removed")));
		this.mvc.perform(get(detail).with(admin)).andExpect(status().isNotFound());
		assertThat(audited("INTEGRATION_WEBHOOK_REMOVED", "チケット管理")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from notification where endpoint_id = ?", Integer.class,
				endpoint.id())).as("its log went with it").isZero();
	}

	@Test
	void theDeliveryLogIsPaginatedNewestFirst() throws Exception {
		RequestPostProcessor admin = admin();
		long id = this.integrations.create("SIEM", receiver.url("/web/siem"), java.util.Set.of(IntegrationEvent.DUTY_FILED),
				"test").endpoint().id();
		this.jdbc.update("""
				insert into notification (rule, occurrence, channel, endpoint_id, priority, state, attempts, http_status,
				                          next_attempt_at, created_at, sent_at, payload)
				select 'DUTY_FILED', 'paging:' || n, 'HOOK', ?, 6, 'SENT', 1, 204,
				       now() - n * interval '1 minute', now() - n * interval '1 minute', now() - n * interval '1 minute',
				       '{"id": "event-' || n || '"}'
				from generate_series(1, ?) as n""", id, IntegrationWebhooks.PAGE_SIZE + 1);
		String first = page(get("/admin/integrations/" + id).with(admin));
		assertThat(first).contains("event-1<", "event-50<", "HTTP 204", "?page=1").doesNotContain("event-51<");
		String second = page(get("/admin/integrations/" + id).param("page", "1").with(admin));
		assertThat(second).contains("event-51<", "?page=0").doesNotContain("event-50<");
	}

	private int audited(String action, String subject) {
		return this.jdbc.queryForObject("select count(*) from audit_event where action = ? and subject = ?",
				Integer.class, action, subject);
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor admin() {
		return this.users.as(Role.ADMIN);
	}

	/** A form submission, as a browser sends it. */
	private static MockHttpServletRequestBuilder form(String url) {
		return post(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf());
	}

}
