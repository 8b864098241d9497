package jp.hikeshi.account;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles whose holders must pass a second factor (a passkey or an authenticator app) after
 * their password. Off on installations that existed before it; a new installation's first
 * administrator chooses ({@link #FIRST_RUN_CHOICE}).
 */
@Service
@Transactional
public class SecondFactorPolicy {

	/** What the first-run page offers to require, ticked. */
	public static final Set<Role> FIRST_RUN_CHOICE = Set.copyOf(EnumSet.of(Role.SECURITY_LEAD, Role.EXECUTIVE, Role.ADMIN));

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	SecondFactorPolicy(JdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Set<Role> requiredRoles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		this.jdbc.queryForList("select role from second_factor_role", String.class).forEach(role -> roles.add(Role.valueOf(role)));
		return roles;
	}

	@Transactional(readOnly = true)
	public boolean requiresAny(Collection<Role> roles) {
		return requiredRoles().stream().anyMatch(roles::contains);
	}

	/** The administrator's choice; takes effect at each person's next sign-in. */
	public void change(Set<Role> roles, String actor) {
		Set<Role> before = requiredRoles();
		if (before.equals(roles)) {
			return;
		}
		this.jdbc.update("delete from second_factor_role");
		roles.forEach(role -> this.jdbc.update("insert into second_factor_role (role) values (?)", role.name()));
		this.audit.record(actor, AuditAction.SECOND_FACTOR_REQUIREMENT_CHANGED, "",
				roles.stream().sorted().map(Role::name).collect(Collectors.joining(",")));
	}

}
