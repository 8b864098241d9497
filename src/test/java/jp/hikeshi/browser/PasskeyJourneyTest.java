package jp.hikeshi.browser;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import jp.hikeshi.account.RelyingParty;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of staff adds a passkey after signing in with the password, signs out, and on a phone
 * signs in with the passkey alone (Chromium's virtual authenticator: a platform authenticator
 * that keeps discoverable credentials and verifies its user), then removes it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class PasskeyJourneyTest {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	RelyingParty relyingParty;

	@Autowired
	JdbcTemplate jdbc;

	private static String consoleOf(WebDriver driver) {
		return driver.manage().logs().get(LogType.BROWSER).getAll().toString();
	}

	@Test
	void aPasskeyAddedAfterThePasswordSignsInAloneOnAPhone() {
		UserAccount staff = this.users.create(Role.REPORTER);
		// the browser's origin carries the random port; the RP id (localhost) is the configured one
		this.relyingParty.origins().add("http://localhost:" + this.port);
		try (Browser browser = Browser.open(this.port, "ja")) {
			WebDriver driver = browser.driver();
			VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) driver)
				.addVirtualAuthenticator(new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true)
					.setIsUserConsenting(true));

			browser.signIn(staff.getUsername(), CompletedSetup.PASSWORD).go("/account/passkeys");
			assertThat(browser.text()).contains("登録済みのパスキーはまだありません");
			browser.type("label", "業務用スマートフォン");
			driver.findElement(By.xpath("//button[normalize-space()='パスキーを登録']")).click();
			// the script runs the ceremony, then loads the page again; an error would show by the form
			Browser.waiting(driver, Duration.ofSeconds(15))
				.until(d -> browser.path().endsWith("?registered")
						|| d.findElement(By.id("passkey-register-error")).isDisplayed()
						|| d.findElement(By.id("label-error")).isDisplayed());
			assertThat(browser.path()).as(() -> browser.text() + consoleOf(driver)).isEqualTo("/account/passkeys?registered");
			assertThat(browser.text()).contains("パスキーを登録しました", "業務用スマートフォン");
			assertThat(authenticator.getCredentials()).singleElement()
				.satisfies(credential -> assertThat(credential.isResidentCredential()).isTrue());
			browser.signOut();

			driver.manage().window().setSize(new Dimension(390, 844));
			browser.go("/login").submit("パスキーでサインイン");
			assertThat(browser.path()).isEqualTo("/");
			assertThat(browser.text()).contains(staff.getDisplayName());

			browser.go("/account/passkeys");
			WebElement remove = driver.findElement(By.xpath("//button[normalize-space()='削除']"));
			WebElement html = driver.findElement(By.tagName("html"));
			remove.click();
			Browser.waiting(driver, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
			Browser.waiting(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(html));
			assertThat(browser.text()).contains("パスキーを削除しました", "登録済みのパスキーはまだありません");
			assertThat(this.jdbc.queryForObject("""
					select count(*) from user_credentials c join user_entities e on e.id = c.user_entity_user_id
					where e.name = ?""", Long.class, staff.getUsername())).isZero();

			List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
				.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
				.toList();
			assertThat(errors).as("console errors (CSP refusals included)").isEmpty();
		}
	}

}
