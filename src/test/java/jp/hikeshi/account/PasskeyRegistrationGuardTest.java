package jp.hikeshi.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/** A passkey is added only in a session that signed in recently. */
class PasskeyRegistrationGuardTest {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	@Test
	void aPasswordOrPasskeyWithinTheHourIsRecentAndAnOlderOneIsNot() {
		assertThat(PasskeyRegistrationGuard.recentlyProven(signedIn(factor(SignInFactors.PASSWORD, 59)), NOW)).isTrue();
		assertThat(PasskeyRegistrationGuard.recentlyProven(signedIn(factor(SignInFactors.PASSKEY, 10)), NOW)).isTrue();
		assertThat(PasskeyRegistrationGuard.recentlyProven(signedIn(factor(SignInFactors.PASSWORD, 61)), NOW)).isFalse();
	}

	@Test
	void theIdentityProvidersSignInCountsAndARoleOrASecondFactorAloneDoesNot() {
		assertThat(PasskeyRegistrationGuard.recentlyProven(signedIn(new SimpleGrantedAuthority(SignInFactors.PROVIDER)),
				NOW)).isTrue();
		assertThat(PasskeyRegistrationGuard.recentlyProven(signedIn(new SimpleGrantedAuthority(Role.ADMIN.authority())),
				NOW)).isFalse();
		assertThat(PasskeyRegistrationGuard.recentlyProven(signedIn(factor(SignInFactors.TOTP, 1)), NOW)).isFalse();
	}

	private static GrantedAuthority factor(String name, long minutesAgo) {
		return FactorGrantedAuthority.withAuthority(name).issuedAt(NOW.minus(Duration.ofMinutes(minutesAgo))).build();
	}

	private static TestingAuthenticationToken signedIn(GrantedAuthority authority) {
		return new TestingAuthenticationToken("someone", null, List.of(authority));
	}

}
