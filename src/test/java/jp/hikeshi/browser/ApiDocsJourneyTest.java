package jp.hikeshi.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in person opens the API's Swagger UI, authorises with their token and tries a call,
 * under the pages' Content-Security-Policy: nothing the policy refuses (an inline script or
 * style) happens on the way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class ApiDocsJourneyTest {

	/** Collects every refusal of the policy, from before the page's first script runs. */
	private static final String RECORD_VIOLATIONS = """
			window.cspViolations = [];
			document.addEventListener('securitypolicyviolation', function (e) {
			  var target = e.target && e.target.outerHTML ? e.target.outerHTML.substring(0, 200) : String(e.target);
			  window.cspViolations.push(e.violatedDirective + ' ' + e.sourceFile + ':' + e.lineNumber + ' ' + target);
			}, true);""";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Test
	void theSwaggerUiWorksUnderThePagesContentSecurityPolicy() {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		String token = this.users.bearerOf(lead.getUsername()).substring("Bearer ".length());
		try (Browser browser = Browser.open(this.port, "ja")) {
			WebDriver driver = browser.driver();
			((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
			browser.signIn(lead.getUsername(), CompletedSetup.PASSWORD).go("/api-docs");
			WebDriverWait wait = Browser.waiting(driver, Duration.ofSeconds(30));
			wait.until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
			assertThat(driver.findElement(By.cssSelector(".info .title")).getText()).contains("Hikeshi API");

			driver.findElement(By.cssSelector("button.authorize")).click();
			wait.until(d -> !d.findElements(By.cssSelector(".modal-ux input")).isEmpty());
			driver.findElement(By.cssSelector(".modal-ux input")).sendKeys(token);
			driver.findElement(By.cssSelector(".modal-ux button.authorize")).click();
			driver.findElement(By.cssSelector(".modal-ux button.btn-done")).click();
			driver.findElement(By.cssSelector("#operations-Account-me .opblock-summary")).click();
			wait.until(d -> !d.findElements(By.cssSelector("#operations-Account-me .execute")).isEmpty());
			driver.findElement(By.cssSelector("#operations-Account-me .execute")).click();
			wait.until(d -> !d.findElements(By.cssSelector("#operations-Account-me .live-responses-table .response-col_status")).isEmpty());
			String response = driver.findElement(By.cssSelector("#operations-Account-me .live-responses-table")).getText();
			assertThat(response).contains("200", lead.getUsername());

			@SuppressWarnings("unchecked")
			List<String> violations = (List<String>) ((JavascriptExecutor) driver).executeScript("return window.cspViolations");
			assertThat(violations).as("what the Content-Security-Policy refused").isEmpty();
		}
	}

}
