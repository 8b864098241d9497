package jp.hikeshi.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import jp.hikeshi.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Where an integration endpoint may be: https on the internet; loopback over http and private
 * addresses only with the development setting; never link-local or reserved addresses. Names are
 * resolved by a table of the test's own, so what a name points to is checked, not just its text.
 */
class IntegrationWebhookAddressesTest {

	private static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.216.34",
			"inside.example.com", "10.1.2.3", "rebound.example.com", "127.0.0.1", "metadata.example.com",
			"169.254.169.254", "localhost", "127.0.0.1");

	private final EndpointAddresses production = new EndpointAddresses(false, IntegrationWebhookAddressesTest::resolve);

	private final EndpointAddresses development = new EndpointAddresses(true, IntegrationWebhookAddressesTest::resolve);

	@Test
	void anHttpsAddressOnTheInternetIsAccepted() {
		assertThat(this.production.check(" https://hooks.example.com/hikeshi?tenant=7 "))
			.isEqualTo(URI.create("https://hooks.example.com/hikeshi?tenant=7"));
		assertThat(this.production.check("https://93.184.216.34:8443/in")).hasPort(8443);
	}

	@Test
	void plainHttpIsRefusedEvenOnTheInternetAndWithTheDevelopmentSetting() {
		assertThat(refusal(this.production, "http://hooks.example.com/in")).isEqualTo("integration.url.notHttps");
		assertThat(refusal(this.development, "http://hooks.example.com/in")).isEqualTo("integration.url.notHttps");
		assertThat(refusal(this.development, "http://10.0.0.5/in")).isEqualTo("integration.url.notHttps");
	}

	@Test
	void privateAndLoopbackAddressesAreRefusedWhateverTheSchemeUnlessTheDevelopmentSettingAllowsThem() {
		for (String url : new String[] { "https://10.0.0.5/in", "https://172.16.0.1/in", "https://192.168.1.10/in",
				"https://100.64.0.1/in", "https://[fd00::1]/in", "https://[::ffff:10.0.0.5]/in",
				"https://localhost/in", "https://127.0.0.1/in", "https://[::1]/in",
				// a public-looking name that points inside: the name is resolved and its address checked
				"https://inside.example.com/in", "https://rebound.example.com/in" }) {
			assertThat(refusal(this.production, url)).as(url).isEqualTo("integration.url.internal");
			assertThat(this.development.check(url)).as(url).isNotNull();
		}
		assertThat(refusal(this.production, "http://127.0.0.1:8080/in")).isEqualTo("integration.url.notHttps");
		assertThat(this.development.check("http://127.0.0.1:8080/in")).hasPort(8080);
		assertThat(this.development.check("http://localhost:8080/in")).hasHost("localhost");
		assertThat(this.development.check("http://[::1]:8080/in")).hasPort(8080);
	}

	@Test
	void linkLocalReservedAndUnspecifiedAddressesAreRefusedEvenForDevelopment() {
		for (String url : new String[] { "https://169.254.169.254/latest/meta-data", "https://metadata.example.com/",
				"https://0.0.0.0/in", "https://[::]/in", "https://[fe80::1]/in", "https://255.255.255.255/in",
				"https://224.0.0.1/in", "https://[64:ff9b::a9fe:a9fe]/in", "https://[2002:a9fe:a9fe::1]/in" }) {
			assertThat(refusal(this.development, url)).as(url).isEqualTo("integration.url.internal");
		}
	}

	@Test
	void whatIsNoWebAddressIsRefusedAndAnUnknownHostIsNamed() {
		for (String url : new String[] { "hooks.example.com/in", "ftp://hooks.example.com/in",
				"https://user:secret@hooks.example.com/in", "https://hooks.example.com/in#part", "https://exa mple.com" }) {
			assertThat(refusal(this.production, url)).as(url).isEqualTo("integration.url.invalid");
		}
		assertThat(refusal(this.production, " ")).isEqualTo("integration.url.required");
		BusinessRuleViolation unknown = violation(this.production, "https://nowhere.example.com/in");
		assertThat(unknown.code()).isEqualTo("integration.url.unknownHost");
		assertThat(unknown.field()).isEqualTo("url");
		assertThat(unknown.arguments()).containsExactly("nowhere.example.com");
	}

	@Test
	void beforeEachDeliveryTheAddressIsCheckedAgain() {
		assertThat(this.production.recheck(URI.create("https://hooks.example.com/in"))).isNull();
		assertThat(this.production.recheck(URI.create("https://inside.example.com/in")))
			.isEqualTo(Failure.ENDPOINT_ADDRESS_REFUSED);
		assertThat(this.production.recheck(URI.create("https://nowhere.example.com/in"))).isEqualTo(Failure.HOST_NOT_FOUND);
	}

	private static String refusal(EndpointAddresses addresses, String url) {
		return violation(addresses, url).code();
	}

	private static BusinessRuleViolation violation(EndpointAddresses addresses, String url) {
		BusinessRuleViolation violation = catchThrowableOfType(BusinessRuleViolation.class, () -> addresses.check(url));
		assertThat(violation).as("refused: " + url).isNotNull();
		assertThat(violation.field()).isEqualTo("url");
		return violation;
	}

	/** Literal addresses as Java reads them; names from the table, any other name unknown. */
	private static InetAddress[] resolve(String host) throws UnknownHostException {
		if (host.contains(":") || host.matches("[0-9.]+")) {
			return InetAddress.getAllByName(host);
		}
		String address = DNS.get(host);
		if (address == null) {
			throw new UnknownHostException(host);
		}
		return new InetAddress[] { InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress()) };
	}

}
