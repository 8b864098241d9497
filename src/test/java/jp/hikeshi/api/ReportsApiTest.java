package jp.hikeshi.api;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static java.time.Duration.ofSeconds;
import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/reports: a tool opens a report as staff do on the page, once per Idempotency-Key. */
@IntegrationTest
class ReportsApiTest {

	private static final String REPORTS = "/api/v1/reports";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.threads.shutdownNow();
		assertThat(this.threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aMailGatewayOpensAReportWithOneRequest() throws Exception {
		UserAccount gateway = this.users.create(Role.REPORTER);
		MvcResult result = this.mvc
			.perform(report(this.users.bearerOf(gateway.getUsername()),
					"{\"description\":\"添付ファイル付きの不審なメールを隔離しました\",\"source\":\"mail gateway\"}"))
			.andExpect(status().isCreated())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string("Location", matchesPattern("/api/v1/incidents/\\d+")))
			.andExpect(header().doesNotExist(Idempotency.REPLAYED))
			.andExpect(jsonPath("$.reference", matchesPattern("INC-\\d{4}-\\d{5}")))
			.andExpect(jsonPath("$.state").value("REPORTED"))
			.andReturn();
		long id = idOf(result);
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/incidents/" + id);
		var incident = this.incidents.findOwnReport(id, actor(gateway));
		assertThat(incident.getReportedBy()).isEqualTo(gateway.getUsername());
		assertThat(incident.getSource()).isEqualTo("mail gateway");
		assertThat(incident.getTitle()).isEqualTo("添付ファイル付きの不審なメールを隔離しました");
		assertThat(incident.getStillHappening().name()).isEqualTo("UNKNOWN");
		assertThat(incident.getDiscoveredAt()).isEqualTo(incident.getReportedAt());
		// the timeline says which token reported it
		TimelineEntry reported = incident.getTimelineForReporter().get(0);
		assertThat(reported.getKind()).isEqualTo(TimelineEntry.Kind.REPORTED);
		assertThat(reported.getVia()).isEqualTo("test script");
		// and the team sees where it came from, beside the reporter
		this.mvc.perform(get("/incidents/{id}", id).with(this.users.as(Role.SECURITY_LEAD)))
			.andExpect(content().string(containsString("受付経路")))
			.andExpect(content().string(containsString("mail gateway（API経由）")));
	}

	@Test
	void everyFieldOfTheFormCanBeSent() throws Exception {
		UserAccount responder = this.users.create(Role.RESPONDER);
		long id = idOf(this.mvc.perform(report(this.users.bearerOf(responder.getUsername()), """
				{"title": "経理PCの異常", "description": "ファイルの拡張子が変わっている\\n開けない",
				 "discoveredAt": "2026-01-05T08:30:00+09:00", "stillHappening": "YES", "affectedSystem": "経理PC-03",
				 "outsideReporter": {"name": "取引先 山田様", "contact": "03-1234-5678"}, "source": "EDR"}"""))
			.andExpect(status().isCreated())
			.andReturn());
		var incident = this.incidents.findOwnReport(id, actor(responder));
		assertThat(incident.getTitle()).isEqualTo("経理PCの異常");
		assertThat(incident.getDescription()).isEqualTo("ファイルの拡張子が変わっている\n開けない");
		assertThat(incident.getDiscoveredAt()).isEqualTo(Instant.parse("2026-01-04T23:30:00Z"));
		assertThat(incident.getStillHappening().name()).isEqualTo("YES");
		assertThat(incident.getAffectedSystem()).isEqualTo("経理PC-03");
		assertThat(incident.getOutsideReporterName()).isEqualTo("取引先 山田様");
		assertThat(incident.getOutsideReporterContact()).isEqualTo("03-1234-5678");
		assertThat(incident.getSource()).isEqualTo("EDR");
	}

	@Test
	void whatCannotBeReadIs400() throws Exception {
		String bearer = this.users.bearer(Role.REPORTER);
		for (String body : List.of("{\"description\": ", "[]", "{\"description\":\"x\",\"stillHappening\":\"MAYBE\"}",
				// a time without its offset is not one
				"{\"description\":\"x\",\"discoveredAt\":\"2026-01-05T08:30:00\"}",
				"{\"description\":\"x\",\"outsideReporter\":\"someone\"}")) {
			this.mvc.perform(report(bearer, body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.code").value("api.malformed"));
		}
		assertThat(reportsBy(bearer)).isZero();
	}

	@Test
	void withoutATokenNothingIsReported() throws Exception {
		this.mvc.perform(post(REPORTS).contentType(MediaType.APPLICATION_JSON).content("{\"description\":\"x\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("api.unauthenticated"));
	}

	@Test
	void otherMediaTypesAndHugeBodiesAreRefused() throws Exception {
		String bearer = this.users.bearer(Role.REPORTER);
		this.mvc.perform(post(REPORTS).with(api(bearer)).contentType(MediaType.TEXT_PLAIN).content("不審なメール"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.code").value("api.unsupportedMediaType"));
		String huge = "{\"description\":\"" + "x".repeat(1024 * 1024) + "\"}";
		this.mvc.perform(report(bearer, huge))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.code").value("api.tooLarge"));
		assertThat(reportsBy(bearer)).isZero();
	}

	@Test
	void theFormsLimitsApplyFieldByField() throws Exception {
		String bearer = this.users.bearer(Role.REPORTER);
		this.mvc.perform(report(bearer, "{\"description\":\"  \"}").header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("api.invalid"))
			.andExpect(jsonPath("$.errors[0].field").value("description"))
			.andExpect(jsonPath("$.errors[0].code").value("NotBlank"))
			.andExpect(jsonPath("$.errors[0].message").value("Please fill this in."));
		this.mvc.perform(report(bearer, "{}")).andExpect(jsonPath("$.errors[0].code").value("NotBlank"));
		this.mvc.perform(report(bearer, "{\"description\":\"" + "x".repeat(4001) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("Size"));
		this.mvc.perform(report(bearer, "{\"description\":\"制御\\u001b[31m文字\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("PlainText"));
		this.mvc.perform(report(bearer, """
				{"description": "x", "title": "改行\\nのある題", "source": "%s",
				 "outsideReporter": {"name": "%s"}}""".formatted("s".repeat(101), "n".repeat(101))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(3))
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].code").value("PlainText"))
			.andExpect(jsonPath("$.errors[?(@.field == 'source')].code").value("Size"))
			.andExpect(jsonPath("$.errors[?(@.field == 'outsideReporter.name')].code").value("Size"));
		assertThat(reportsBy(bearer)).isZero();
	}

	@Test
	void aDiscoveryInTheFutureIsRefusedByTheService() throws Exception {
		String bearer = this.users.bearer(Role.REPORTER);
		String future = OffsetDateTime.now().plusDays(1).toString();
		this.mvc.perform(report(bearer, "{\"description\":\"x\",\"discoveredAt\":\"" + future + "\"}")
				.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("incident.report.discoveredInFuture"))
			.andExpect(jsonPath("$.errors[0].field").value("discoveredAt"))
			.andExpect(jsonPath("$.detail").value("The time you noticed it cannot be in the future."));
		assertThat(reportsBy(bearer)).isZero();
	}

	// --- Idempotency-Key ---

	@Test
	void aRetryWithTheSameKeyAnswersTheFirstResult() throws Exception {
		String bearer = this.users.bearer(Role.REPORTER);
		String body = "{\"description\":\"同じ報告\",\"source\":\"mail gateway\"}";
		MvcResult first = this.mvc.perform(report(bearer, body).header(Idempotency.HEADER, "mail-4711"))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist(Idempotency.REPLAYED))
			.andReturn();
		// the same body, written differently, is the same request
		MvcResult again = this.mvc
			.perform(report(bearer, "{ \"source\": \"mail gateway\",  \"description\": \"同じ報告\" }")
				.header(Idempotency.HEADER, "mail-4711"))
			.andExpect(status().isCreated())
			.andExpect(header().string(Idempotency.REPLAYED, "true"))
			.andReturn();
		assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		assertThat(reportsBy(bearer)).isEqualTo(1);
		// a new key is a new report
		this.mvc.perform(report(bearer, body).header(Idempotency.HEADER, "mail-4712")).andExpect(status().isCreated());
		assertThat(reportsBy(bearer)).isEqualTo(2);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefused() throws Exception {
		String bearer = this.users.bearer(Role.REPORTER);
		this.mvc.perform(report(bearer, "{\"description\":\"一通目\"}").header(Idempotency.HEADER, "k1"))
			.andExpect(status().isCreated());
		this.mvc
			.perform(report(bearer, "{\"description\":\"二通目\"}").header(Idempotency.HEADER, "k1")
				.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("api.idempotency.mismatch"))
			.andExpect(jsonPath("$.detail", containsString("already used")));
		assertThat(reportsBy(bearer)).isEqualTo(1);
	}

	@Test
	void keysBelongToTheirOwner() throws Exception {
		String one = this.users.bearer(Role.REPORTER);
		String other = this.users.bearer(Role.REPORTER);
		String body = "{\"description\":\"別の人の同じキー\"}";
		long first = idOf(this.mvc.perform(report(one, body).header(Idempotency.HEADER, "shared-key")).andReturn());
		long second = idOf(this.mvc.perform(report(other, body).header(Idempotency.HEADER, "shared-key"))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist(Idempotency.REPLAYED))
			.andReturn());
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void aKeyCountsFor24Hours() throws Exception {
		UserAccount gateway = this.users.create(Role.REPORTER);
		String bearer = this.users.bearerOf(gateway.getUsername());
		long first = idOf(this.mvc.perform(report(bearer, "{\"description\":\"昨日\"}").header(Idempotency.HEADER, "daily"))
			.andReturn());
		this.jdbc.sql("update api_idempotency set created_at = created_at - interval '25 hours' where owner = ?")
			.param(gateway.getUsername())
			.update();
		long second = idOf(this.mvc.perform(report(bearer, "{\"description\":\"今日\"}").header(Idempotency.HEADER, "daily"))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist(Idempotency.REPLAYED))
			.andReturn());
		assertThat(second).isNotEqualTo(first);
		assertThat(this.jdbc.sql("select count(*) from api_idempotency where owner = ?")
			.param(gateway.getUsername())
			.query(Long.class)
			.single()).as("the expired key was removed, the new one kept").isEqualTo(1);
	}

	@Test
	void aKeyThatCannotBeOneIs400() throws Exception {
		String bearer = this.users.bearer(Role.REPORTER);
		for (String key : List.of("", "k".repeat(201), "キー", "tab\there")) {
			this.mvc.perform(report(bearer, "{\"description\":\"x\"}").header(Idempotency.HEADER, key))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("api.badParameter"))
				.andExpect(jsonPath("$.parameter").value(Idempotency.HEADER));
		}
		this.mvc.perform(report(bearer, "{\"description\":\"x\"}").header(Idempotency.HEADER, "k".repeat(200)))
			.andExpect(status().isCreated());
		assertThat(reportsBy(bearer)).isEqualTo(1);
	}

	/**
	 * Two requests with the same key at the same time: the test holds back every new incident (a
	 * table lock) until both requests are inside, so that one has claimed the key and waits on
	 * the lock and the other waits on the key; then lets go. One incident; both get its answer.
	 */
	@Test
	void twoConcurrentRequestsWithTheSameKeyOpenOneIncident() throws Exception {
		UserAccount gateway = this.users.create(Role.REPORTER);
		String bearer = this.users.bearerOf(gateway.getUsername());
		String body = "{\"description\":\"同時に二度送られた報告\",\"source\":\"mail gateway\"}";
		List<Future<MvcResult>> results = new ArrayList<>();
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement lock = holder.createStatement()) {
				lock.execute("lock table incident in share mode");
			}
			CountDownLatch start = new CountDownLatch(1);
			for (int i = 0; i < 2; i++) {
				Callable<MvcResult> send = () -> {
					start.await();
					return this.mvc.perform(report(bearer, body).header(Idempotency.HEADER, "twice")).andReturn();
				};
				results.add(this.threads.submit(send));
			}
			start.countDown();
			await().atMost(ofSeconds(30)).until(() -> waitingOnLocks() >= 2);
			holder.rollback();
		}
		MvcResult one = results.get(0).get(30, TimeUnit.SECONDS);
		MvcResult two = results.get(1).get(30, TimeUnit.SECONDS);
		assertThat(List.of(one.getResponse().getStatus(), two.getResponse().getStatus())).containsOnly(201);
		assertThat(idOf(one)).isEqualTo(idOf(two));
		assertThat(List.of(String.valueOf(one.getResponse().getHeader(Idempotency.REPLAYED)),
				String.valueOf(two.getResponse().getHeader(Idempotency.REPLAYED))))
			.containsExactlyInAnyOrder("true", "null");
		assertThat(reportsOf(gateway.getUsername())).isEqualTo(1);
	}

	private long waitingOnLocks() {
		return this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()""")
			.query(Long.class)
			.single();
	}

	private MockHttpServletRequestBuilder report(String bearer, String json) {
		return post(REPORTS).with(api(bearer)).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private long idOf(MvcResult result) throws Exception {
		String location = result.getResponse().getHeader("Location");
		assertThat(location).as("Location of %s", result.getResponse().getContentAsString()).isNotNull();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** How many incidents the owner of this token reported. */
	private long reportsBy(String bearer) throws Exception {
		String username = JsonPath.read(
				this.mvc.perform(get("/api/v1/me").with(api(bearer))).andReturn().getResponse().getContentAsString(),
				"$.person.username");
		return reportsOf(username);
	}

	private long reportsOf(String username) {
		return this.jdbc.sql("select count(*) from incident where reported_by = ?").param(username).query(Long.class).single();
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), account.getRoles());
	}

}
