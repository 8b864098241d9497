package jp.hikeshi.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

/** An administrator setting a temporary password, to be changed at the holder's next sign-in. */
public record ResetPasswordForm(
		@NotBlank @Size(max = 200) String password,
		@NotBlank @Size(max = 200) String passwordConfirmation) {

	static ResetPasswordForm empty() {
		return new ResetPasswordForm(null, null);
	}

	void checkConfirmation(BindingResult errors) {
		PasswordConfirmation.check(errors, this.password, this.passwordConfirmation);
	}

}
