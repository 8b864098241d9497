package jp.hikeshi.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A user choosing their own new password. */
public class PasswordForm {

	@NotBlank @Size(max = 200)
	private String currentPassword;

	@NotBlank @Size(max = 200)
	private String password;

	@NotBlank @Size(max = 200)
	private String passwordConfirmation;

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public String getPassword() {
		return this.password;
	}

	public String getPasswordConfirmation() {
		return this.passwordConfirmation;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public void setPasswordConfirmation(String passwordConfirmation) {
		this.passwordConfirmation = passwordConfirmation;
	}

	static PasswordForm empty() {
		return new PasswordForm();
	}

	boolean confirmed() {
		return this.password != null && this.password.equals(this.passwordConfirmation);
	}

}
