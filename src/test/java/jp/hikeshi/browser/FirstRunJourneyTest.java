package jp.hikeshi.browser;

import jp.hikeshi.account.TotpCodes;
import jp.hikeshi.test.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's first minutes with Hikeshi, in a real browser: first-run setup, sign in, create a
 * user, sign out, the new user signs in and sees no administration.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class FirstRunJourneyTest {

	private static final String OWNER_PASSWORD = "river-Stones-remember-8";

	private static final String STAFF_PASSWORD = "quiet-Morning-tea-2026";

	@LocalServerPort
	int port;

	@Test
	void setupSignInCreateAUserAndSignOut() {
		try (Browser browser = Browser.open(this.port, "ja")) {
			browser.go("/");
			assertThat(browser.path()).isEqualTo("/setup");
			assertThat(browser.heading()).isEqualTo("火消しの初期設定");

			browser.type("companyName", "株式会社ひけし製作所")
				.choose("industry", "MANUFACTURING")
				.type("username", "owner")
				.type("displayName", "代表 太郎")
				.type("password", OWNER_PASSWORD)
				.type("passwordConfirmation", OWNER_PASSWORD)
				.submit("初期設定を完了する");
			assertThat(browser.path()).isEqualTo("/login");
			assertThat(browser.text()).contains("初期設定が完了しました。");

			browser.type("username", "owner").type("password", OWNER_PASSWORD).submit("ログイン");
			// a second factor is required for the administrator (ticked at set-up): enrolled right after the password
			assertThat(browser.path()).isEqualTo("/account/security");
			browser.submit("認証アプリを設定する");
			String key = browser.driver().findElement(org.openqa.selenium.By.id("authenticator-secret")).getText();
			browser.type("code", TotpCodes.now(key)).submit("確認して設定を終える");
			assertThat(browser.heading()).isEqualTo("リカバリーコード");
			browser.go("/");
			assertThat(browser.heading()).isEqualTo("ようこそ、代表 太郎 さん");
			assertThat(browser.text()).contains("情報セキュリティ責任者", "経営者", "管理者");

			browser.click("ユーザー").click("ユーザーの追加");
			browser.type("username", "sato")
				.type("displayName", "佐藤 花子")
				.type("department", "営業部")
				.type("password", STAFF_PASSWORD)
				.type("passwordConfirmation", STAFF_PASSWORD)
				.submit("ユーザーを追加する");
			assertThat(browser.text()).contains("ユーザーを追加しました。");
			assertThat(browser.heading()).isEqualTo("ユーザー sato");

			browser.submit("ログアウト");
			assertThat(browser.text()).contains("ログアウトしました。");

			browser.type("username", "sato").type("password", STAFF_PASSWORD).submit("ログイン");
			assertThat(browser.heading()).isEqualTo("ようこそ、佐藤 花子 さん");
			assertThat(browser.hasLink("ユーザー")).as("no administration for staff").isFalse();

			browser.click("English");
			assertThat(browser.heading()).isEqualTo("Welcome, 佐藤 花子");
			browser.go("/admin/users");
			assertThat(browser.heading()).isEqualTo("Not allowed");

			browser.go("/setup");
			assertThat(browser.heading()).isEqualTo("Page not found");
		}
	}

}
