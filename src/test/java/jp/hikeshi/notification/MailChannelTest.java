package jp.hikeshi.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLHandshakeException;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mail channel without Spring's context, against real servers: a GreenMail that knows one
 * user (plain SMTP, and SMTPS with a certificate nobody trusts) and a port where nothing listens.
 * Each refusal is named as the administrator reads it; an address that could carry a second
 * recipient or a header is refused before anything is sent.
 */
class MailChannelTest {

	private static final String USER = "hikeshi";

	private static final String PASSWORD = "right-password";

	private static final String FROM = "hikeshi@hikeshi.example";

	private static final String TO = "lead@company.example";

	private static final String SUBJECT = "[火消し] 至急：今も続いている事象の報告（INC-2026-00001）";

	private static final String TEXT = "「今も続いている」という報告が届きました。\n\n次のページで確認してください：\n"
			+ "https://hikeshi.example/incidents/1\n";

	private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private static final ServerSetup SMTPS = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);

	private static GreenMail greenMail;

	@BeforeAll
	static void startServer() {
		greenMail = new GreenMail(new ServerSetup[] { SMTP, SMTPS });
		greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
		greenMail.start();
	}

	@AfterAll
	static void stopServer() {
		greenMail.stop();
	}

	@BeforeEach
	void emptyMailboxes() throws FolderException {
		greenMail.purgeEmailFromAllMailboxes();
	}

	@Test
	void aGoodSendArrivesOnceWithItsSubjectAndSenderIntactAndMarkedAutomatic() throws Exception {
		channel(sender(SMTP.getPort(), PASSWORD)).send(FROM, TO, SUBJECT, TEXT);

		assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).isEqualTo(SUBJECT);
		assertThat(mail.getFrom()).containsExactly(new InternetAddress(FROM, "火消し Hikeshi", "UTF-8"));
		assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("火消し Hikeshi");
		assertThat(recipients(mail)).containsExactly(TO);
		assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(TEXT);
	}

	@Test
	void aLineBreakInTheSubjectStaysInTheSubjectAndAddsNoRecipient() throws Exception {
		channel(sender(SMTP.getPort(), PASSWORD)).send(FROM, TO, "テスト\r\nBcc: c@evil.example", TEXT);

		assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("テスト Bcc: c@evil.example");
		assertThat(recipients(received[0])).containsExactly(TO);
		assertThat(received[0].getHeader("Bcc")).isNull();
		assertThat(greenMail.getReceivedMessagesForDomain("evil.example")).isEmpty();
	}

	@Test
	void aWrongPasswordIsAnAuthenticationFailure() {
		MailChannel channel = channel(sender(SMTP.getPort(), "wrong-password"));

		assertThatThrownBy(() -> channel.send(FROM, TO, SUBJECT, TEXT)).isInstanceOfSatisfying(DeliveryFailed.class,
				failed -> assertThat(failed.failure()).isEqualTo(Failure.AUTHENTICATION_FAILED));
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void aPortWhereNothingListensIsARefusedConnection() {
		MailChannel channel = channel(sender(freePort(), PASSWORD));

		assertThatThrownBy(() -> channel.send(FROM, TO, SUBJECT, TEXT)).isInstanceOfSatisfying(DeliveryFailed.class,
				failed -> assertThat(failed.failure()).isEqualTo(Failure.CONNECTION_REFUSED));
	}

	@Test
	void aServerWhoseCertificateIsNotTrustedIsATlsFailure() {
		JavaMailSenderImpl sender = sender(SMTPS.getPort(), PASSWORD);
		sender.getJavaMailProperties().setProperty("mail.smtp.ssl.enable", "true");
		MailChannel channel = channel(sender);

		assertThatThrownBy(() -> channel.send(FROM, TO, SUBJECT, TEXT)).isInstanceOfSatisfying(DeliveryFailed.class,
				failed -> assertThat(failed.failure()).isEqualTo(Failure.TLS));
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void withoutAMailServerNothingIsTriedAndTheReasonSaysSo() {
		MailChannel channel = channel(null);

		assertThat(channel.isConfigured()).isFalse();
		assertThat(channel(sender(SMTP.getPort(), PASSWORD)).isConfigured()).isTrue();
		assertThatThrownBy(() -> channel.send(FROM, TO, SUBJECT, TEXT)).isInstanceOfSatisfying(DeliveryFailed.class,
				failed -> assertThat(failed.failure()).isEqualTo(Failure.NO_MAIL_SERVER));
	}

	@Test
	void someoneWithoutAnAddressIsNotMailed() {
		MailChannel channel = channel(sender(SMTP.getPort(), PASSWORD));

		for (String none : new String[] { null, "", "  " }) {
			assertThatThrownBy(() -> channel.send(FROM, none, SUBJECT, TEXT)).isInstanceOfSatisfying(DeliveryFailed.class,
					failed -> assertThat(failed.failure()).isEqualTo(Failure.NO_ADDRESS));
		}
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@x.example\r\nBcc: c@evil.example", "a@x.example\nBcc: c@evil.example",
			"a@x.example\rBcc: c@evil.example", "a@x.example, b@y.example", "a@x.example,c@evil.example",
			"a@x.example; c@evil.example", "\"x\" <a@x.example>\r\nBcc: c@evil.example",
			"\"x\" <a@x.example>, <c@evil.example>", "not an address", "a@", "<a@x.example" })
	void anAddressThatIsNotExactlyOneIsRefusedAndNothingIsSent(String to) {
		MailChannel channel = channel(sender(SMTP.getPort(), PASSWORD));

		assertThatThrownBy(() -> channel.send(FROM, to, SUBJECT, TEXT)).isInstanceOfSatisfying(DeliveryFailed.class,
				failed -> assertThat(failed.failure()).isEqualTo(Failure.INVALID_ADDRESS));
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void aSenderAddressWithALineBreakIsRefusedToo() {
		MailChannel channel = channel(sender(SMTP.getPort(), PASSWORD));

		assertThatThrownBy(() -> channel.send(FROM + "\r\nBcc: c@evil.example", TO, SUBJECT, TEXT))
			.isInstanceOfSatisfying(DeliveryFailed.class,
					failed -> assertThat(failed.failure()).isEqualTo(Failure.INVALID_ADDRESS));
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	/** As Angus Mail and Spring wrap them: no DNS or trusted TLS server is needed to name these. */
	@Test
	void aFailedHandshakeIsTlsAndAnUnknownHostIsHostNotFoundWhereverTheyAreInTheChain() {
		assertThat(MailChannel.classify(connectionFailed(new SSLHandshakeException("PKIX path building failed"))))
			.isEqualTo(Failure.TLS);
		assertThat(MailChannel.classify(connectionFailed(new UnknownHostException("smtp.unknown.example"))))
			.isEqualTo(Failure.HOST_NOT_FOUND);
		assertThat(MailChannel.classify(new MessagingException("Could not connect",
				new IllegalStateException(new SSLHandshakeException("no cipher suites in common")))))
			.isEqualTo(Failure.TLS);
		assertThat(MailChannel.classify(new MailSendException("other", new IllegalStateException("boom"))))
			.isEqualTo(Failure.UNKNOWN);
	}

	// --- helpers ---

	private static MailChannel channel(JavaMailSender sender) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (sender != null) {
			beans.addBean("mailSender", sender);
		}
		return new MailChannel(beans.getBeanProvider(JavaMailSender.class));
	}

	private static JavaMailSenderImpl sender(int port, String password) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.setUsername(USER);
		sender.setPassword(password);
		Properties properties = sender.getJavaMailProperties();
		properties.setProperty("mail.smtp.auth", "true");
		properties.setProperty("mail.smtp.starttls.enable", "false");
		properties.setProperty("mail.smtp.connectiontimeout", "5000");
		properties.setProperty("mail.smtp.timeout", "5000");
		properties.setProperty("mail.smtp.writetimeout", "5000");
		return sender;
	}

	/** What JavaMailSenderImpl throws when it cannot connect: its own exception around Angus Mail's. */
	private static MailSendException connectionFailed(Exception cause) {
		return new MailSendException("Mail server connection failed",
				new MessagingException("Could not connect to SMTP host: smtp.example, port: 587", cause));
	}

	private static List<String> recipients(MimeMessage mail) throws MessagingException {
		return Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
