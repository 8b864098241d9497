package jp.hikeshi.system.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.hikeshi.account.Role;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Error pages as a real servlet container renders them (MockMvc does not forward to /error). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class ErrorPagesTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Test
	void notFoundIsFriendlyTranslatedAndTellsNothing() throws Exception {
		HttpClient client = signedInClient(CompletedSetup.ADMIN);
		HttpResponse<String> japanese = get(client, "/admin/users/999999999", "ja");
		assertThat(japanese.statusCode()).isEqualTo(404);
		assertThat(japanese.body()).contains("ページが見つかりません").doesNotContain("AccountNotFoundException")
			.doesNotContain("No account");
		assertThat(get(client, "/admin/users/999999999", "en").body()).contains("Page not found");
	}

	@Test
	void forbiddenIsFriendlyAndTranslated() throws Exception {
		HttpClient client = signedInClient(this.users.create(Role.REPORTER).getUsername());
		HttpResponse<String> response = get(client, "/admin/users", "ja");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("この操作は許可されていません");
		assertThat(get(client, "/admin/users", "en").body()).contains("Not allowed");
	}

	@Test
	void aBadRequestGetsTheGenericPage() throws Exception {
		HttpClient client = signedInClient(CompletedSetup.ADMIN);
		HttpResponse<String> response = get(client, "/admin/users/not-a-number", "ja");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("このリクエストは処理できません").doesNotContain("NumberFormatException");
	}

	/** Over server.tomcat.max-http-form-post-size (256 KB): Hikeshi's own translated page, never Tomcat's. */
	@Test
	void aFormOfAMegabyteGetsHikeshisOwnPage() throws Exception {
		HttpClient client = signedInClient(this.users.create(Role.REPORTER).getUsername());
		Matcher token = CSRF.matcher(get(client, "/report", "ja").body());
		assertThat(token.find()).isTrue();
		String form = "description=" + "a".repeat(1024 * 1024) + "&_csrf=" + encode(token.group(1));
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/report"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "ja")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("送られた内容が長すぎます").doesNotContain("Tomcat").doesNotContain("Exception");
	}

	@Test
	void healthIsOpenWithProbesAndTheRestOfActuatorIsNot() throws Exception {
		HttpClient anonymous = client();
		assertThat(getJson(anonymous, "/actuator/health")).contains("\"status\":\"UP\"")
			.doesNotContain("components");
		assertThat(get(anonymous, "/actuator/health/readiness", "ja").statusCode()).isEqualTo(200);
		assertThat(get(anonymous, "/actuator/health/liveness", "ja").statusCode()).isEqualTo(200);
		assertThat(get(anonymous, "/actuator/env", "ja").statusCode()).isIn(302, 401, 403, 404);
		// for anyone but the administrator the actuator's other endpoints are not there
		assertThat(get(signedInClient(this.users.create(Role.EXECUTIVE).getUsername()), "/actuator/metrics", "ja")
			.statusCode()).isEqualTo(404);
	}

	private HttpClient signedInClient(String username) throws IOException, InterruptedException {
		HttpClient client = client();
		String loginPage = get(client, "/login", "ja").body();
		Matcher token = CSRF.matcher(loginPage);
		assertThat(token.find()).isTrue();
		String form = "username=" + encode(username) + "&password=" + encode(CompletedSetup.PASSWORD) + "&_csrf="
				+ encode(token.group(1));
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
			.endsWith("/"));
		return client;
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	private HttpResponse<String> get(HttpClient client, String path, String language)
			throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language)
			.header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
			.GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String getJson(HttpClient client, String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
