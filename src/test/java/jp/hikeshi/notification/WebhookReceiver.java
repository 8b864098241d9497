package jp.hikeshi.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A chat service in the test JVM: answers each path with the status it was told (200 unless
 * told otherwise) and keeps every body it received, by path.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, List<String>> received = new ConcurrentHashMap<>();

	private final Map<String, Integer> answers = new ConcurrentHashMap<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/", exchange -> {
				String path = exchange.getRequestURI().getPath();
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				receiver.received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(body);
				exchange.sendResponseHeaders(receiver.answers.getOrDefault(path, 200), -1);
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

	void answer(String path, int status) {
		this.answers.put(path, status);
	}

	List<String> bodies(String path) {
		return List.copyOf(this.received.getOrDefault(path, List.of()));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
