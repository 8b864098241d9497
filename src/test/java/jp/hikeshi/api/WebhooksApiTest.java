package jp.hikeshi.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.hikeshi.account.Role;
import jp.hikeshi.notification.IntegrationWebhooks;
import jp.hikeshi.notification.SettledDeliveries;
import jp.hikeshi.notification.WebhookReceiver;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /api/v1/webhooks for the administrator's scripts: register an endpoint (the secret in the
 * answer, once), list it, send it a test event that arrives signed with that secret, read its
 * log, delete it; refusals as problem details on the field; anyone else finds nothing there.
 */
@IntegrationTest
class WebhooksApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
	void anAdministratorRegistersTestsReadsTheLogOfAndDeletesAnEndpoint() throws Exception {
		String admin = this.users.bearer(Role.ADMIN);
		String path = "/api/tickets";
		String answer = this.mvc.perform(json(post("/api/v1/webhooks"), admin, """
				{"name": "チケット管理（API）", "url": "%s", "events": ["incident.state_changed", "duty.overdue"]}"""
			.formatted(receiver.url(path))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/v1/webhooks/")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode created = JSON.readTree(answer);
		long id = created.get("id").asLong();
		String secret = created.get("secret").asString();
		assertThat(created.propertyNames()).containsExactly("id", "name", "url", "events", "secret");
		assertThat(secret).startsWith("whsec_");
		assertThat(created.get("events").toString()).isEqualTo("[\"incident.state_changed\",\"duty.overdue\"]");

		String listed = this.mvc.perform(get("/api/v1/webhooks").with(api(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].name").value("チケット管理（API）"))
			.andExpect(jsonPath("$[0].enabled").value(true))
			.andExpect(jsonPath("$[0].lastDelivery").isEmpty())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(listed).doesNotContain(secret, "whsec_");
		this.mvc.perform(get("/api/v1/webhooks/{id}", id).with(api(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.url").value(receiver.url(path)));

		String queued = this.mvc.perform(post("/api/v1/webhooks/{id}/test", id).with(api(admin)))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String eventId = JSON.readTree(queued).get("eventId").asString();
		WebhookReceiver.Request test = receiver.next(path, Duration.ofSeconds(10));
		assertThat(test.header("webhook-id")).isEqualTo(eventId);
		assertThat(JSON.readTree(test.body()).get("type").asString()).isEqualTo("webhook.test");
		assertThat(verified(secret, test)).isTrue();
		// the sender writes what the endpoint answered once it has the answer: wait for that
		SettledDeliveries.settledState(this.jdbc, id);
		this.mvc.perform(get("/api/v1/webhooks/{id}/deliveries", id).with(api(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deliveries", hasSize(1)))
			.andExpect(jsonPath("$.deliveries[0].eventId").value(eventId))
			.andExpect(jsonPath("$.deliveries[0].type").value("webhook.test"))
			.andExpect(jsonPath("$.deliveries[0].state").value("SENT"))
			.andExpect(jsonPath("$.deliveries[0].httpStatus").value(200))
			.andExpect(jsonPath("$.hasNext").value(false));

		this.mvc.perform(delete("/api/v1/webhooks/{id}", id).with(api(admin))).andExpect(status().isNoContent());
		this.mvc.perform(delete("/api/v1/webhooks/{id}", id).with(api(admin)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("api.notFound"));
		this.mvc.perform(post("/api/v1/webhooks/{id}/test", id).with(api(admin))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/webhooks/{id}/deliveries", id).with(api(admin))).andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where subject = 'チケット管理（API）' and action like 'INTEGRATION_WEBHOOK_%'",
				Integer.class)).as("added, tested, deleted").isEqualTo(3);
	}

	@Test
	void aRefusedEndpointIsAProblemOnItsFieldInTheCallersLanguage() throws Exception {
		String admin = this.users.bearer(Role.ADMIN);
		this.mvc.perform(json(post("/api/v1/webhooks"), admin, """
				{"name": "SIEM", "url": "https://169.254.10.10/in", "events": ["report.received"]}""")
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("integration.url.internal"))
			.andExpect(jsonPath("$.errors[0].field").value("url"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("169.254.10.10 is an address inside")))
			.andReturn();
		this.mvc.perform(json(post("/api/v1/webhooks"), admin, """
				{"name": "SIEM", "url": "http://siem.example.com/in", "events": ["report.received"]}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("url"))
			.andExpect(jsonPath("$.code").value("integration.url.notHttps"));
		this.mvc.perform(json(post("/api/v1/webhooks"), admin, """
				{"name": "SIEM", "url": "%s", "events": ["webhook.test"]}""".formatted(receiver.url("/api/x"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("events"))
			.andExpect(jsonPath("$.code").value("integration.events.invalid"));
		this.mvc.perform(json(post("/api/v1/webhooks"), admin, """
				{"name": " ", "url": "", "events": []}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("api.invalid"))
			.andExpect(jsonPath("$.errors", hasSize(3)));
		assertThat(this.integrations.list()).isEmpty();
	}

	@Test
	void nobodyButTheAdministratorFindsAnythingThere() throws Exception {
		long id = this.integrations.create("SIEM", receiver.url("/api/siem"),
				java.util.Set.of(jp.hikeshi.notification.IntegrationEvent.REPORT_RECEIVED), "test").endpoint().id();
		this.mvc.perform(get("/api/v1/webhooks")).andExpect(status().isUnauthorized());
		for (Role role : new Role[] { Role.SECURITY_LEAD, Role.EXECUTIVE, Role.RESPONDER, Role.REPORTER }) {
			String bearer = this.users.bearer(role);
			this.mvc.perform(get("/api/v1/webhooks").with(api(bearer))).andExpect(status().isNotFound());
			this.mvc.perform(delete("/api/v1/webhooks/{id}", id).with(api(bearer))).andExpect(status().isNotFound());
			this.mvc.perform(post("/api/v1/webhooks/{id}/test", id).with(api(bearer))).andExpect(status().isNotFound());
		}
		assertThat(this.integrations.get(id).lastDelivery()).as("no test event went").isNull();
	}

	/** The Standard Webhooks check, as a receiver writes it. */
	private static boolean verified(String secret, WebhookReceiver.Request request) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		byte[] expected = mac.doFinal((request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
				+ request.body()).getBytes(StandardCharsets.UTF_8));
		String signature = request.header("webhook-signature");
		return signature.startsWith("v1,")
				&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String bearer,
			String body) {
		return request.with(api(bearer)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
