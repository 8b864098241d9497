package jp.hikeshi.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The RP id and the origins come from the configured public address, never from a request. */
class RelyingPartyTest {

	@Test
	void theHostIsTheRpIdAndTheAddressWithoutItsPathTheOrigin() {
		RelyingParty party = new RelyingParty("https://hikeshi.example.co.jp/", "", "");
		assertThat(party.id()).isEqualTo("hikeshi.example.co.jp");
		assertThat(party.origins()).containsExactly("https://hikeshi.example.co.jp");

		RelyingParty local = new RelyingParty(" http://localhost:8080 ", "", "");
		assertThat(local.id()).isEqualTo("localhost");
		assertThat(local.origins()).containsExactly("http://localhost:8080");
	}

	@Test
	void aDeploymentBehindSeveralNamesSetsThemItself() {
		RelyingParty party = new RelyingParty("https://hikeshi.example.co.jp", "example.co.jp",
				"https://hikeshi.example.co.jp, https://incident.example.co.jp");
		assertThat(party.id()).isEqualTo("example.co.jp");
		assertThat(party.origins()).containsExactlyInAnyOrder("https://hikeshi.example.co.jp",
				"https://incident.example.co.jp");
	}

}
