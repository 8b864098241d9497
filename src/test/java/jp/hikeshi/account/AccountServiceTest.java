package jp.hikeshi.account;

import java.util.EnumSet;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AccountServiceTest {

	@Autowired
	AccountService accounts;

	@Autowired
	TestUsers users;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void storesAnAdaptiveHashNeverThePassword() {
		UserAccount account = this.users.create(Role.REPORTER);
		String hash = this.jdbc.queryForObject("select password_hash from user_account where id = ?", String.class,
				account.getId());
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(CompletedSetup.PASSWORD);
		assertThat(this.passwordEncoder.matches(CompletedSetup.PASSWORD, hash)).isTrue();
	}

	@Test
	void userNamesAreUniqueWhateverTheirCase() {
		UserAccount account = this.users.create(Role.REPORTER);
		CreateAccount again = new CreateAccount(account.getUsername().toUpperCase(), new Profile("別人", null, null, null),
				EnumSet.of(Role.REPORTER), CompletedSetup.PASSWORD);
		assertThatThrownBy(() -> this.accounts.create(again, "test")).isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("username.taken");
	}

	@Test
	void anAddressThatWouldAddAMailHeaderOrASecondAddressIsRefusedEvenWithoutTheForm() {
		long before = count();
		for (String address : new String[] { "a@example.com\r\nBcc: x@evil.example", "a@example.com\nBcc: x@evil.example",
				"a@example.com, b@example.com", "\"a\r\nBcc: x\"@example.com", "山田 <a@example.com>" }) {
			CreateAccount created = new CreateAccount("header-injection", new Profile("宛先", null, address, null),
					EnumSet.of(Role.REPORTER), CompletedSetup.PASSWORD);
			assertThatThrownBy(() -> this.accounts.create(created, "test")).as(address)
				.isInstanceOfSatisfying(BusinessRuleViolation.class, violation -> {
					assertThat(violation.field()).isEqualTo("email");
					assertThat(violation.code()).isEqualTo("Email");
				});
		}
		assertThat(count()).isEqualTo(before);

		UserAccount account = this.users.create(Role.SECURITY_LEAD);
		UpdateAccount injected = new UpdateAccount(account.getId(), account.getVersion(),
				new Profile(account.getDisplayName(), null, "lead@example.com\r\nBcc: x@evil.example", "03-1234-5678"),
				account.getRoles());
		assertThatThrownBy(() -> this.accounts.update(injected, "test")).hasMessage("Email");
		UpdateAccount lettered = new UpdateAccount(account.getId(), account.getVersion(),
				new Profile(account.getDisplayName(), null, "lead@example.com", "03-1234-5678\nBcc"), account.getRoles());
		assertThatThrownBy(() -> this.accounts.update(lettered, "test")).isInstanceOfSatisfying(BusinessRuleViolation.class,
				violation -> assertThat(violation.field()).isEqualTo("phone"));
		UserAccount now = this.accounts.findById(account.getId()).orElseThrow();
		assertThat(now.getEmail()).isNull();
		assertThat(now.getPhone()).isNull();
	}

	@Test
	void aPlainAddressAndAPhoneNumberAreKept() {
		UserAccount account = this.users.create(Role.SECURITY_LEAD);
		this.accounts.update(new UpdateAccount(account.getId(), account.getVersion(),
				new Profile(account.getDisplayName(), "情報システム部", "sato.ken+lead@example.co.jp", "０３－１２３４－５６７８"),
				account.getRoles()), "test");
		UserAccount now = this.accounts.findById(account.getId()).orElseThrow();
		assertThat(now.getEmail()).isEqualTo("sato.ken+lead@example.co.jp");
		assertThat(now.getPhone()).isEqualTo("０３－１２３４－５６７８");
	}

	@Test
	void aPolicyViolationSavesNothing() {
		long before = count();
		CreateAccount weak = new CreateAccount("weak-password-user", new Profile("弱い", null, null, null),
				EnumSet.of(Role.REPORTER), "password1234");
		assertThatThrownBy(() -> this.accounts.create(weak, "test")).hasMessage("password.common");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theLastAdministratorCannotBeDisabledNorLoseTheRole() {
		// Every other administrator is disabled first, so that this one is the last.
		this.accounts.all()
			.stream()
			.filter(UserAccount::isActiveAdministrator)
			.filter(account -> !account.getUsername().equals(CompletedSetup.ADMIN))
			.forEach(account -> this.accounts.disable(account.getId(), account.getVersion(), CompletedSetup.ADMIN));
		UserAccount last = this.accounts.findByUsername(CompletedSetup.ADMIN).orElseThrow();

		UpdateAccount demote = new UpdateAccount(last.getId(), last.getVersion(), new Profile("管理者", null, null, null),
				EnumSet.of(Role.REPORTER));
		assertThatThrownBy(() -> this.accounts.update(demote, "someone")).hasMessage("account.lastAdministrator");
		assertThatThrownBy(() -> this.accounts.disable(last.getId(), last.getVersion(), "someone"))
			.hasMessage("account.lastAdministrator");
		UserAccount after = this.accounts.findById(last.getId()).orElseThrow();
		assertThat(after.isActiveAdministrator()).isTrue();
		assertThat(after.getVersion()).isEqualTo(last.getVersion());
	}

	@Test
	void nobodyDisablesThemselves() {
		UserAccount admin = this.users.create(Role.ADMIN);
		assertThatThrownBy(() -> this.accounts.disable(admin.getId(), admin.getVersion(), admin.getUsername()))
			.hasMessage("account.cannotDisableSelf");
	}

	@Test
	void aStaleVersionIsAConflictAndChangesNothing() {
		UserAccount account = this.users.create(Role.REPORTER);
		this.accounts.update(new UpdateAccount(account.getId(), account.getVersion(), new Profile("新しい名前", null, null, null),
				EnumSet.of(Role.REPORTER)), "test");
		UpdateAccount stale = new UpdateAccount(account.getId(), account.getVersion(), new Profile("古い画面から", null, null, null),
				EnumSet.of(Role.REPORTER, Role.EXECUTIVE));
		assertThatThrownBy(() -> this.accounts.update(stale, "test"))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		UserAccount now = this.accounts.findById(account.getId()).orElseThrow();
		assertThat(now.getDisplayName()).isEqualTo("新しい名前");
		assertThat(now.getRoles()).containsExactly(Role.REPORTER);
	}

	@Test
	void aResetPasswordMustBeChangedAndTheOldOneStopsWorking() {
		UserAccount account = this.users.create(Role.RESPONDER);
		this.accounts.resetPassword(account.getId(), "temporary-Harbour-77", "admin");
		assertThat(this.accounts.findById(account.getId()).orElseThrow().isPasswordChangeRequired()).isTrue();

		assertThatThrownBy(() -> this.accounts.changeOwnPassword(account.getUsername(), CompletedSetup.PASSWORD,
				"another-Harbour-88")).hasMessage("password.currentWrong");
		this.accounts.changeOwnPassword(account.getUsername(), "temporary-Harbour-77", "another-Harbour-88");
		assertThat(this.accounts.findById(account.getId()).orElseThrow().isPasswordChangeRequired()).isFalse();
	}

	@Test
	void everyChangeIsInTheAuditTrail() {
		UserAccount account = this.users.create(Role.REPORTER);
		this.accounts.disable(account.getId(), account.getVersion(), "auditor-test");
		assertThat(this.jdbc.queryForList("select action from audit_event where subject = ? order by id",
				String.class, account.getUsername()))
			.containsExactly("ACCOUNT_CREATED", "ACCOUNT_DISABLED");
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from user_account", Long.class);
	}

}
