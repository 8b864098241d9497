package jp.hikeshi.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an integration endpoint may be: an https address on the internet. Its host is resolved
 * and every address it resolves to is checked, when the endpoint is registered and again before
 * each delivery, so the server cannot be aimed at the company's own network or at itself (a
 * cloud's metadata address, an admin page on localhost). Java keeps a resolved name for 30
 * seconds, so the send connects to the address just checked. For development and the demo,
 * {@code hikeshi.integrations.allow-local-addresses} lets https reach private and loopback
 * addresses and plain http reach loopback ones; link-local, multicast and reserved addresses
 * stay refused whatever the setting.
 */
@Component
class EndpointAddresses {

	/** Looks up a host's addresses (the tests give one of their own). */
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/** What an address is, as far as sending to it goes. */
	enum Kind {

		PUBLIC, PRIVATE, LOOPBACK, FORBIDDEN

	}

	private final boolean allowLocal;

	private final Resolver resolver;

	@Autowired
	EndpointAddresses(@Value("${hikeshi.integrations.allow-local-addresses:false}") boolean allowLocal) {
		this(allowLocal, InetAddress::getAllByName);
	}

	EndpointAddresses(boolean allowLocal, Resolver resolver) {
		this.allowLocal = allowLocal;
		this.resolver = resolver;
	}

	/** The URL as it will be kept, or the refusal on the field {@code url}, in words a person can act on. */
	URI check(String url) {
		URI uri = parse(url);
		String host = host(uri);
		// plain http is for a receiver on this machine, in development only: no need to look further
		boolean http = "http".equalsIgnoreCase(uri.getScheme());
		if (http && !this.allowLocal) {
			throw BusinessRuleViolation.onField("url", "integration.url.notHttps");
		}
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw http ? BusinessRuleViolation.onField("url", "integration.url.notHttps")
					: BusinessRuleViolation.onField("url", "integration.url.unknownHost", host);
		}
		String refusal = refusal(uri, addresses);
		if (refusal != null) {
			throw BusinessRuleViolation.onField("url", refusal, host);
		}
		return uri;
	}

	/** Before a delivery: {@code null} when the endpoint may be sent to now, else why not. */
	Failure recheck(URI uri) {
		try {
			return (refusal(uri, this.resolver.resolve(host(uri))) == null) ? null : Failure.ENDPOINT_ADDRESS_REFUSED;
		}
		catch (UnknownHostException ex) {
			return Failure.HOST_NOT_FOUND;
		}
	}

	private static URI parse(String url) {
		if (url == null || url.isBlank()) {
			throw BusinessRuleViolation.onField("url", "integration.url.required");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw BusinessRuleViolation.onField("url", "integration.url.invalid");
		}
		String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null
				|| uri.getFragment() != null) {
			throw BusinessRuleViolation.onField("url", "integration.url.invalid");
		}
		return uri;
	}

	private static String host(URI uri) {
		String host = uri.getHost();
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** The message code of the refusal, or {@code null}. */
	private String refusal(URI uri, InetAddress[] addresses) {
		boolean http = "http".equalsIgnoreCase(uri.getScheme());
		if (addresses.length == 0 || Arrays.stream(addresses).anyMatch(a -> kindOf(a) == Kind.FORBIDDEN)) {
			return "integration.url.internal";
		}
		if (http) {
			boolean loopback = Arrays.stream(addresses).allMatch(a -> kindOf(a) == Kind.LOOPBACK);
			return (this.allowLocal && loopback) ? null : "integration.url.notHttps";
		}
		boolean local = Arrays.stream(addresses).anyMatch(a -> kindOf(a) != Kind.PUBLIC);
		return (local && !this.allowLocal) ? "integration.url.internal" : null;
	}

	static Kind kindOf(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return Kind.LOOPBACK;
		}
		if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
			return Kind.FORBIDDEN;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			Inet4Address embedded = embeddedIpv4(bytes);
			if (embedded != null) {
				return kindOf(embedded);
			}
			// fc00::/7 unique local, fec0::/10 the old site-local
			boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
			boolean siteLocal = (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0xc0;
			return (uniqueLocal || siteLocal) ? Kind.PRIVATE : Kind.PUBLIC;
		}
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		if (first == 0 || first >= 240 || (first == 192 && second == 0 && bytes[2] == 0)) {
			// "this network", reserved and broadcast, the IETF's protocol assignments
			return Kind.FORBIDDEN;
		}
		boolean rfc1918 = first == 10 || (first == 172 && (second & 0xf0) == 16) || (first == 192 && second == 168);
		boolean sharedNat = first == 100 && (second & 0xc0) == 64;
		boolean benchmarking = first == 198 && (second & 0xfe) == 18;
		return (rfc1918 || sharedNat || benchmarking) ? Kind.PRIVATE : Kind.PUBLIC;
	}

	/** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
	private static Inet4Address embeddedIpv4(byte[] v6) {
		try {
			boolean compatible = Arrays.equals(v6, 0, 12, new byte[12], 0, 12);
			boolean nat64 = v6[0] == 0 && v6[1] == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b
					&& Arrays.equals(v6, 4, 12, new byte[8], 0, 8);
			if (compatible || nat64) {
				return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(v6, 12, 16));
			}
			if (v6[0] == 0x20 && v6[1] == 0x02) {
				return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(v6, 2, 6));
			}
			return null;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
