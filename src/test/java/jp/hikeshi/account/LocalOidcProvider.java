package jp.hikeshi.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID provider in the test JVM, on 127.0.0.1 and an ephemeral port, for both Entra's and
 * Google's addresses: it answers the token request with an ID token signed by a key generated here
 * (claims chosen by the test for each code) and serves that key. The authorization step itself
 * (the person at the provider's page) is played by the test, which reads the state and nonce off
 * the redirect Hikeshi sent and comes back with a code.
 */
final class LocalOidcProvider {

	private final HttpServer server;

	private final RSAKey key;

	private final Map<String, Map<String, Object>> claimsByCode = new ConcurrentHashMap<>();

	private LocalOidcProvider() throws Exception {
		this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	static LocalOidcProvider start() {
		try {
			return new LocalOidcProvider();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	void stop() {
		this.server.stop(0);
	}

	String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String entraAuthority() {
		return base() + "/entra";
	}

	String googleAuthority() {
		return base() + "/google";
	}

	/** A code the token request will exchange for an ID token with these claims (iat and exp are added). */
	String issue(Map<String, Object> claims) {
		String code = UUID.randomUUID().toString();
		this.claimsByCode.put(code, claims);
		return code;
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.endsWith("/keys") || path.endsWith("/certs")) {
				send(exchange, new JWKSet(this.key.toPublicJWK()).toString());
			}
			else if (path.endsWith("/token") && "POST".equals(exchange.getRequestMethod())) {
				String code = formValue(exchange.getRequestBody(), "code");
				Map<String, Object> claims = (code == null) ? null : this.claimsByCode.remove(code);
				if (claims == null) {
					exchange.sendResponseHeaders(400, -1);
					return;
				}
				send(exchange, "{\"access_token\":\"at-" + code + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
						+ "\"scope\":\"openid profile email\",\"id_token\":\"" + idToken(claims) + "\"}");
			}
			else {
				exchange.sendResponseHeaders(404, -1);
			}
		}
		catch (Exception ex) {
			exchange.sendResponseHeaders(500, -1);
		}
	}

	private String idToken(Map<String, Object> claims) throws Exception {
		JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issueTime(Date.from(Instant.now()))
			.expirationTime(Date.from(Instant.now().plusSeconds(300)));
		claims.forEach(set::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
				set.build());
		jwt.sign(new RSASSASigner(this.key));
		return jwt.serialize();
	}

	private static String formValue(InputStream body, String name) throws IOException {
		String form = new String(body.readAllBytes(), StandardCharsets.UTF_8);
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && pair.substring(0, equals).equals(name)) {
				return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static void send(HttpExchange exchange, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static List<String> list(String... values) {
		return List.of(values);
	}

}
