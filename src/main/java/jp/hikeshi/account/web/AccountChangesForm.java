package jp.hikeshi.account.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.shared.PlainText;

/** An administrator editing an account; the user name cannot change. */
public class AccountChangesForm {

	@NotBlank @Size(max = 100) @PlainText
	private String displayName;

	@Size(max = 100) @PlainText
	private String department;

	@Size(max = 254) @Email
	private String email;

	@NotEmpty
	private Set<Role> roles;

	@NotNull
	private Long version;

	public String getDisplayName() {
		return this.displayName;
	}

	public String getDepartment() {
		return this.department;
	}

	public String getEmail() {
		return this.email;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public void setDepartment(String department) {
		this.department = department;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	static AccountChangesForm of(UserAccount account) {
		AccountChangesForm form = new AccountChangesForm();
		form.displayName = account.getDisplayName();
		form.department = account.getDepartment();
		form.email = account.getEmail();
		form.roles = EnumSet.copyOf(account.getRoles());
		form.version = account.getVersion();
		return form;
	}

	UpdateAccount toCommand(long id) {
		return new UpdateAccount(id, this.version, new Profile(this.displayName, this.department, this.email),
				EnumSet.copyOf(this.roles));
	}

}
