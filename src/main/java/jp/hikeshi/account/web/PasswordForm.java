package jp.hikeshi.account.web;

import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/** A user choosing their own new password. None of the three is ever shown back. */
public record PasswordForm(
		@NotBlank @Size(max = 200) String currentPassword,
		@NotBlank @Size(max = 200) String password,
		@NotBlank @Size(max = 200) String passwordConfirmation) {

	static PasswordForm empty() {
		return new PasswordForm(null, null, null);
	}

	/** The two new passwords must be the same; said next to the second. */
	void checkConfirmation(Errors errors) {
		if (!errors.hasFieldErrors("password") && !errors.hasFieldErrors("passwordConfirmation")
				&& !Objects.equals(this.password, this.passwordConfirmation)) {
			errors.rejectValue("passwordConfirmation", "password.mismatch");
		}
	}

}
