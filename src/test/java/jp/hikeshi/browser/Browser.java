package jp.hikeshi.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the journeys of each role. Uses Debian's chromium and chromedriver,
 * never a downloaded browser. Where they are missing the browser tests are skipped with a
 * message, unless {@code HIKESHI_BROWSER_TESTS_REQUIRED=true} (as in {@code .ci/run}), which
 * turns the skip into a failure.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final long POLL_MILLIS = 50;

	private final WebDriver driver;

	private final String baseUrl;

	private final WebDriverWait wait;

	private final Path downloads;

	private Browser(WebDriver driver, String baseUrl, Path downloads) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.downloads = downloads;
		this.wait = waiting(driver, Duration.ofSeconds(15));
	}

	/**
	 * A wait that looks again every {@value #POLL_MILLIS} ms. Selenium's default of 500 ms costs
	 * up to half a second on every click that leads to a page (the suite waits on hundreds). An
	 * element found on a page that a script then replaces is looked for again, not an error: a
	 * condition read between the two pages failed the passkey journey now and then.
	 */
	public static WebDriverWait waiting(WebDriver driver, Duration timeout) {
		WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(POLL_MILLIS));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

	/** Starts a browser, or skips (or fails, where browser tests are required) the calling test. */
	public static Browser open(int port, String language) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		boolean required = "true".equalsIgnoreCase(System.getProperty("hikeshi.browser-tests.required"))
				|| "true".equalsIgnoreCase(System.getenv("HIKESHI_BROWSER_TESTS_REQUIRED"));
		if (!installed) {
			String message = "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, "
					+ "/usr/bin/chromedriver): apt-get install -y chromium chromium-driver";
			if (required) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900", "--lang=" + language);
		Path downloads;
		try {
			downloads = Files.createTempDirectory("hikeshi-downloads");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		// the console is read by the journeys that fail on any error in it (CSP refusals included)
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language,
				"download.default_directory", downloads.toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), "http://localhost:" + port, downloads);
	}

	public Browser go(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	public Browser type(String id, String text) {
		WebElement field = this.driver.findElement(By.id(id));
		if ("datetime-local".equals(field.getAttribute("type")) || "date".equals(field.getAttribute("type"))) {
			// Chromium's date-time control takes keystrokes per segment; set the value as a picker would.
			((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1]",
					field, text);
			return this;
		}
		field.clear();
		field.sendKeys(text);
		return this;
	}

	public Browser choose(String id, String value) {
		new Select(this.driver.findElement(By.id(id))).selectByValue(value);
		return this;
	}

	public Browser check(String name, String value) {
		WebElement box = this.driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
		if (!box.isSelected()) {
			box.click();
		}
		return this;
	}

	/** Clicks and waits for the next page to load. */
	public Browser submit(String buttonText) {
		WebElement button = this.driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']"));
		WebElement html = this.driver.findElement(By.tagName("html"));
		button.click();
		gone(html);
		loaded();
		return this;
	}

	public Browser click(String linkText) {
		WebElement html = this.driver.findElement(By.tagName("html"));
		this.driver.findElement(By.linkText(linkText)).click();
		gone(html);
		loaded();
		return this;
	}

	public Browser signIn(String username, String password) {
		go("/login");
		return type("username", username).type("password", password).submit(loginButton());
	}

	public Browser signOut() {
		return submit(this.driver.findElement(By.cssSelector("form[action='/logout'] button")).getText());
	}

	/**
	 * Sets every open checklist item to done, one form at a time, as a person would. The page
	 * changes each item in place (no reload): the person keeps their place, so after each change
	 * the focus is still on that item's button and the page has not jumped back to its top.
	 */
	public Browser completeOpenChecklistItems() {
		loaded();
		while (true) {
			WebElement open = this.driver.findElements(By.cssSelector("form.checklist-form"))
				.stream()
				.filter(form -> "OPEN".equals(new Select(form.findElement(By.name("status"))).getFirstSelectedOption()
					.getAttribute("value")))
				.findFirst()
				.orElse(null);
			if (open == null) {
				return this;
			}
			new Select(open.findElement(By.name("status"))).selectByValue("DONE");
			WebElement button = open.findElement(By.tagName("button"));
			String buttonId = button.getAttribute("id");
			button.click();
			gone(button);
			this.wait.until(d -> buttonId.equals(((org.openqa.selenium.JavascriptExecutor) d)
				.executeScript("return document.activeElement && document.activeElement.id")));
			Object scrolled = ((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript("return window.scrollY");
			if (((Number) scrolled).longValue() == 0 && ((Number) ((org.openqa.selenium.JavascriptExecutor) this.driver)
				.executeScript("return document.getElementById(arguments[0]).getBoundingClientRect().top", buttonId))
				.doubleValue() > this.driver.manage().window().getSize().getHeight()) {
				throw new AssertionError("the page jumped to its top after a checklist change");
			}
		}
	}

	/** Clicks a button whose form the page replaces in place (htmx), and waits for the new one. */
	public Browser submitInPlace(String buttonText) {
		WebElement button = this.driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']"));
		button.click();
		gone(button);
		return this;
	}

	/** Clicks an element and waits for the next page to load. */
	public Browser clickAndWait(WebElement element) {
		WebElement html = this.driver.findElement(By.tagName("html"));
		element.click();
		gone(html);
		loaded();
		return this;
	}

	/**
	 * Waits until the old page is gone. ChromeDriver answers a look at a node of a page being
	 * replaced with either "stale element" or "node does not belong to the document": both mean gone.
	 */
	private void gone(WebElement html) {
		this.wait.until(d -> {
			try {
				html.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				return true;
			}
		});
	}

	/** Waits until the page after a navigation (and its redirect) has loaded completely. */
	private void loaded() {
		this.wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
			.executeScript("return document.readyState")));
	}

	/** Ticks a team member and gives their duty. */
	public Browser pickTeamMember(String displayName, String duty) {
		WebElement row = this.driver.findElement(By.xpath("//div[contains(@class,'team-member')]"
				+ "[label[contains(@class,'team-member__name')][contains(normalize-space(),'" + displayName + "')]]"));
		WebElement box = row.findElement(By.cssSelector("input[type=checkbox]"));
		if (!box.isSelected()) {
			box.click();
		}
		WebElement dutyField = row.findElement(By.cssSelector("input.team-duty"));
		dutyField.clear();
		dutyField.sendKeys(duty);
		return this;
	}

	private String loginButton() {
		return this.driver.findElement(By.cssSelector("form[action='/login'] button")).getText();
	}

	public String path() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	public String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	public boolean hasLink(String text) {
		return !this.driver.findElements(By.linkText(text)).isEmpty();
	}

	/** Waits for a download to finish and returns its content. */
	public byte[] downloaded(String fileName) {
		Path file = this.downloads.resolve(fileName);
		this.wait.until(d -> Files.isRegularFile(file) && !Files.exists(this.downloads.resolve(fileName + ".crdownload")));
		try {
			return Files.readAllBytes(file);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Chooses a file in a file input. */
	public Browser attach(String id, Path file) {
		this.driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
		return this;
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
