package jp.hikeshi.account;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Who Hikeshi is to a passkey: the relying party's id (the host people reach it at) and the
 * origins a browser may sign in from. Both come from {@code hikeshi.public-base-url}, never from a
 * request's Host header, which the sender chooses; a deployment behind several names sets
 * {@code hikeshi.passkeys.rp-id} and {@code hikeshi.passkeys.origins} itself.
 */
@Component
public class RelyingParty {

	static final String NAME = "Hikeshi";

	private final String id;

	/** Read at every verification; a test server on a random port adds its own origin. */
	private final Set<String> origins = new CopyOnWriteArraySet<>();

	RelyingParty(@Value("${hikeshi.public-base-url:http://localhost:8080}") String baseUrl,
			@Value("${hikeshi.passkeys.rp-id:}") String rpId, @Value("${hikeshi.passkeys.origins:}") String origins) {
		URI base = URI.create(baseUrl.strip());
		this.id = StringUtils.hasText(rpId) ? rpId.strip() : base.getHost();
		if (StringUtils.hasText(origins)) {
			Arrays.stream(origins.split(",")).map(String::strip).filter(StringUtils::hasText).forEach(this.origins::add);
		}
		else {
			this.origins.add(origin(base));
		}
	}

	public String id() {
		return this.id;
	}

	public Set<String> origins() {
		return this.origins;
	}

	/** scheme://host[:port], as a browser writes an origin into clientDataJSON. */
	static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() == -1) ? "" : ":" + uri.getPort());
	}

}
