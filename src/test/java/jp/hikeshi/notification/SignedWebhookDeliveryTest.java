package jp.hikeshi.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed webhooks to a receiver in the test JVM, on the shared context: events are written with
 * the fact and sent after the commit by the notification sender, as in production. The receiver
 * checks each request the way an integrator would — the Standard Webhooks signature, computed
 * here independently of the code under test, with the secret returned at creation — and answers
 * 500 when told to, which the sender tries again later with the same {@code webhook-id}.
 */
@IntegrationTest
class SignedWebhookDeliveryTest {

	/**
	 * A context, and so a database, of its own: the reminder scan writes a reminder for every open
	 * deadline to every lead and executive of its database, and the shared one holds those of all
	 * the tests before (some 30 s of sending in a full run, growing with every test added).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class DatabaseOfItsOwn {

	}

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What a report says: none of it may leave the company in an event. */
	private static final String DESCRIPTION = "顧客 山田花子様（090-1234-5678）のデータを含むファイルが暗号化され、身代金を要求する画面が出た";

	private static final String TITLE = "経理部のファイルサーバーで暗号化";

	private static final AtomicInteger sequence = new AtomicInteger();

	private static WebhookReceiver receiver;

	@Autowired
	IntegrationWebhooks integrations;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	Reminders reminders;

	@Autowired
	NotificationSettings settings;

	@Autowired
	TestUsers users;

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
	void aReportReachesTheEndpointSignedWithTheSecretReturnedAtCreationAndCarriesNothingOfItsContent()
			throws Exception {
		String path = path();
		IntegrationWebhooks.Created created = this.integrations.create("受付システム", receiver.url(path),
				Set.of(IntegrationEvent.REPORT_RECEIVED), "test");
		assertThat(created.secret()).matches("whsec_[A-Za-z0-9+/]{43}=");
		assertThat(Base64.getDecoder().decode(created.secret().substring("whsec_".length()))).hasSize(32);
		Actor reporter = person(Role.REPORTER);

		Instant before = Instant.now();
		Incident incident = this.incidents.report(new Incident.Report(TITLE, DESCRIPTION, Instant.now(), "経理部",
				StillHappening.YES, null, null), reporter);

		WebhookReceiver.Request request = receiver.next(path, WAIT);
		assertThat(request.header("content-type")).isEqualTo("application/json");
		String id = request.header("webhook-id");
		long timestamp = Long.parseLong(request.header("webhook-timestamp"));
		assertThat(timestamp).isBetween(before.getEpochSecond() - 1, Instant.now().getEpochSecond() + 1);
		assertThat(verified(created.secret(), request)).as("the signature verifies with the secret").isTrue();
		// the check itself can fail: another secret or another body does not verify
		assertThat(verified("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), request)).isFalse();
		assertThat(verified(created.secret(), new WebhookReceiver.Request(path, request.headers(),
				request.body().replace("REPORTED", "CLOSED")))).isFalse();

		JsonNode event = JSON.readTree(request.body());
		assertThat(event.propertyNames()).containsExactly("id", "type", "timestamp", "data");
		assertThat(event.get("id").asString()).isEqualTo(id);
		assertThat(event.get("type").asString()).isEqualTo("report.received");
		assertThat(OffsetDateTime.parse(event.get("timestamp").asString()).getOffset().getId()).isEqualTo("+09:00");
		JsonNode data = event.get("data");
		assertThat(data.propertyNames()).containsExactly("incidentId", "reference", "state", "stillHappening", "link");
		assertThat(data.get("incidentId").asLong()).isEqualTo(incident.getId());
		assertThat(data.get("reference").asString()).isEqualTo(incident.getReference());
		assertThat(data.get("state").asString()).isEqualTo("REPORTED");
		assertThat(data.get("stillHappening").asString()).isEqualTo("YES");
		assertThat(data.get("link").asString())
			.isEqualTo(this.settings.publicBaseUrl() + "/incidents/" + incident.getId());
		assertThat(request.body()).doesNotContain("山田", "090-1234-5678", "暗号化", "経理部", reporter.username(),
				this.users.displayNameOf(reporter.username()));
	}

	@Test
	void anEndpointThatAnswers500IsTriedAgainWithTheSameIdAndBodyAndTheLogSaysWhatHappened() throws Exception {
		String path = path();
		IntegrationWebhooks.Created created = this.integrations.create("SIEM", receiver.url(path),
				Set.of(IntegrationEvent.STATE_CHANGED), "test");
		long endpoint = created.endpoint().id();
		receiver.answerInTurn(path, 500, 500, 200);
		Actor lead = person(Role.SECURITY_LEAD);
		Incident incident = report();

		this.incidents.take(incident.getId(), incident.getVersion(), lead);
		// the first try goes out after the commit, from the sender's own thread
		WebhookReceiver.Request first = receiver.next(path, WAIT);
		assertThat(SettledDeliveries.settledState(this.jdbc, endpoint)).isEqualTo("PENDING");
		IntegrationWebhooks.Delivery failing = only(this.integrations.deliveries(endpoint, 0).entries());
		assertThat(failing.attempts()).isEqualTo(1);
		assertThat(failing.httpStatus()).isEqualTo(500);
		assertThat(failing.failure()).isEqualTo(Failure.ENDPOINT_STATUS);
		// the Dispatcher's backoff: 30 s after the first failure
		assertThat(Duration.between(Instant.now(), failing.nextAttemptAt())).isBetween(Duration.ofSeconds(20),
				Duration.ofSeconds(31));
		this.dispatcher.drain(Instant.now());
		assertThat(receiver.poll(path, Duration.ZERO)).as("not before its time").isNull();

		this.dispatcher.drain(Instant.now().plus(Duration.ofSeconds(31)));
		// the receiver keeps a request once it has answered it, on its own thread: wait for it
		WebhookReceiver.Request second = receiver.next(path, WAIT);
		failing = only(this.integrations.deliveries(endpoint, 0).entries());
		assertThat(failing.state()).isEqualTo(DeliveryState.PENDING);
		assertThat(failing.attempts()).isEqualTo(2);
		// then a minute
		assertThat(Duration.between(Instant.now(), failing.nextAttemptAt())).isBetween(Duration.ofSeconds(50),
				Duration.ofSeconds(61));

		this.dispatcher.drain(Instant.now().plus(Duration.ofMinutes(5)));
		WebhookReceiver.Request third = receiver.next(path, WAIT);
		for (WebhookReceiver.Request request : List.of(first, second, third)) {
			assertThat(request.header("webhook-id")).isEqualTo(first.header("webhook-id"));
			assertThat(request.body()).isEqualTo(first.body());
			assertThat(verified(created.secret(), request)).isTrue();
		}
		JsonNode data = JSON.readTree(first.body()).get("data");
		assertThat(JSON.readTree(first.body()).get("type").asString()).isEqualTo("incident.state_changed");
		assertThat(data.get("state").asString()).isEqualTo("TRIAGE");
		assertThat(data.get("from").asString()).isEqualTo("REPORTED");
		assertThat(data.get("to").asString()).isEqualTo("TRIAGE");

		IntegrationWebhooks.Delivery delivered = only(this.integrations.deliveries(endpoint, 0).entries());
		assertThat(delivered.state()).isEqualTo(DeliveryState.SENT);
		assertThat(delivered.attempts()).isEqualTo(3);
		assertThat(delivered.httpStatus()).isEqualTo(200);
		assertThat(delivered.failure()).isNull();
		assertThat(delivered.messageId()).isEqualTo(first.header("webhook-id"));
		assertThat(delivered.event()).isEqualTo(IntegrationEvent.STATE_CHANGED);
		assertThat(delivered.reference()).isEqualTo(incident.getReference());
		assertThat(this.integrations.get(endpoint).lastDelivery().state()).isEqualTo(DeliveryState.SENT);
	}

	@Test
	void aDeadlineSendsEachStageOnceFromTheReminderScanAndFilingTheReportSendsDutyFiled() throws Exception {
		String path = path();
		long endpoint = this.integrations.create("期限管理", receiver.url(path),
				EnumSet.of(IntegrationEvent.DUTY_DUE_SOON, IntegrationEvent.DUTY_OVERDUE, IntegrationEvent.DUTY_FILED), "test")
			.endpoint()
			.id();
		Actor lead = person(Role.SECURITY_LEAD);
		Incident incident = report();
		long id = incident.getId();
		this.incidents.take(id, version(id, lead), lead);
		this.incidents.escalate(id, version(id, lead), lead, Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS,
				Severity.HIGH, null);
		DueDuty ppc = this.reporting.openDuties()
			.stream()
			.filter(due -> due.incidentId() == id && due.duty().getType() == DutyType.PPC_PRELIMINARY)
			.findFirst()
			.orElseThrow();

		LocalDate lastDay = ppc.deadline().lastDay();
		for (Instant moment : List.of(noonInJapan(lastDay.minusDays(2)), noonInJapan(lastDay.minusDays(1)),
				noonInJapan(lastDay.minusDays(1)), noonInJapan(lastDay), ppc.deadline().end().plus(Duration.ofHours(1)),
				ppc.deadline().end().plus(Duration.ofHours(5)))) {
			this.reminders.scan(moment);
		}
		assertThat(this.jdbc.queryForList(
				"select payload::jsonb -> 'data' ->> 'stage' from notification where endpoint_id = ? and incident_id = ?"
						+ " and payload::jsonb -> 'data' ->> 'dutyType' = 'PPC_PRELIMINARY' order by id",
				String.class, endpoint, id))
			.containsExactly("DUE_SOON", "DUE_TODAY", "OVERDUE");
		// the reports owed 「速やかに」 of the same incident are reminded too (PROMPTLY_WAITING): only the 速報's here
		List<JsonNode> stages = events(path, incident, 3, "PPC_PRELIMINARY");
		assertThat(stages).extracting(event -> event.get("type").asString())
			.containsExactlyInAnyOrder("duty.due_soon", "duty.due_soon", "duty.overdue");
		JsonNode overdue = stages.stream()
			.filter(event -> event.get("type").asString().equals("duty.overdue"))
			.findFirst()
			.orElseThrow();
		assertThat(overdue.get("data").get("dutyType").asString()).isEqualTo("PPC_PRELIMINARY");
		assertThat(overdue.get("data").get("dueDay").asString()).isEqualTo(lastDay.toString());
		assertThat(overdue.get("data").get("state").asString()).isEqualTo("ESCALATED");

		this.reporting.file(id, this.reporting.caseFor(id, lead).getVersion(), lead, ppc.duty().getId(),
				new ReportingCase.Filing(LocalDate.now(JAPAN), "PPC-受付-1", null, Duty.NoticeOutcome.ALL_NOTIFIED, null));
		JsonNode filed = events(path, incident, 1).get(0);
		assertThat(filed.get("type").asString()).isEqualTo("duty.filed");
		assertThat(filed.get("data").get("dutyType").asString()).isEqualTo("PPC_PRELIMINARY");
		assertThat(filed.get("data").get("filedOn").asString()).isEqualTo(LocalDate.now(JAPAN).toString());
		assertThat(filed.toString()).doesNotContain("PPC-受付-1");
	}

	/** The next {@code count} events about this incident (the scan also sends other tests' deadlines). */
	private List<JsonNode> events(String path, Incident incident, int count) throws Exception {
		return events(path, incident, count, null);
	}

	/** The next {@code count} events of the incident (of one duty type, where given). */
	private List<JsonNode> events(String path, Incident incident, int count, String dutyType) throws Exception {
		List<JsonNode> found = new ArrayList<>();
		// a scan at a later moment also tells about every other open incident of the shared database
		for (int seen = 0; found.size() < count && seen < 10_000; seen++) {
			JsonNode event = JSON.readTree(receiver.next(path, WAIT).body());
			JsonNode type = event.get("data").get("dutyType");
			if (event.get("data").get("incidentId").asLong() == incident.getId()
					&& (dutyType == null || (type != null && dutyType.equals(type.asString())))) {
				found.add(event);
			}
		}
		return found;
	}

	/**
	 * The Standard Webhooks check, as a receiver writes it: HMAC-SHA256 over
	 * {@code id.timestamp.body} with the Base64-decoded secret after {@code whsec_}, compared in
	 * constant time with each {@code v1,} signature of the header.
	 */
	private static boolean verified(String secret, WebhookReceiver.Request request) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
		byte[] expected = mac.doFinal((request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
				+ request.body()).getBytes(StandardCharsets.UTF_8));
		for (String signature : request.header("webhook-signature").split(" ")) {
			if (signature.startsWith("v1,")
					&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
				return true;
			}
		}
		return false;
	}

	private static <T> T only(List<T> entries) {
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	private static String path() {
		return "/hooks/" + sequence.incrementAndGet();
	}

	private Incident report() {
		return this.incidents.report(new Incident.Report(TITLE, DESCRIPTION, Instant.now(), null, StillHappening.NO, null,
				null), person(Role.REPORTER));
	}

	private Actor person(Role role) {
		return new Actor(this.users.create(role).getUsername(), Set.of(role));
	}

	private long version(long id, Actor actor) {
		return this.incidents.find(id, actor).getVersion();
	}

	private static Instant noonInJapan(LocalDate day) {
		return ZonedDateTime.of(day, LocalTime.NOON, JAPAN).toInstant();
	}

}
