package jp.hikeshi.browser;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of staff writes a long report, their session ends before they send it, they sign
 * in again and find the report form as they had filled it in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class SessionEndedJourneyTest {

	private static final String DESCRIPTION = "請求書を装ったメールの添付ファイルを開いたら、画面が一瞬暗くなった。<b>太字</b> & \"引用\"";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void whatWasTypedIsBackAfterSigningInAgain() {
		UserAccount staff = this.users.create(Role.REPORTER);
		try (Browser browser = Browser.open(this.port, "ja")) {
			browser.signIn(staff.getUsername(), CompletedSetup.PASSWORD).go("/report");
			browser.type("description", DESCRIPTION).type("affectedSystem", "経理部のノートPC");
			browser.check("stillHappening", "YES");
			WebDriver driver = browser.driver();
			driver.manage().deleteCookieNamed("JSESSIONID");

			browser.submit("報告を送る");
			assertThat(browser.path()).isEqualTo("/login?expired&draft");
			assertThat(browser.text()).contains("セッションが終了しました", "入力していた内容は保存してあります");

			browser.type("username", staff.getUsername()).type("password", CompletedSetup.PASSWORD).submit("ログイン");
			assertThat(browser.path()).isEqualTo("/report");
			assertThat(driver.findElement(By.id("description")).getAttribute("value")).isEqualTo(DESCRIPTION);
			assertThat(driver.findElement(By.id("affectedSystem")).getAttribute("value")).isEqualTo("経理部のノートPC");
			assertThat(driver.findElement(By.cssSelector("input[name='stillHappening'][value='YES']")).isSelected()).isTrue();
			assertThat(driver.findElement(By.id("form-draft-restored")).isDisplayed()).isTrue();
			assertThat(this.jdbc.queryForObject("select count(*) from incident where reported_by = ?", Long.class,
					staff.getUsername())).isZero();

			browser.submit("報告を送る");
			assertThat(browser.path()).matches("/reports/\\d+/sent");
			assertThat(this.jdbc.queryForObject("select description from incident where reported_by = ?", String.class,
					staff.getUsername())).isEqualTo(DESCRIPTION);

			browser.go("/report");
			assertThat(driver.findElement(By.id("description")).getAttribute("value")).isEmpty();
			assertThat(driver.findElements(By.id("form-draft-restored"))).isEmpty();
		}
	}

}
