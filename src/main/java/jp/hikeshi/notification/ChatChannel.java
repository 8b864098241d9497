package jp.hikeshi.notification;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLException;

import org.springframework.stereotype.Component;

/**
 * Posts to chat webhooks over HTTPS: short timeouts, no redirects (a webhook that moves is
 * refused rather than followed), 2xx is delivered, 429 and 5xx are tried again, other 4xx are
 * refused for good (the webhook was deleted or its URL is wrong).
 */
@Component
class ChatChannel {

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	void post(Webhooks.Target target, String json) throws DeliveryFailed {
		if (target.url() == null) {
			throw new DeliveryFailed(Failure.WEBHOOK_KEY_CHANGED, null);
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
		int status;
		try {
			status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed(Failure.TIMEOUT, ex);
		}
		catch (IOException ex) {
			throw new DeliveryFailed(classify(ex), ex);
		}
		if (status >= 200 && status < 300) {
			return;
		}
		throw new DeliveryFailed((status == 429 || status == 408 || status >= 500) ? Failure.WEBHOOK_SERVER_ERROR
				: Failure.WEBHOOK_REJECTED, null);
	}

	/** What a failed HTTP exchange means, in the words of {@link Failure}. */
	static Failure classify(IOException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException) {
				return Failure.HOST_NOT_FOUND;
			}
			if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
				return Failure.TIMEOUT;
			}
			if (cause instanceof ConnectException) {
				return Failure.CONNECTION_REFUSED;
			}
			if (cause instanceof SSLException) {
				return Failure.TLS;
			}
		}
		return Failure.UNKNOWN;
	}

}
