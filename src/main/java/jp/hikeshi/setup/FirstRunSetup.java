package jp.hikeshi.setup;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.SecondFactorPolicy;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.organisation.OrganisationService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first start of an empty installation: register the company and its first administrator
 * in one transaction. Once done it is done for good; the answer is cached because every
 * request asks.
 */
@Service
public class FirstRunSetup {

	private final OrganisationService organisations;

	private final AccountService accounts;

	private final SecondFactorPolicy secondFactors;

	private final AtomicBoolean completed = new AtomicBoolean();

	FirstRunSetup(OrganisationService organisations, AccountService accounts, SecondFactorPolicy secondFactors) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.secondFactors = secondFactors;
	}

	public boolean isCompleted() {
		if (this.completed.get()) {
			return true;
		}
		boolean done = this.organisations.current().isPresent();
		if (done) {
			this.completed.set(true);
		}
		return done;
	}

	/**
	 * @param additionalRoles roles the administrator also holds (in a small company the
	 * administrator is often the security lead or an executive too)
	 * @param requireSecondFactor whether the security lead, executives and administrators must
	 * pass a second factor after their password (offered ticked)
	 */
	@Transactional
	public void complete(Settings company, String username, Profile administrator, Set<Role> additionalRoles,
			String password, boolean requireSecondFactor) {
		this.organisations.register(company, username);
		Set<Role> roles = EnumSet.of(Role.ADMIN, Role.REPORTER);
		roles.addAll(additionalRoles);
		this.accounts.create(new CreateAccount(username, administrator, roles, password), username);
		if (requireSecondFactor) {
			this.secondFactors.change(SecondFactorPolicy.FIRST_RUN_CHOICE, username);
		}
	}

}
