package jp.hikeshi.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An administrator setting a temporary password, to be changed at the holder's next sign-in. */
public class ResetPasswordForm {

	@NotBlank @Size(max = 200)
	private String password;

	@NotBlank @Size(max = 200)
	private String passwordConfirmation;

	public String getPassword() {
		return this.password;
	}

	public String getPasswordConfirmation() {
		return this.passwordConfirmation;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public void setPasswordConfirmation(String passwordConfirmation) {
		this.passwordConfirmation = passwordConfirmation;
	}

	static ResetPasswordForm empty() {
		return new ResetPasswordForm();
	}

	boolean confirmed() {
		return this.password != null && this.password.equals(this.passwordConfirmation);
	}

}
