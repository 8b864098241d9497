package jp.hikeshi.account.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.shared.PlainText;

/** An administrator editing an account; the user name cannot change. */
public record AccountChangesForm(
		@NotBlank @Size(max = 100) @PlainText String displayName,
		@Size(max = 100) @PlainText String department,
		@Size(max = 254) @Email(regexp = Profile.EMAIL) String email,
		@Size(max = Profile.PHONE_LENGTH) @Pattern(regexp = Profile.PHONE) String phone,
		@NotEmpty Set<Role> roles,
		@NotNull Long version) {

	static AccountChangesForm of(UserAccount account) {
		return new AccountChangesForm(account.getDisplayName(), account.getDepartment(), account.getEmail(),
				account.getPhone(), EnumSet.copyOf(account.getRoles()), account.getVersion());
	}

	UpdateAccount toCommand(long id) {
		return new UpdateAccount(id, this.version, new Profile(this.displayName, this.department, this.email, this.phone),
				EnumSet.copyOf(this.roles));
	}

}
