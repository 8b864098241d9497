/*
 * Report intake load: N clients, each signed in with its own session, POST the staff report form
 * (/report, with the session's CSRF token) back to back for D seconds.
 *
 *   java bench/Load.java BASE_URL USERNAME PASSWORD [CLIENTS=8] [SECONDS=60] [WARM_UP_SECONDS=0]
 *   e.g. java bench/Load.java http://localhost:18080 bench 'tall-Lighthouse-keeps-41' 8 60 10
 *
 * All clients sign in as USERNAME (any account that may report: every role may). A warm-up, if
 * asked for, runs the same load first and is not counted. Prints one line:
 *   clients 8  seconds 60.0  reports 56400  rate 940.0/s  median 7.9 ms  p99 21.3 ms  errors 0
 * A response other than the redirect to the "sent" page counts as an error (the first few are
 * printed on stderr); the exit status is 1 when any request failed. Needs only a JDK (17+).
 *
 * The reports are posted over one kept-alive socket a client, the request's bytes written and the
 * response's head read by hand: the JDK's HttpClient took about 2.5 ms of CPU a report on this
 * 2-core machine, a quarter of it, taken from the server it measured. Signing in and reading the form
 * still go through HttpClient.
 */

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Load {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern DISCOVERED_AT = Pattern.compile("name=\"discoveredAt\"[^>]*value=\"([^\"]+)\"");

	private static final AtomicInteger errorsShown = new AtomicInteger();

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: java bench/Load.java BASE_URL USERNAME PASSWORD [CLIENTS=8] [SECONDS=60] [WARM_UP_SECONDS=0]");
			System.exit(2);
		}
		String base = args[0].replaceAll("/+$", "");
		int clients = (args.length > 3) ? Integer.parseInt(args[3]) : 8;
		double seconds = (args.length > 4) ? Double.parseDouble(args[4]) : 60;
		double warmUp = (args.length > 5) ? Double.parseDouble(args[5]) : 0;

		List<Client> all = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			all.add(Client.signIn(base, args[1], args[2], i));
		}
		if (warmUp > 0) {
			run(all, warmUp);
		}
		Result result = run(all, seconds);
		long[] times = result.times;
		Arrays.sort(times);
		System.out.printf("clients %d  seconds %.1f  reports %d  rate %.1f/s  median %.1f ms  p99 %.1f ms  errors %d%n",
				clients, result.elapsed, times.length, times.length / result.elapsed, percentile(times, 0.5),
				percentile(times, 0.99), result.errors);
		System.exit((result.errors > 0) ? 1 : 0);
	}

	private record Result(long[] times, int errors, double elapsed) {
	}

	/** Every client posts back to back until the deadline; each keeps its own request times. */
	private static Result run(List<Client> clients, double seconds) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + (long) (seconds * 1e9);
		List<Thread> threads = new ArrayList<>();
		for (Client client : clients) {
			client.reset();
			Thread thread = new Thread(() -> client.postUntil(deadline));
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		int total = clients.stream().mapToInt(c -> c.count).sum();
		long[] times = new long[total];
		int at = 0;
		int errors = 0;
		for (Client client : clients) {
			System.arraycopy(client.times, 0, times, at, client.count);
			at += client.count;
			errors += client.errors;
		}
		return new Result(times, errors, elapsed);
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static final class Client {

		private final HttpClient http;

		private final CookieManager cookies = new CookieManager();

		private String cookie;

		private Socket socket;

		private OutputStream out;

		private InputStream in;

		private final String base;

		private final int number;

		private String csrf;

		private String discoveredAt;

		private long[] times = new long[1 << 14];

		private int count;

		private int errors;

		private Client(String base, int number) {
			this.base = base;
			this.number = number;
			this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.followRedirects(HttpClient.Redirect.NEVER)
				.cookieHandler(this.cookies)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
		}

		/** Signs in, then reads the report form for the session's CSRF token and a "noticed at" the server accepts. */
		static Client signIn(String base, String username, String password, int number) throws Exception {
			Client client = new Client(base, number);
			String login = client.get("/login");
			HttpResponse<String> signedIn = client.post("/login", form("_csrf", find(CSRF, login, "/login"),
					"username", username, "password", password));
			String location = signedIn.headers().firstValue("Location").orElse("");
			if (signedIn.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException("sign-in as " + username + " failed: " + signedIn.statusCode() + " " + location);
			}
			String report = client.get("/report");
			client.csrf = find(CSRF, report, "/report");
			client.discoveredAt = find(DISCOVERED_AT, report, "/report");
			client.cookie = client.cookieHeader();
			return client;
		}

		void reset() {
			this.count = 0;
			this.errors = 0;
		}

		void postUntil(long deadline) {
			int sequence = 0;
			while (System.nanoTime() < deadline) {
				long start = System.nanoTime();
				try {
					String location = postReport(form("_csrf", this.csrf, "description",
							"負荷試験の報告 " + this.number + "-" + (++sequence), "discoveredAt", this.discoveredAt,
							"stillHappening", "UNKNOWN"));
					long took = System.nanoTime() - start;
					if (location.contains("/sent")) {
						record(took);
					}
					else {
						fail("redirected to " + location);
					}
				}
				catch (Exception ex) {
					fail(ex.toString());
					close();
				}
			}
			close();
		}

		/** POSTs the form on the kept-alive socket; returns the redirect's Location, or throws. */
		private String postReport(String body) throws IOException {
			URI uri = URI.create(this.base);
			if (!"http".equals(uri.getScheme())) {
				throw new IllegalArgumentException("plain http only: " + this.base);
			}
			int port = (uri.getPort() < 0) ? 80 : uri.getPort();
			if (this.socket == null) {
				this.socket = new Socket();
				this.socket.setTcpNoDelay(true);
				this.socket.setSoTimeout(30_000);
				this.socket.connect(new InetSocketAddress(uri.getHost(), port), 10_000);
				this.out = this.socket.getOutputStream();
				this.in = new BufferedInputStream(this.socket.getInputStream(), 8192);
			}
			byte[] content = body.getBytes(StandardCharsets.US_ASCII);
			String head = "POST " + uri.getRawPath() + "/report HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port + "\r\nCookie: "
					+ this.cookie + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
					+ content.length + "\r\n\r\n";
			byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + content.length);
			System.arraycopy(content, 0, request, head.length(), content.length);
			this.out.write(request);
			this.out.flush();

			String status = line();
			String location = null;
			long length = -1;
			boolean chunked = false;
			boolean closes = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase();
				String value = header.substring(colon + 1).trim();
				switch (name) {
					case "location" -> location = value;
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
					case "connection" -> closes = value.equalsIgnoreCase("close");
					default -> {
					}
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
						size = Long.parseLong(line().split(";")[0].trim(), 16)) {
					skip(size);
					line();
				}
				line();
			}
			else if (length > 0) {
				skip(length);
			}
			if (closes) {
				close();
			}
			if (!status.startsWith("HTTP/1.1 302") || location == null) {
				throw new IOException(status);
			}
			return location;
		}

		private String cookieHeader() {
			StringBuilder header = new StringBuilder();
			for (HttpCookie cookie : this.cookies.getCookieStore().get(URI.create(this.base + "/report"))) {
				header.append((header.length() > 0) ? "; " : "").append(cookie.getName()).append('=').append(cookie.getValue());
			}
			return header.toString();
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = this.in.read(); c != '\n'; c = this.in.read()) {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		private void skip(long bytes) throws IOException {
			while (bytes > 0) {
				long skipped = this.in.skip(bytes);
				if (skipped <= 0) {
					if (this.in.read() < 0) {
						throw new IOException("connection closed");
					}
					skipped = 1;
				}
				bytes -= skipped;
			}
		}

		private void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ignored) {
					// closing a socket that failed
				}
				this.socket = null;
			}
		}

		private void record(long took) {
			if (this.count == this.times.length) {
				this.times = Arrays.copyOf(this.times, this.times.length * 2);
			}
			this.times[this.count++] = took;
		}

		private void fail(String why) {
			this.errors++;
			if (errorsShown.incrementAndGet() <= 5) {
				System.err.println("client " + this.number + ": " + why);
			}
		}

		private String get(String path) throws Exception {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode());
			}
			return response.body();
		}

		private HttpResponse<String> post(String path, String body) throws Exception {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	private static String find(Pattern pattern, String page, String where) {
		Matcher matcher = pattern.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException(where + " has no " + pattern.pattern());
		}
		return matcher.group(1);
	}

	private static String form(String... pairs) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (i > 0) {
				body.append('&');
			}
			body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

}
