package jp.hikeshi.account;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;

/** Who is acting: their user name and the roles they hold. */
public record Actor(String username, Set<Role> roles) {

	public Actor {
		roles = Set.copyOf(roles);
	}

	/** The signed-in user, with the roles their authorities name. */
	public static Actor of(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			if (authentication.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()))) {
				roles.add(role);
			}
		}
		return new Actor(authentication.getName(), roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** The security lead and the executive see every incident (DOMAIN.md §1). */
	public boolean seesEverything() {
		return has(Role.SECURITY_LEAD) || has(Role.EXECUTIVE);
	}

}
