package jp.hikeshi.system.web;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the layout shows the person reading a page (the report button, the bell, the menu's items by
 * role), worked out once a page: the ten {@code sec:authorize} it had each built and ran a Spring
 * Security expression, about 6 % of the incident list's CPU, on every page. The same rules: signed
 * in as {@code isAuthenticated()} means it (not anonymous), a role as {@code hasRole} checks it
 * ({@link Actor#of}: the role's authority; no role hierarchy is configured).
 */
@Component("viewer")
public class Viewer {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	public Seen of(Authentication authentication) {
		if (!TRUST.isAuthenticated(authentication)) {
			return Seen.NOBODY;
		}
		Actor actor = Actor.of(authentication);
		return new Seen(true, actor.has(Role.SECURITY_LEAD), actor.has(Role.EXECUTIVE), actor.has(Role.RESPONDER),
				actor.has(Role.ADMIN));
	}

	/** Who reads the page, as the layout needs to know it. */
	public record Seen(boolean signedIn, boolean lead, boolean executive, boolean responder, boolean admin) {

		static final Seen NOBODY = new Seen(false, false, false, false, false);

		/** Works on incidents: the list is theirs. */
		public boolean seesIncidents() {
			return this.lead || this.executive || this.responder;
		}

		/** Runs the response or decides on it: the duties, the dashboard, a drill's page. */
		public boolean leadsOrDecides() {
			return this.lead || this.executive;
		}

	}

}
