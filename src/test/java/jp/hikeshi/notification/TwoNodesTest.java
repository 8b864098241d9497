package jp.hikeshi.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.hikeshi.HikeshiApplication;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.LoginThrottle;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabase;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Hikeshi nodes on one PostgreSQL, each a whole application on a port of its own, as behind
 * the proxy of docker-compose.yml's "two-nodes" profile: a session made on one is good on the
 * other, ending it on one ends it on both, and the jobs both nodes run do their work once.
 * <p>
 * Costs two application contexts (about 15-25 s on two cores); keep every two-node check in
 * this one class. It lives in the notification package to call the jobs as their scheduler does.
 */
class TwoNodesTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext one;

	private static ConfigurableApplicationContext two;

	private static WebhookReceiver receiver;

	@BeforeAll
	static void startTwoNodes() {
		String database = TestDatabase.server().createDatabase();
		// node one trusts forwarded headers from a proxy that is not this test (10.99.99.99); node two
		// from this test's address, as the app trusts its proxy in docker-compose.yml
		one = node(database, "10\\.99\\.99\\.99");
		two = node(database, "127\\.0\\.0\\.1");
		receiver = WebhookReceiver.start();
	}

	@AfterAll
	static void stop() {
		if (receiver != null) {
			receiver.close();
		}
		if (two != null) {
			two.close();
		}
		if (one != null) {
			one.close();
		}
	}

	private static ConfigurableApplicationContext node(String database, String proxy) {
		TestDatabase server = TestDatabase.server();
		// the jobs do not run on their own: the test starts them on both nodes at the same moment
		return new SpringApplicationBuilder(HikeshiApplication.class, CompletedSetup.class)
			.initializers(context -> {
				context.getBeanFactory().registerSingleton("productionOnly", new ProductionOnly());
				context.getBeanFactory().addBeanPostProcessor(new StillClock());
			})
			.properties("server.port=0", "spring.datasource.url=" + database, "spring.datasource.username=" + server.username(),
					"spring.datasource.password=" + server.password(), "hikeshi.notifications.jobs.enabled=false",
					"hikeshi.notifications.send-on-commit=false", "hikeshi.integrations.allow-local-addresses=true",
					"spring.main.banner-mode=off", "server.forward-headers-strategy=native",
					"server.tomcat.remoteip.internal-proxies=" + proxy)
			.run();
	}

	@Test
	void aSessionMadeOnOneNodeIsGoodOnTheOtherAndSigningOutEndsItOnBoth() {
		UserAccount account = one.getBean(TestUsers.class).create(Role.REPORTER);
		Browser browser = new Browser().signIn(one, account.getUsername());
		assertThat(browser.get(two, "/").statusCode()).as("node 2 knows node 1's session").isEqualTo(200);
		Browser thief = browser.copy();

		browser.signOut(two);

		assertThat(thief.get(one, "/").headers().firstValue("Location")).as("signed out on node 2, ended on node 1")
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
	}

	@Test
	void disablingAnAccountOnOneNodeEndsItsSessionOnTheOther() {
		UserAccount account = one.getBean(TestUsers.class).create(Role.REPORTER);
		Browser browser = new Browser().signIn(two, account.getUsername());
		assertThat(browser.get(two, "/").statusCode()).isEqualTo(200);

		UserAccount current = one.getBean(AccountService.class).findById(account.getId()).orElseThrow();
		one.getBean(AccountService.class).disable(current.getId(), current.getVersion(), CompletedSetup.ADMIN);

		assertThat(browser.get(two, "/").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?expired"));
	}

	@Test
	void whatBothNodesSendAtTheSameMomentIsSentOnce() throws Exception {
		long endpoint = one.getBean(IntegrationWebhooks.class)
			.create("SIEM", receiver.url("/two-nodes"), Set.of(IntegrationEvent.DUTY_FILED), "test")
			.endpoint()
			.id();
		int rows = 60;
		one.getBean(JdbcTemplate.class).update("""
				insert into notification (rule, occurrence, channel, endpoint_id, priority, state, next_attempt_at, created_at,
				                          payload)
				select 'DUTY_FILED', 'two-nodes:' || n, 'HOOK', ?, 6, 'PENDING', now() - interval '1 minute', now(),
				       '{"id": "two-nodes-' || n || '"}'
				from generate_series(1, ?) as n""", endpoint, rows);

		List<Integer> tried = atTheSameMoment(node -> node.getBean(Dispatcher.class).drain(Instant.now()));

		List<String> received = receiver.bodies("/two-nodes");
		assertThat(received).hasSize(rows);
		assertThat(new HashSet<>(received)).as("no delivery twice").hasSize(rows);
		assertThat(tried.get(0) + tried.get(1)).isEqualTo(rows);
		assertThat(one.getBean(JdbcTemplate.class).queryForObject(
				"select count(*) from notification where endpoint_id = ? and (state <> 'SENT' or attempts <> 1)",
				Integer.class, endpoint)).isZero();
	}

	@Test
	void theReminderScanRunsOnOneNodeAtATime() throws Exception {
		// node 1's scan is under way (it holds the scan's lock in an open transaction) ...
		TransactionTemplate transaction = one.getBean(TransactionTemplate.class);
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		ExecutorService scan = Executors.newSingleThreadExecutor();
		try {
			Future<?> first = scan.submit(() -> transaction.executeWithoutResult(status -> {
				one.getBean(JdbcTemplate.class).queryForObject("select pg_advisory_xact_lock(4453744)", Object.class);
				holding.countDown();
				try {
					done.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
			// ... so node 2's turn, whoever triggers it, is skipped rather than run a second time
			assertThat(two.getBean(Reminders.class).scan(Instant.now())).isEqualTo(-1);
			done.countDown();
			first.get(30, TimeUnit.SECONDS);
		}
		finally {
			done.countDown();
			scan.shutdownNow();
		}
		// and when both trigger it at the same moment, the reminders are written once
		List<Integer> written = atTheSameMoment(node -> node.getBean(Reminders.class).scan(Instant.now()));
		assertThat(written).doesNotContainNull();
		assertThat(one.getBean(JdbcTemplate.class).queryForObject("""
				select count(*) from (select 1 from notification
				group by occurrence, channel, coalesce(recipient, ''), coalesce(webhook_id, 0), coalesce(endpoint_id, 0)
				having count(*) > 1) as twice""", Integer.class)).isZero();
	}

	/**
	 * Outside a {@code @SpringBootTest} nothing keeps the tests' own configurations out of the
	 * application's component scan (a fresh database each, for one): only the application's
	 * classes, and TestUsers, are scanned.
	 */
	private static final class ProductionOnly extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURL().getPath().contains("/test-classes/")
					&& !reader.getClassMetadata().getClassName().equals(TestUsers.class.getName());
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ProductionOnly;
		}

		@Override
		public int hashCode() {
			return ProductionOnly.class.hashCode();
		}

	}

	@Test
	void forwardedHeadersFromAnyoneButTheProxyAreIgnored() {
		// failed sign-ins with a new X-Forwarded-For each time: node one (we are not its proxy) counts them all
		// against the address they really came from; node two (we are its proxy) against the forwarded ones
		for (int i = 1; i <= 4; i++) {
			String forged = "203.0.113." + i;
			new Browser().failToSignIn(one, "nobody-" + forged, forged);
			new Browser().failToSignIn(two, "nobody-two-" + forged, forged);
		}
		// both nodes count into the one sign-in throttle in PostgreSQL: each name tried, with the address it was charged to
		List<String> charged = one.getBean(JdbcTemplate.class)
			.queryForList("select key from sign_in_throttle where key like 'pair:%|nobody-%' order by key", String.class);
		// node one: the real address, whose fourth try is refused before any password is checked (three are free)
		assertThat(charged).as("node one charges the real address, node two the one its proxy forwarded")
			.containsExactlyInAnyOrder("pair:127.0.0.1|nobody-203.0.113.1", "pair:127.0.0.1|nobody-203.0.113.2",
					"pair:127.0.0.1|nobody-203.0.113.3",
					"pair:203.0.113.1|nobody-two-203.0.113.1", "pair:203.0.113.2|nobody-two-203.0.113.2",
					"pair:203.0.113.3|nobody-two-203.0.113.3", "pair:203.0.113.4|nobody-two-203.0.113.4");
		// and what one node counted, the other sees
		assertThat(two.getBean(JdbcTemplate.class)
			.queryForObject("select failures from sign_in_throttle where key = 'address:127.0.0.1'", Integer.class))
			.isEqualTo(3);
	}

	@Test
	void wrongPasswordsCountedOnOneNodeSlowTheOtherDown() {
		String name = "shared-throttle-" + java.util.UUID.randomUUID();
		LoginThrottle first = one.getBean(LoginThrottle.class);
		for (int i = 0; i < 3; i++) {
			LoginThrottle.Attempt attempt = first.reserve(name, "198.51.100.7");
			assertThat(attempt.allowed()).as("free failure %d on node one", i + 1).isTrue();
			first.failed(attempt);
		}
		// the clock stands still: the wait the fourth attempt owes is not over, whichever node it reaches
		assertThat(two.getBean(LoginThrottle.class).reserve(name, "198.51.100.8").allowed()).isFalse();
	}

	@Test
	void redirectsNeverPointAtTheHostARequestNames() {
		for (ConfigurableApplicationContext node : List.of(one, two)) {
			HttpResponse<String> answer = new Browser().send(new Browser().request(node, "/")
				.header("X-Forwarded-Host", "evil.example")
				.header("X-Forwarded-Proto", "https")
				.GET());
			assertThat(answer.headers().firstValue("Location")).hasValue("/login");
		}
	}

	/** The application's clock stands still, so a throttle's wait never runs out while the test looks. */
	private static final class StillClock implements BeanPostProcessor {

		private static final Clock STILL = Clock.fixed(Instant.now(), ZoneOffset.UTC);

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) {
			return (bean instanceof Clock) ? STILL : bean;
		}

	}

	private interface Job {

		int run(ConfigurableApplicationContext node) throws Exception;

	}

	/** Runs the job on both nodes, released together. */
	private static List<Integer> atTheSameMoment(Job job) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> runs = new ArrayList<>();
			for (ConfigurableApplicationContext node : List.of(one, two)) {
				runs.add(threads.submit(() -> {
					start.await();
					return job.run(node);
				}));
			}
			start.countDown();
			List<Integer> results = new ArrayList<>();
			for (Future<Integer> run : runs) {
				results.add(run.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** A browser that carries its session cookie to whichever node it asks, as behind the proxy. */
	private static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();

		private String cookie;

		Browser signIn(ConfigurableApplicationContext node, String username) {
			String token = csrf(get(node, "/login").body());
			HttpResponse<String> signedIn = post(node, "/login", "username=" + encode(username) + "&password="
					+ encode(CompletedSetup.PASSWORD) + "&_csrf=" + encode(token));
			assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
					location -> assertThat(location).doesNotContain("error").doesNotContain("throttled"));
			return this;
		}

		void failToSignIn(ConfigurableApplicationContext node, String username, String forwardedFor) {
			String token = csrf(get(node, "/login").body());
			HttpResponse<String> refused = send(request(node, "/login").header("X-Forwarded-For", forwardedFor)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username)
						+ "&password=wrong-password-123&_csrf=" + encode(token))));
			assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
					location -> assertThat(location).contains("/login?"));
		}

		void signOut(ConfigurableApplicationContext node) {
			String token = csrf(get(node, "/").body());
			assertThat(post(node, "/logout", "_csrf=" + encode(token)).headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/login?signedOut"));
		}

		Browser copy() {
			Browser copy = new Browser();
			copy.cookie = this.cookie;
			return copy;
		}

		HttpResponse<String> get(ConfigurableApplicationContext node, String path) {
			return send(request(node, path).GET());
		}

		HttpResponse<String> post(ConfigurableApplicationContext node, String path, String form) {
			return send(request(node, path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		HttpRequest.Builder request(ConfigurableApplicationContext node, String path) {
			int port = ((WebServerApplicationContext) node).getWebServer().getPort();
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Accept-Language", "ja");
			return (this.cookie == null) ? request : request.header("Cookie", this.cookie);
		}

		HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = this.client.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				response.headers().allValues("Set-Cookie").stream()
					.filter(set -> set.startsWith("JSESSIONID="))
					.forEach(set -> this.cookie = set.substring(0, set.indexOf(';')));
				return response;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String csrf(String page) {
			Matcher matcher = CSRF.matcher(page);
			assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
			return matcher.group(1);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
