package jp.hikeshi.incident.web;

import java.util.EnumSet;
import java.util.Set;

import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Actor;

import org.springframework.security.core.Authentication;

/** The signed-in user as the incident module's {@link Actor}. */
final class Actors {

	private Actors() {
	}

	static Actor of(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			if (authentication.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()))) {
				roles.add(role);
			}
		}
		return new Actor(authentication.getName(), roles);
	}

}
