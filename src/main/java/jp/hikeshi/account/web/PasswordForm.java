package jp.hikeshi.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

/** A user choosing their own new password. None of the three is ever shown back. */
public record PasswordForm(
		@NotBlank @Size(max = 200) String currentPassword,
		@NotBlank @Size(max = 200) String password,
		@NotBlank @Size(max = 200) String passwordConfirmation) {

	static PasswordForm empty() {
		return new PasswordForm(null, null, null);
	}

	void checkConfirmation(BindingResult errors) {
		PasswordConfirmation.check(errors, this.password, this.passwordConfirmation);
	}

}
