package jp.hikeshi.account.web;

import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/** An administrator setting a temporary password, to be changed at the holder's next sign-in. */
public record ResetPasswordForm(
		@NotBlank @Size(max = 200) String password,
		@NotBlank @Size(max = 200) String passwordConfirmation) {

	static ResetPasswordForm empty() {
		return new ResetPasswordForm(null, null);
	}

	/** The two passwords must be the same; said next to the second. */
	void checkConfirmation(Errors errors) {
		if (!errors.hasFieldErrors("password") && !errors.hasFieldErrors("passwordConfirmation")
				&& !Objects.equals(this.password, this.passwordConfirmation)) {
			errors.rejectValue("passwordConfirmation", "password.mismatch");
		}
	}

}
