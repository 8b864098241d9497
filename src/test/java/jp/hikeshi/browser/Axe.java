package jp.hikeshi.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.ScriptKey;
import org.openqa.selenium.WebDriver;

/** axe-core (served from its webjar on the test classpath) run on the page a browser shows. */
final class Axe {

	private static final String SCRIPT = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private final String source;

	/**
	 * axe-core pinned once per browser: the browser keeps its 500 kB and each page only calls it,
	 * instead of the script travelling through ChromeDriver and being compiled again for every page.
	 */
	private final Map<WebDriver, ScriptKey> pinned = new WeakHashMap<>();

	private Axe(String source) {
		this.source = source;
	}

	static Axe load() {
		try (InputStream in = Axe.class.getResourceAsStream(SCRIPT)) {
			if (in == null) {
				throw new IllegalStateException("axe-core is not on the test classpath: " + SCRIPT);
			}
			return new Axe(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** WCAG 2.1 A and AA and best practice: each violation as "rule (impact): the first elements". */
	List<String> violations(Browser browser) {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		js.executeScript(this.pinned.computeIfAbsent(browser.driver(), driver -> js.pin(this.source)));
		Object found = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
				  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '
				      + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))
				  .catch(e => done(['axe failed: ' + e]));""");
		return (found instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

}
