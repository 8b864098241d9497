package jp.hikeshi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at a real server (a test with a random port), through the JDK's HTTP client: for what
 * MockMvc does not show — the error pages the container renders, and the container's own limits.
 * Redirects are not followed, so a test sees each answer.
 */
public final class HttpSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String base;

	private final String language;

	public HttpSession(int port, String language) {
		this.base = "http://localhost:" + port;
		this.language = language;
	}

	public HttpSession signIn(String username, String password) {
		HttpResponse<String> signedIn = signInResponse(username, password);
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("could not sign in as " + username + ": " + signedIn.statusCode());
		}
		return this;
	}

	/** The answer to the sign-in form, whatever it is. */
	public HttpResponse<String> signInResponse(String username, String password) {
		HttpResponse<String> login = get("/login");
		if (login.statusCode() != 200) {
			throw new IllegalStateException("the sign-in page answered " + login.statusCode() + " " + login.headers().map());
		}
		String token = csrfOf(login.body());
		return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)
					+ "&_csrf=" + encode(token))));
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept-Language", this.language)
			.header("Accept", "text/html,application/xhtml+xml");
	}

	/** The CSRF token of the (first) form of a page. */
	public static String csrfOf(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the page: " + page.substring(0, Math.min(page.length(), 300)));
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
