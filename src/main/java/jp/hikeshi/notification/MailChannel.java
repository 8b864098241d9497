package jp.hikeshi.notification;

import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Sends plain-text mail through Spring's {@link JavaMailSender} (configured by {@code spring.mail.*};
 * absent when no host is set). Addresses are parsed strictly, one address each, so a value with a
 * line break or a second address is refused and no header can be injected.
 */
@Component
class MailChannel {

	/**
	 * Jakarta Mail looks its stream provider up on every header it encodes or decodes and on every
	 * body it writes (jakartaee/mail-api#861): a ServiceLoader scan of every jar in the application's
	 * jar, a third of the CPU of sending a mail. Named here, it is a class lookup instead.
	 */
	private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
		if (System.getProperty(STREAM_PROVIDER) == null && ClassUtils.isPresent(angus, MailChannel.class.getClassLoader())) {
			System.setProperty(STREAM_PROVIDER, angus);
		}
	}

	private final ObjectProvider<JavaMailSender> sender;

	MailChannel(ObjectProvider<JavaMailSender> sender) {
		this.sender = sender;
	}

	boolean isConfigured() {
		return sender() != null;
	}

	/** The mail sender, unless none is configured (a blank SPRING_MAIL_HOST, as the compose file passes, is none). */
	private JavaMailSender sender() {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail instanceof JavaMailSenderImpl configured && (configured.getHost() == null || configured.getHost().isBlank())) {
			return null;
		}
		return mail;
	}

	void send(String from, String to, String subject, String text) throws DeliveryFailed {
		send(from, to, subject, text, null);
	}

	/**
	 * @param messageId a fixed Message-ID ({@code <notification-12@host>}): should a mail go out
	 * twice (the server accepted it, then the application died before recording so), mail clients
	 * show it once
	 */
	void send(String from, String to, String subject, String text, String messageId) throws DeliveryFailed {
		JavaMailSender mail = sender();
		if (mail == null) {
			throw new DeliveryFailed(Failure.NO_MAIL_SERVER, null);
		}
		if (to == null || to.isBlank()) {
			throw new DeliveryFailed(Failure.NO_ADDRESS, null);
		}
		try {
			MimeMessage message = (messageId != null && mail instanceof JavaMailSenderImpl impl)
					? new FixedIdMessage(impl.getSession(), messageId) : mail.createMimeMessage();
			compose(message, from, to, subject, text);
			mail.send(message);
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new DeliveryFailed(Failure.INVALID_ADDRESS, ex);
		}
		catch (MessagingException | MailException ex) {
			throw new DeliveryFailed(classify(ex), ex);
		}
	}

	/**
	 * What Spring's MimeMessageHelper did for a plain-text mail, without it: the helper builds a MIME
	 * type map (mime.types read, a ServiceLoader scan) for every message, though it has no attachment.
	 */
	private static void compose(MimeMessage message, String from, String to, String subject, String text)
			throws MessagingException, UnsupportedEncodingException {
		message.setFrom(new InternetAddress(single(from), "火消し Hikeshi", "UTF-8"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(single(to), true));
		message.setSubject(oneLine(subject), "UTF-8");
		message.setText(text, "UTF-8");
		// RFC 3834: no auto-replies, no vacation answers back to Hikeshi
		message.setHeader("Auto-Submitted", "auto-generated");
	}

	/** A connection for a round of mails: one sign-in and one TLS handshake, however many mails. */
	Outgoing open() {
		return new Outgoing();
	}

	/**
	 * Mails sent over one connection to the server, opened at the first mail and opened again
	 * after a failure; closed at the end of the round.
	 */
	final class Outgoing implements AutoCloseable {

		private Transport transport;

		private Outgoing() {
		}

		void send(String from, String to, String subject, String text, String messageId) throws DeliveryFailed {
			if (!(sender() instanceof JavaMailSenderImpl mail)) {
				MailChannel.this.send(from, to, subject, text, messageId);
				return;
			}
			if (to == null || to.isBlank()) {
				throw new DeliveryFailed(Failure.NO_ADDRESS, null);
			}
			try {
				MimeMessage message = new FixedIdMessage(mail.getSession(), messageId);
				compose(message, from, to, subject, text);
				message.saveChanges();
				if (this.transport == null || !this.transport.isConnected()) {
					this.transport = connect(mail);
				}
				this.transport.sendMessage(message, message.getAllRecipients());
			}
			catch (AddressException | UnsupportedEncodingException ex) {
				throw new DeliveryFailed(Failure.INVALID_ADDRESS, ex);
			}
			catch (MessagingException ex) {
				close();
				throw new DeliveryFailed(classify(ex), ex);
			}
		}

		private static Transport connect(JavaMailSenderImpl mail) throws MessagingException {
			Transport transport = mail.getSession().getTransport((mail.getProtocol() == null) ? "smtp" : mail.getProtocol());
			String username = (mail.getUsername() == null || mail.getUsername().isEmpty()) ? null : mail.getUsername();
			String password = (username == null) ? null : mail.getPassword();
			transport.connect(mail.getHost(), mail.getPort(), username, password);
			return transport;
		}

		@Override
		public void close() {
			if (this.transport != null) {
				try {
					this.transport.close();
				}
				catch (MessagingException ex) {
					// the connection is gone either way
				}
				this.transport = null;
			}
		}

	}

	/** A message whose Message-ID is chosen, not generated at each save. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(jakarta.mail.Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

	/** One address, nothing else: a line break or a list is refused rather than cleaned. */
	static String single(String address) throws AddressException {
		if (address == null || address.chars().anyMatch(c -> c == '\r' || c == '\n' || c == ',' || c == ';')) {
			throw new AddressException("not a single address");
		}
		InternetAddress[] parsed = InternetAddress.parse(address.strip(), true);
		if (parsed.length != 1) {
			throw new AddressException("not a single address");
		}
		parsed[0].validate();
		return parsed[0].getAddress();
	}

	static boolean isSingleAddress(String address) {
		try {
			single(address);
			return true;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n]+", " ");
	}

	/** What an administrator reads: the cause in plain words, found anywhere in the exception's chain. */
	static Failure classify(Throwable failure) {
		if (failure instanceof MailAuthenticationException) {
			return Failure.AUTHENTICATION_FAILED;
		}
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof AuthenticationFailedException) {
				return Failure.AUTHENTICATION_FAILED;
			}
			if (cause instanceof UnknownHostException) {
				return Failure.HOST_NOT_FOUND;
			}
			if (cause instanceof ConnectException) {
				return Failure.CONNECTION_REFUSED;
			}
			if (cause instanceof SocketTimeoutException) {
				return Failure.TIMEOUT;
			}
			if (cause instanceof SSLException || (cause instanceof MessagingException
					&& cause.getMessage() != null && cause.getMessage().contains("STARTTLS"))) {
				return Failure.TLS;
			}
			if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return Failure.MAIL_REJECTED;
			}
			if (cause instanceof AddressException) {
				return Failure.INVALID_ADDRESS;
			}
		}
		return Failure.UNKNOWN;
	}

	private static Throwable next(Throwable cause) {
		if (cause instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
			return send.getFailedMessages().values().iterator().next();
		}
		if (cause instanceof MessagingException messaging && messaging.getNextException() != null) {
			return messaging.getNextException();
		}
		return (cause.getCause() == cause) ? null : cause.getCause();
	}

}
