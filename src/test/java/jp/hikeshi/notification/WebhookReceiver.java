package jp.hikeshi.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat service or an integrator's endpoint in the test JVM: answers each path with the status
 * it was told (200 unless told otherwise, or the next of a series of answers) and keeps every
 * request it received, by path, with its headers; a test waits for the next one with a timeout.
 */
public final class WebhookReceiver implements AutoCloseable {

	/** One request as it arrived; header names in lower case. */
	public record Request(String path, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	private final HttpServer server;

	private final Map<String, List<String>> received = new ConcurrentHashMap<>();

	private final Map<String, BlockingQueue<Request>> arrivals = new ConcurrentHashMap<>();

	private final Map<String, Integer> answers = new ConcurrentHashMap<>();

	private final Map<String, Queue<Integer>> series = new ConcurrentHashMap<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	public static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/", exchange -> {
				String path = exchange.getRequestURI().getPath();
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Map<String, String> headers = new TreeMap<>();
				exchange.getRequestHeaders()
					.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
				receiver.received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(body);
				Integer next = receiver.series.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
				exchange.sendResponseHeaders((next != null) ? next : receiver.answers.getOrDefault(path, 200), -1);
				exchange.close();
				// once answered: a test that saw the request may look for what the sender made of the answer
				receiver.queue(path).add(new Request(path, Map.copyOf(headers), body));
			});
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	public void answer(String path, int status) {
		this.answers.put(path, status);
	}

	/** Answers the next requests to this path with these statuses, in turn; then as before. */
	public void answerInTurn(String path, Integer... statuses) {
		this.series.put(path, new ConcurrentLinkedQueue<>(List.of(statuses)));
	}

	public List<String> bodies(String path) {
		return List.copyOf(this.received.getOrDefault(path, List.of()));
	}

	/** The next request to this path, waiting for it at most {@code timeout}; fails the test if none came. */
	public Request next(String path, Duration timeout) throws InterruptedException {
		Request request = queue(path).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(request).as("a request to " + path + " within " + timeout).isNotNull();
		return request;
	}

	/** The next request to this path if one arrives within {@code timeout}, else {@code null}. */
	public Request poll(String path, Duration timeout) throws InterruptedException {
		return queue(path).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private BlockingQueue<Request> queue(String path) {
		return this.arrivals.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
