package jp.hikeshi.evidence.web;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.HttpSession;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file over the limit, sent to a real Tomcat (MockMvc does not apply the container's limits):
 * whichever limit it passes — Hikeshi's own, the container's per file, or far over the whole
 * request — the person gets Hikeshi's translated answer, never Tomcat's "HTTP Status 413" page.
 * The limits are small here (the same proportions as in application.properties), so this class
 * has a context of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hikeshi.evidence.max-size=1MB", "spring.servlet.multipart.max-file-size=1100KB",
				"spring.servlet.multipart.max-request-size=1200KB", "server.tomcat.max-swallow-size=10MB" })
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class UploadLimitTest {

	private static final String BOUNDARY = "----hikeshi-test-boundary";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	private HttpSession lead;

	private long incident;

	@BeforeEach
	void anIncidentAndItsLead() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		this.incident = this.incidents
			.report(new Incident.Report("不審なメール", "添付ファイルを開いた", Instant.now().minus(1, ChronoUnit.HOURS), null, null,
					null, null), new Actor(reporter.getUsername(), Set.of(Role.REPORTER)))
			.getId();
		this.lead = new HttpSession(this.port, "ja").signIn(this.users.create(Role.SECURITY_LEAD).getUsername(),
				CompletedSetup.PASSWORD);
	}

	@Test
	void theLimitIsShownBesideTheFileField() {
		String page = this.lead.get(evidence()).body();
		assertThat(page).contains("1MBまで").contains("data-max-bytes=\"1048576\"");
	}

	@Test
	void aFileJustOverHikeshisLimitIsRefusedBesideItsField() {
		HttpResponse<String> answer = upload(1024 * 1024 + 10_000);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("ファイルが上限の1MBを超えています").contains("class=\"field-error\"");
	}

	@Test
	void aFileOverTheContainersLimitGetsHikeshisTranslatedPage() {
		assertTranslatedTooLarge(upload(1500 * 1024, false));
	}

	@Test
	void aBodyFarOverEveryLimitGetsHikeshisTranslatedPage() {
		assertTranslatedTooLarge(upload(8 * 1024 * 1024, false));
	}

	@Test
	void sentAsUploadJsSendsItTheEvidencePageComesBackWithTheLimit() {
		HttpResponse<String> answer = upload(1500 * 1024, true);
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("<html lang=\"ja\"")
			.contains("ファイルが上限の1MBを超えています")
			.contains("data-upload")
			.doesNotContain("HTTP Status 413");
	}

	/** Tomcat refuses to read the fields of such a body, so the answer is the translated 413 page. */
	private void assertTranslatedTooLarge(HttpResponse<String> answer) {
		assertThat(answer.body()).doesNotContain("HTTP Status 413").doesNotContain("Apache Tomcat");
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("<html lang=\"ja\"").contains("<h1>ファイルが大きすぎます</h1>");
	}

	private HttpResponse<String> upload(int size) {
		return upload(size, false);
	}

	/** @param tokenAsHeader as upload.js sends it: the CSRF token also in a header */
	private HttpResponse<String> upload(int size, boolean tokenAsHeader) {
		String token = HttpSession.csrfOf(this.lead.get(evidence()).body());
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, "_csrf", token);
		part(body, "collectedFrom", "営業部PC");
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"disk.img\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(new byte[size]);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = this.lead.request(evidence())
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (tokenAsHeader) {
			request.header("X-CSRF-TOKEN", token);
		}
		return this.lead.send(request);
	}

	private static void part(ByteArrayOutputStream body, String name, String value) {
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	private String evidence() {
		return "/incidents/" + this.incident + "/evidence";
	}

}
