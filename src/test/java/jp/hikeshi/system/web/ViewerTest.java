package jp.hikeshi.system.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The layout's view of its reader follows the rules of the sec:authorize it replaced. */
class ViewerTest {

	private final Viewer viewer = new Viewer();

	@Test
	void nobodyAndTheAnonymousAreNotSignedIn() {
		assertThat(this.viewer.of(null).signedIn()).isFalse();
		Viewer.Seen anonymous = this.viewer.of(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "ROLE_ADMIN")));
		assertThat(anonymous).isEqualTo(new Viewer.Seen(false, false, false, false, false));
		// a token that has not been authenticated (a sign-in in progress) neither
		assertThat(this.viewer.of(UsernamePasswordAuthenticationToken.unauthenticated("lead", "secret")).signedIn())
			.isFalse();
	}

	@Test
	void eachRoleIsSeenByItsAuthority() {
		Viewer.Seen staff = signedIn("ROLE_REPORTER");
		assertThat(staff).isEqualTo(new Viewer.Seen(true, false, false, false, false));
		assertThat(staff.seesIncidents()).isFalse();

		Viewer.Seen responder = signedIn("ROLE_REPORTER", "ROLE_RESPONDER");
		assertThat(responder.responder()).isTrue();
		assertThat(responder.seesIncidents()).isTrue();
		assertThat(responder.leadsOrDecides()).isFalse();

		Viewer.Seen executive = signedIn("ROLE_EXECUTIVE");
		assertThat(executive.leadsOrDecides()).isTrue();
		assertThat(executive.lead()).isFalse();

		Viewer.Seen everything = signedIn("ROLE_SECURITY_LEAD", "ROLE_EXECUTIVE", "ROLE_RESPONDER", "ROLE_ADMIN");
		assertThat(everything).isEqualTo(new Viewer.Seen(true, true, true, true, true));
		// a role named without its prefix is not the role, as hasRole reads it
		assertThat(signedIn("ADMIN").admin()).isFalse();
	}

	private Viewer.Seen signedIn(String... authorities) {
		return this.viewer.of(UsernamePasswordAuthenticationToken.authenticated("someone", null,
				List.copyOf(AuthorityUtils.createAuthorityList(authorities))));
	}

}
