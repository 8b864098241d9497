package jp.hikeshi.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The security lead keeps a log file as evidence and downloads it again, in a real browser. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class EvidenceJourneyTest {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@TempDir
	Path files;

	@Test
	void uploadAndDownloadEvidence() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Incident incident = this.incidents.report(new Incident.Report("ファイルサーバーへの不審なアクセス", "深夜にアクセス記録", null,
				"ファイルサーバー", null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		byte[] log = "2026-11-28T02:13:44 smbd: connect from 198.51.100.23 as administrator\n"
			.getBytes(StandardCharsets.UTF_8);
		Path file = Files.write(this.files.resolve("smbd.log"), log);

		try (Browser browser = Browser.open(this.port, "ja")) {
			browser.signIn(lead.getUsername(), CompletedSetup.PASSWORD).go("/incidents/" + incident.getId()).click("証拠");
			browser.attach("file", file).type("collectedFrom", "FS01 /var/log/samba/smbd.log").submit("アップロード");
			assertThat(browser.text()).contains("ファイルを証拠として保全しました。", "smbd.log",
					EvidenceSha.of(log), "取得");

			browser.driver().findElement(org.openqa.selenium.By.linkText("ダウンロード（ハッシュを確認します）")).click();
			assertThat(browser.downloaded("smbd.log")).isEqualTo(log);

			browser.go(browser.path());
			assertThat(browser.text()).contains("ダウンロード", "ハッシュ一致");
		}
	}

	static final class EvidenceSha {

		static String of(byte[] content) throws Exception {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}

	}

}
