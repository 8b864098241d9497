package jp.hikeshi.incident;

import java.util.Set;

import jp.hikeshi.account.Role;

/** Who is acting: their user name and the roles they hold. */
public record Actor(String username, Set<Role> roles) {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** The security lead and the executive see every incident (DOMAIN.md §1). */
	public boolean seesEverything() {
		return has(Role.SECURITY_LEAD) || has(Role.EXECUTIVE);
	}

}
