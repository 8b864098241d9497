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

/** An administrator creating an account. */
public class NewAccountForm {

	@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = USERNAME_PATTERN)
	private String username;

	@NotBlank @Size(max = 100) @PlainText
	private String displayName;

	@Size(max = 100) @PlainText
	private String department;

	@Size(max = 254) @Email
	private String email;

	@NotEmpty
	private Set<Role> roles;

	@NotBlank @Size(max = 200)
	private String password;

	@NotBlank @Size(max = 200)
	private String passwordConfirmation;

	public String getUsername() {
		return this.username;
	}

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

	public String getPassword() {
		return this.password;
	}

	public String getPasswordConfirmation() {
		return this.passwordConfirmation;
	}

	public void setUsername(String username) {
		this.username = username;
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

	public void setPassword(String password) {
		this.password = password;
	}

	public void setPasswordConfirmation(String passwordConfirmation) {
		this.passwordConfirmation = passwordConfirmation;
	}

	/** Letters, digits and {@code . _ @ -}: safe in links, logs and the audit trail. */
	static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]*";

	static NewAccountForm empty() {
		NewAccountForm form = new NewAccountForm();
		form.roles = EnumSet.of(Role.REPORTER);
		return form;
	}

	boolean confirmed() {
		return this.password != null && this.password.equals(this.passwordConfirmation);
	}

	CreateAccount toCommand() {
		return new CreateAccount(this.username, new Profile(this.displayName, this.department, this.email),
				EnumSet.copyOf(this.roles), this.password);
	}

}
