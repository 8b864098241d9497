package jp.hikeshi.account.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.shared.PlainText;

import org.springframework.validation.BindingResult;

/** An administrator creating an account. */
public record NewAccountForm(
		@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = USERNAME_PATTERN) String username,
		@NotBlank @Size(max = 100) @PlainText String displayName,
		@Size(max = 100) @PlainText String department,
		@Size(max = 254) @Email(regexp = Profile.EMAIL) String email,
		@Size(max = Profile.PHONE_LENGTH) @Pattern(regexp = Profile.PHONE) String phone,
		@NotEmpty Set<Role> roles,
		@NotBlank @Size(max = 200) String password,
		@NotBlank @Size(max = 200) String passwordConfirmation) {

	/** Letters, digits and {@code . _ @ -}: safe in links, logs and the audit trail. */
	static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]*";

	static NewAccountForm empty() {
		return new NewAccountForm(null, null, null, null, null, EnumSet.of(Role.REPORTER), null, null);
	}

	void checkConfirmation(BindingResult errors) {
		PasswordConfirmation.check(errors, this.password, this.passwordConfirmation);
	}

	CreateAccount toCommand() {
		return new CreateAccount(this.username, new Profile(this.displayName, this.department, this.email, this.phone),
				EnumSet.copyOf(this.roles), this.password);
	}

}
