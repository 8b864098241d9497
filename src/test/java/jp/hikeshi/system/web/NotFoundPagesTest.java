package jp.hikeshi.system.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one may not see and what does not exist answer alike: 404 with Hikeshi's own translated
 * page, for each role, on a real server (MockMvc does not render the container's error pages).
 * A 403 stays for a part of the application a role does not use.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class NotFoundPagesTest {

	private static final Map<String, String> NOT_FOUND = Map.of("ja", "ページが見つかりません", "en", "Page not found");

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Test
	void whatOneMayNotSeeAndWhatDoesNotExistAreNotFoundInEachLanguage() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		long incident = this.incidents
			.report(new Incident.Report("不審なメール", "添付ファイルを開いた", Instant.now().minus(1, ChronoUnit.HOURS), null, null, null, null),
					new Actor(reporter.getUsername(), Set.of(Role.REPORTER)))
			.getId();
		long missing = incident + 1_000_000;
		// role -> pages that must be "not found" for it
		Map<Role, List<String>> unseen = Map.of(
				Role.REPORTER, List.of("/incidents/" + incident, "/incidents/" + missing, "/incidents/" + incident + "/evidence",
						"/incidnets", "/reports/" + missing),
				Role.ADMIN, List.of("/incidents/" + incident, "/incidents/" + incident + "/reporting", "/admin/no-such-page"),
				Role.SECURITY_LEAD, List.of("/incidents/" + missing, "/incidnets", "/admin/no-such-page"),
				Role.RESPONDER, List.of("/incidents/" + incident, "/incidents/" + missing, "/incidnets"),
				Role.EXECUTIVE, List.of("/incidents/" + missing, "/dashbaord"));
		List<String> wrong = new ArrayList<>();
		unseen.forEach((role, paths) -> {
			UserAccount person = role == Role.REPORTER ? reporter : this.users.create(role);
			for (String language : List.of("ja", "en")) {
				HttpSession session = new HttpSession(this.port, language).signIn(person.getUsername(),
						CompletedSetup.PASSWORD);
				for (String path : paths) {
					HttpResponse<String> page = session.get(path);
					if (page.statusCode() != 404 || !page.body().contains("<h1>" + NOT_FOUND.get(language) + "</h1>")
							|| !page.body().contains("lang=\"" + language + "\"")) {
						wrong.add(role + " " + language + " " + path + ": " + page.statusCode());
					}
				}
			}
		});
		assertThat(wrong).as("pages that should be Hikeshi's translated 404").isEmpty();
	}

	@Test
	void aPartOfTheApplicationARoleDoesNotUseIsStillRefusedAsSuch() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		HttpSession session = new HttpSession(this.port, "ja").signIn(reporter.getUsername(), CompletedSetup.PASSWORD);
		HttpResponse<String> admin = session.get("/admin/users");
		assertThat(admin.statusCode()).isEqualTo(403);
		assertThat(admin.body()).contains("この操作は許可されていません");
	}

	@Test
	void aMistypedAddressAsksAnAnonymousVisitorToSignIn() {
		HttpResponse<String> page = new HttpSession(this.port, "ja").get("/incidnets");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
	}

}
