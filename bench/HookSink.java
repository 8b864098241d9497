/*
 * A webhook receiver for the benchmark: answers every POST with 204 and counts them, so that
 * Hikeshi's signed deliveries (channel HOOK) really go out over HTTP during the intake run.
 *
 *   java bench/HookSink.java PORT
 *
 * GET /count answers the number of deliveries received so far. Needs only a JDK (17+).
 */

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

public class HookSink {

	public static void main(String[] args) throws IOException {
		AtomicLong received = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", exchange -> {
			try (InputStream body = exchange.getRequestBody()) {
				body.readAllBytes();
			}
			if ("POST".equals(exchange.getRequestMethod())) {
				received.incrementAndGet();
				exchange.sendResponseHeaders(204, -1);
			}
			else {
				byte[] count = (received.get() + "\n").getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, count.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(count);
				}
			}
			exchange.close();
		});
		server.start();
		System.out.println("webhook sink on 127.0.0.1:" + args[0]);
	}

}
