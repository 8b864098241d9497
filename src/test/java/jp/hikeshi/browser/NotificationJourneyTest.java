package jp.hikeshi.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications end to end, in a real browser, sent the way production sends them: right after
 * the report's transaction commits, to a real SMTP server (GreenMail) and a real chat receiver in
 * the test JVM. The poll and the reminder scan are off, so whatever arrives came from the
 * after-commit path. The administrator sets the link's address, a Slack webhook and tries a mail;
 * a member of staff reports something still happening; the security lead gets the urgent mail
 * and the chat channel its message within seconds, neither carrying a word of the report; the
 * lead follows the mail's link and reads the notification behind the bell.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hikeshi.notifications.jobs.enabled=false", "spring.mail.host=127.0.0.1",
				"spring.mail.properties.mail.smtp.starttls.enable=false",
				"spring.mail.properties.mail.smtp.starttls.required=false",
				"hikeshi.notifications.allow-plain-http-webhooks=true", "hikeshi.notifications.webhook-hosts=127.0.0.1" })
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class NotificationJourneyTest {

	private static final String PASSWORD = CompletedSetup.PASSWORD;

	private static final String DOMAIN = "journey.example";

	/** What the member of staff writes: a customer's name and number, which must stay in Hikeshi. */
	private static final String DESCRIPTION = "顧客 山田花子様（090-1234-5678）の請求書ファイルが開けず、身代金を要求する画面が出ている";

	private static final long SECONDS = 10;

	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp;

	private static ChatReceiver chat;

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startServers() {
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		chat = ChatReceiver.start();
	}

	@AfterAll
	static void stopServers() {
		smtp.stop();
		chat.close();
	}

	@Test
	void aReportOfSomethingStillHappeningReachesTheLeadByMailChatAndBellWithoutItsContent() throws Exception {
		UserAccount admin = account("notify-admin", "通知 管理者", Role.ADMIN);
		UserAccount staff = account("notify-staff", "通知 社員", Role.REPORTER);
		UserAccount lead = account("notify-lead", "通知 リーダー", Role.SECURITY_LEAD);
		String base = "http://localhost:" + this.port;

		try (Browser browser = Browser.open(this.port, "ja")) {
			// The administrator: where links point, the chat channel, a test mail.
			browser.signIn(admin.getUsername(), PASSWORD).click("通知設定");
			assertThat(browser.heading()).isEqualTo("通知設定");
			assertThat(browser.text()).contains("メールサーバーが設定されています。");
			browser.type("publicBaseUrl", base).submit("設定を保存");
			assertThat(browser.text()).contains("通知設定を保存しました。");
			assertThat(browser.driver().findElement(By.xpath("//dt[normalize-space()='リンクの URL']/following-sibling::dd[1]"))
				.getText()).isEqualTo(base);

			browser.choose("kind", "SLACK")
				.type("name", "情報システム部チャンネル")
				.type("url", chat.url("/services/T000/B000/journey"))
				.choose("language", "ja")
				.submit("Webhook を追加");
			assertThat(browser.text()).contains("Webhook を追加しました。", "情報システム部チャンネル", "Slack",
					"http://127.0.0.1/…rney");
			assertThat(browser.text()).doesNotContain("/services/T000/B000/journey");
			browser.submit("テスト投稿");
			assertThat(browser.text()).contains("テストメッセージを投稿しました。");
			assertThat(chat.next()).as("the test post").contains("テスト通知", base + "/");

			browser.type("to", "it-desk@" + DOMAIN).submit("テストメールを送信");
			assertThat(browser.text()).contains("テストメールを送信しました。");
			assertThat(smtp.waitForIncomingEmail(SECONDS * 1000, 1)).isTrue();
			MimeMessage trial = only(smtp.getReceivedMessages());
			assertThat(recipients(trial)).containsExactly("it-desk@" + DOMAIN);
			assertThat(trial.getSubject()).isEqualTo("[火消し] テスト通知");
			browser.signOut();

			// Staff: report something that is still going on.
			browser.signIn(staff.getUsername(), PASSWORD).click("おかしいと思ったら報告");
			browser.type("description", DESCRIPTION)
				.type("affectedSystem", "経理部のパソコン")
				.check("stillHappening", "YES")
				.submit("報告を送る");
			assertThat(browser.heading()).isEqualTo("報告を受け付けました。ありがとうございます");
			String reference = browser.driver().findElement(By.cssSelector(".reference-number")).getText();
			assertThat(reference).matches("INC-\\d{4}-\\d{5}");
			browser.signOut();

			// Within seconds, with nothing polling: the lead's mail and the channel's message.
			assertThat(smtp.waitForIncomingEmail(SECONDS * 1000, 2)).as("the lead's mail after the commit").isTrue();
			MimeMessage urgent = Arrays.stream(smtp.getReceivedMessages())
				.filter(mail -> recipients(mail).contains(lead.getEmail()))
				.findFirst()
				.orElseThrow();
			assertThat(urgent.getSubject()).startsWith("[火消し] 至急").contains(reference);
			assertThat(urgent.getContent()).isInstanceOf(String.class);
			String body = (String) urgent.getContent();
			Matcher link = Pattern.compile(Pattern.quote(base) + "/incidents/\\d+").matcher(body);
			assertThat(link.find()).as("a link to the incident in:\n" + body).isTrue();
			assertThat(body).doesNotContain("山田", "090-1234-5678", "身代金", "経理部のパソコン");
			assertThat(urgent.getSubject()).doesNotContain("山田", "090-1234-5678");

			String posted = chat.next();
			assertThat(posted).as("the channel's message").isNotNull();
			assertThat(posted).contains(reference, "今も続いている", link.group())
				.doesNotContain("山田", "090-1234-5678", "身代金", "経理部のパソコン");

			// The lead: the bell counts it, the mail's link opens the incident, opening it reads it.
			browser.signIn(lead.getUsername(), PASSWORD);
			assertThat(bell(browser)).isEqualTo("通知（未読 1 件）");
			browser.driver().get(link.group());
			assertThat(browser.path()).isEqualTo(link.group().substring(base.length()));
			assertThat(browser.driver().findElement(By.cssSelector(".reference-number")).getText()).isEqualTo(reference);
			assertThat(browser.text()).contains(DESCRIPTION);
			assertThat(bell(browser)).as("seeing the page is not reading the notification").isEqualTo("通知（未読 1 件）");

			browser.go("/notifications");
			WebElement unread = browser.driver().findElement(By.cssSelector("li.notification--unread button"));
			assertThat(unread.getText()).contains("至急", reference);
			browser.clickAndWait(unread);
			assertThat(browser.path()).isEqualTo(link.group().substring(base.length()));
			assertThat(bell(browser)).isEqualTo("通知（未読なし）");
			browser.go("/notifications");
			assertThat(browser.driver().findElements(By.cssSelector("li.notification--unread"))).isEmpty();
		}

		// exactly one mail to the lead besides the test mail (none to the reporter), one chat message
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(chat.remaining()).isEmpty();
	}

	private UserAccount account(String username, String name, Role role) {
		return this.accounts.create(new CreateAccount(username,
				new Profile(name, "情報システム部", username + "@" + DOMAIN, null), EnumSet.of(role), PASSWORD), "test");
	}

	private static String bell(Browser browser) {
		return browser.driver().findElement(By.cssSelector("a.bell")).getAttribute("aria-label");
	}

	private static MimeMessage only(MimeMessage[] mails) {
		assertThat(mails).hasSize(1);
		return mails[0];
	}

	private static List<String> recipients(MimeMessage mail) {
		try {
			return Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A chat service's incoming webhook: answers 200 and hands over each body in the order it came. */
	private static final class ChatReceiver implements AutoCloseable {

		private final HttpServer server;

		private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();

		private ChatReceiver(HttpServer server) {
			this.server = server;
		}

		static ChatReceiver start() {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				ChatReceiver receiver = new ChatReceiver(server);
				server.createContext("/", exchange -> {
					receiver.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
					exchange.sendResponseHeaders(200, -1);
					exchange.close();
				});
				server.start();
				return receiver;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
		}

		/** The next body received, waiting for it a few seconds; {@code null} if none came. */
		String next() throws InterruptedException {
			return this.bodies.poll(SECONDS, TimeUnit.SECONDS);
		}

		List<String> remaining() {
			return List.copyOf(this.bodies);
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
