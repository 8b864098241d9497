package jp.hikeshi.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts an integration event to its endpoint, signed the Standard Webhooks way
 * (https://www.standardwebhooks.com): {@code webhook-id} (the event's id, the same on every
 * try), {@code webhook-timestamp} (the send time, in Unix seconds) and {@code webhook-signature:
 * v1,<Base64 of HMAC-SHA256 over "id.timestamp.body">}, keyed with the Base64-decoded part of the
 * secret after {@code whsec_}. Short timeouts, no redirects followed; a 2xx answer is delivered,
 * anything else is tried again by the {@link Dispatcher}.
 */
@Component
class HookChannel {

	static final String SECRET_PREFIX = "whsec_";

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final EndpointAddresses addresses;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	HookChannel(JdbcClient jdbc, SecretBox secrets, EndpointAddresses addresses, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.addresses = addresses;
		this.clock = clock;
	}

	/**
	 * Sends the event to the endpoint.
	 * @return the status of the endpoint's 2xx answer
	 */
	int deliver(long endpointId, String payload) throws DeliveryFailed {
		Target target = this.jdbc.sql("select url, secret_encrypted, enabled from integration_endpoint where id = ?")
			.param(endpointId)
			.query((rs, n) -> new Target(rs.getString("url"), this.secrets.open(rs.getBytes("secret_encrypted")),
					rs.getBoolean("enabled")))
			.optional()
			.orElseThrow(() -> new DeliveryFailed(Failure.ENDPOINT_DISABLED, null));
		if (!target.enabled()) {
			throw new DeliveryFailed(Failure.ENDPOINT_DISABLED, null);
		}
		if (target.secret() == null) {
			throw new DeliveryFailed(Failure.ENDPOINT_KEY_CHANGED, null);
		}
		URI uri = URI.create(target.url());
		Failure refused = this.addresses.recheck(uri);
		if (refused != null) {
			throw new DeliveryFailed(refused, null);
		}
		String id = Notifier.JSON.readTree(payload).path("id").asString();
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("User-Agent", "Hikeshi-Webhooks/1")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signature(target.secret(), id, timestamp, payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
			.build();
		int status;
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			// the answer's body is not read: a slow or endless one cannot hold the sender
			response.body().close();
			status = response.statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed(Failure.TIMEOUT, ex);
		}
		catch (IOException ex) {
			throw new DeliveryFailed(ChatChannel.classify(ex), ex);
		}
		if (status >= 200 && status < 300) {
			return status;
		}
		throw new DeliveryFailed(Failure.ENDPOINT_STATUS, status, null);
	}

	/** {@code v1,<Base64 HMAC-SHA256>} of {@code id.timestamp.body} under the {@code whsec_} secret. */
	static String signature(String secret, String id, long timestamp, String body) {
		byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private record Target(String url, String secret, boolean enabled) {
	}

}
