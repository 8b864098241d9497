import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail sink for the benchmark: a tiny SMTP server on loopback that accepts every mail (no TLS,
 * no authentication, every recipient) and writes one line per message to the log file:
 *
 * <pre>epoch milliseconds when DATA was accepted &lt;TAB&gt; recipients &lt;TAB&gt; decoded Subject</pre>
 *
 * The time is taken when the terminating "." of DATA arrives, just before the 250 reply. The
 * subject's RFC 2047 encoded-words (B and Q, any charset Java knows) are decoded.
 *
 * <pre>java bench/SmtpSink.java PORT LOGFILE</pre>
 */
public class SmtpSink {

	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");

	private static PrintStream log;

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: java SmtpSink.java PORT LOGFILE");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		log = new PrintStream(new FileOutputStream(args[1], true), false, StandardCharsets.UTF_8);
		ExecutorService sessions = Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "smtp");
			thread.setDaemon(true);
			return thread;
		});
		try (ServerSocket server = new ServerSocket()) {
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
			System.out.println("SmtpSink listening on 127.0.0.1:" + port + ", logging to " + args[1]);
			System.out.flush();
			while (true) {
				Socket socket = server.accept();
				sessions.execute(() -> session(socket));
			}
		}
	}

	private static void session(Socket socket) {
		try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
				OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
			socket.setTcpNoDelay(true);
			reply(out, "220 localhost SmtpSink ESMTP");
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = readLine(in)) != null) {
				String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
				switch (verb) {
					case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
					case "HELO" -> reply(out, "250 localhost");
					case "MAIL" -> {
						recipients.clear();
						reply(out, "250 OK");
					}
					case "RCPT" -> {
						recipients.add(address(line));
						reply(out, "250 OK");
					}
					case "DATA" -> {
						reply(out, "354 End data with <CR><LF>.<CR><LF>");
						List<String> headers = readData(in);
						long acceptedAt = System.currentTimeMillis();
						record(acceptedAt, recipients, subject(headers));
						recipients.clear();
						reply(out, "250 OK accepted");
					}
					case "RSET" -> {
						recipients.clear();
						reply(out, "250 OK");
					}
					case "NOOP" -> reply(out, "250 OK");
					case "QUIT" -> {
						reply(out, "221 Bye");
						return;
					}
					default -> reply(out, "502 Command not implemented");
				}
			}
		}
		catch (IOException ex) {
			// the client went away; nothing to keep
		}
	}

	private static synchronized void record(long at, List<String> recipients, String subject) {
		log.println(at + "\t" + String.join(",", recipients) + "\t" + subject);
		log.flush();
	}

	/** The message up to the lone ".": its header lines, unfolded (the body is read and dropped). */
	private static List<String> readData(InputStream in) throws IOException {
		List<String> headers = new ArrayList<>();
		boolean inHeaders = true;
		String line;
		while ((line = readLine(in)) != null) {
			if (line.equals(".")) {
				break;
			}
			if (!inHeaders) {
				continue;
			}
			if (line.startsWith(".")) {
				line = line.substring(1);
			}
			if (line.isEmpty()) {
				inHeaders = false;
			}
			else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
				headers.set(headers.size() - 1, headers.get(headers.size() - 1) + line);
			}
			else {
				headers.add(line);
			}
		}
		return headers;
	}

	private static String subject(List<String> headers) {
		for (String header : headers) {
			if (header.regionMatches(true, 0, "Subject:", 0, 8)) {
				return decode(header.substring(8).strip());
			}
		}
		return "";
	}

	/** RFC 2047: encoded-words decoded; white space between two adjacent encoded-words dropped. */
	static String decode(String raw) {
		StringBuilder text = new StringBuilder();
		Matcher word = ENCODED_WORD.matcher(raw);
		int last = 0;
		boolean previousWasEncoded = false;
		while (word.find()) {
			String between = raw.substring(last, word.start());
			if (!(previousWasEncoded && between.isBlank())) {
				text.append(latin1ToUtf8(between));
			}
			text.append(decodeWord(word.group(1), word.group(2), word.group(3)));
			last = word.end();
			previousWasEncoded = true;
		}
		text.append(latin1ToUtf8(raw.substring(last)));
		return text.toString();
	}

	private static String decodeWord(String charsetName, String encoding, String encoded) {
		Charset charset = Charset.forName(charsetName.replaceAll("\\*.*$", ""));
		byte[] bytes;
		if (encoding.equalsIgnoreCase("B")) {
			bytes = Base64.getMimeDecoder().decode(encoded);
		}
		else {
			ByteArrayOutputStream decoded = new ByteArrayOutputStream();
			for (int i = 0; i < encoded.length(); i++) {
				char c = encoded.charAt(i);
				if (c == '_') {
					decoded.write(' ');
				}
				else if (c == '=' && i + 2 < encoded.length()) {
					decoded.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
					i += 2;
				}
				else {
					decoded.write(c);
				}
			}
			bytes = decoded.toByteArray();
		}
		return new String(bytes, charset);
	}

	/** Lines are read as ISO-8859-1 so that raw 8-bit (UTF-8) headers survive; turn them back. */
	private static String latin1ToUtf8(String text) {
		return new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	private static String address(String command) {
		int open = command.indexOf('<');
		int close = command.indexOf('>', open + 1);
		return (open >= 0 && close > open) ? command.substring(open + 1, close) : command.substring(command.indexOf(':') + 1).strip();
	}

	/** One line without its CRLF (or bare LF), as ISO-8859-1; null at the end of the stream. */
	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return (line.size() == 0) ? null : line.toString(StandardCharsets.ISO_8859_1);
	}

	private static void reply(OutputStream out, String text) throws IOException {
		out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
