package jp.hikeshi.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything done to accounts. Guards the rules that keep the installation manageable: names
 * are unique regardless of case, passwords follow the {@link PasswordPolicy}, and there is
 * always at least one enabled administrator.
 */
@Service
@Transactional
public class AccountService {

	private final UserAccountRepository accounts;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LoginThrottle throttle;

	private final SignInProviders signIn;

	AccountService(UserAccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock, LoginThrottle throttle,
			SignInProviders signIn) {
		this.throttle = throttle;
		this.signIn = signIn;
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	public UserAccount create(CreateAccount command, String actor) {
		if (this.accounts.existsByUsername(command.username())) {
			throw BusinessRuleViolation.onField("username", "username.taken");
		}
		if (command.roles().isEmpty()) {
			throw BusinessRuleViolation.onField("roles", "roles.required");
		}
		this.passwordPolicy.check(command.password(), command.username());
		checkReach(command.profile());
		UserAccount account = new UserAccount(command.username(), command.profile(), command.roles(),
				this.passwordEncoder.encode(command.password()), this.clock.instant());
		account = this.accounts.save(account);
		this.auditLog.record(actor, AuditAction.ACCOUNT_CREATED, account.getUsername(), describe(command.roles()));
		return account;
	}

	public UserAccount update(UpdateAccount command, String actor) {
		UserAccount account = find(command.id());
		checkVersion(account, command.version());
		if (command.roles().isEmpty()) {
			throw BusinessRuleViolation.onField("roles", "roles.required");
		}
		checkReach(command.profile());
		boolean rolesChanged = !account.getRoles().equals(command.roles());
		if (account.isActiveAdministrator() && !command.roles().contains(Role.ADMIN)) {
			requireAnotherAdministrator();
			this.signIn.requireAnotherBreakGlass(account);
		}
		account.apply(command.profile(), command.roles(), this.clock.instant());
		this.auditLog.record(actor, AuditAction.ACCOUNT_UPDATED, account.getUsername(), describe(command.roles()));
		if (rolesChanged) {
			// The new roles apply from the next sign-in; open sessions end now.
			this.events.publishEvent(new AccountSignedOut(account.getUsername()));
		}
		return account;
	}

	public void disable(long id, long version, String actor) {
		UserAccount account = find(id);
		checkVersion(account, version);
		if (account.getUsername().equalsIgnoreCase(actor)) {
			throw new BusinessRuleViolation("account.cannotDisableSelf");
		}
		if (!account.isEnabled()) {
			return;
		}
		if (account.isActiveAdministrator()) {
			requireAnotherAdministrator();
			this.signIn.requireAnotherBreakGlass(account);
		}
		account.disable(this.clock.instant());
		this.auditLog.record(actor, AuditAction.ACCOUNT_DISABLED, account.getUsername(), null);
		this.events.publishEvent(new AccountSignedOut(account.getUsername()));
	}

	public void enable(long id, long version, String actor) {
		UserAccount account = find(id);
		checkVersion(account, version);
		if (account.isEnabled()) {
			return;
		}
		account.enable(this.clock.instant());
		this.auditLog.record(actor, AuditAction.ACCOUNT_ENABLED, account.getUsername(), null);
	}

	/** An administrator sets a temporary password; its holder must choose a new one at next sign-in. */
	public void resetPassword(long id, String temporaryPassword, String actor) {
		UserAccount account = find(id);
		this.passwordPolicy.check(temporaryPassword, account.getUsername());
		account.changePassword(this.passwordEncoder.encode(temporaryPassword), true, this.clock.instant());
		this.auditLog.record(actor, AuditAction.PASSWORD_RESET, account.getUsername(), null);
		this.events.publishEvent(new AccountSignedOut(account.getUsername()));
	}

	/** The demo profile's fresh password at each start; no change is forced on the demo users. */
	public void resetPasswordForDemo(long id, String password) {
		UserAccount account = find(id);
		account.changePassword(this.passwordEncoder.encode(password), false, this.clock.instant());
	}

	/**
	 * The demo profile's sample name, address and number, brought up to date at each start on a
	 * demo database seeded by an earlier version; roles stay as they are.
	 */
	public void resetProfileForDemo(long id, Profile profile) {
		UserAccount account = find(id);
		checkReach(profile);
		account.apply(profile, account.getRoles(), this.clock.instant());
	}

	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		UserAccount account = this.accounts.findByUsername(username)
			.orElseThrow(() -> new BusinessRuleViolation("account.notFound"));
		// counted before the comparison, in a transaction of its own that the refusal cannot roll back
		if (!this.throttle.reservePasswordChange(username)) {
			throw BusinessRuleViolation.onField("currentPassword", "password.changeThrottled");
		}
		if (!this.passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			throw BusinessRuleViolation.onField("currentPassword", "password.currentWrong");
		}
		this.throttle.passwordChangeProven(username);
		if (this.passwordEncoder.matches(newPassword, account.getPasswordHash())) {
			throw BusinessRuleViolation.onField("password", "password.unchanged");
		}
		this.passwordPolicy.check(newPassword, username);
		account.changePassword(this.passwordEncoder.encode(newPassword), false, this.clock.instant());
		this.auditLog.record(username, AuditAction.PASSWORD_CHANGED, username, null);
	}

	/**
	 * After someone changed their own password: their other sessions end on every node (whoever
	 * held the old password may hold one of them); the session that changed it stays open.
	 */
	public void endOtherSessions(String username, String currentSession) {
		this.events.publishEvent(new AccountSignedOut(username, currentSession));
	}

	@Transactional(readOnly = true)
	public List<UserAccount> all() {
		return this.accounts.findAllByOrderByUsernameAsc();
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> findById(long id) {
		return this.accounts.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> findByUsername(String username) {
		return this.accounts.findByUsername(username);
	}

	@Transactional(readOnly = true)
	public boolean anyAdministratorExists() {
		return this.accounts.countActiveAdministrators() > 0;
	}

	private UserAccount find(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
	}

	private static void checkVersion(UserAccount account, long version) {
		if (account.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(UserAccount.class, account.getId());
		}
	}

	private void requireAnotherAdministrator() {
		if (this.accounts.countActiveAdministrators() <= 1) {
			throw new BusinessRuleViolation("account.lastAdministrator");
		}
	}

	/**
	 * The address and the number are checked here too, not only on the forms: notices are sent
	 * to them, and a line break in an address would be a second mail header.
	 */
	private static void checkReach(Profile profile) {
		if (profile.email() != null && !Profile.EMAIL_PATTERN.matcher(profile.email()).matches()) {
			throw BusinessRuleViolation.onField("email", "Email");
		}
		if (profile.phone() != null && (profile.phone().length() > Profile.PHONE_LENGTH
				|| !Profile.PHONE_PATTERN.matcher(profile.phone()).matches())) {
			throw BusinessRuleViolation.onField("phone", "Pattern");
		}
	}

	private static String describe(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}

}
