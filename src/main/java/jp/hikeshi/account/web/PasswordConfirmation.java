package jp.hikeshi.account.web;

import java.util.Objects;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** A new password typed twice must be typed the same twice; said next to the second. */
final class PasswordConfirmation {

	static final String FIELD = "passwordConfirmation";

	private PasswordConfirmation() {
	}

	/**
	 * Adds {@code password.mismatch} on the confirmation unless either password already has an
	 * error. The error is added as it is (not through {@code rejectValue}): when another field
	 * could not be converted the form has no target to read the value from, and a password is
	 * never shown back anyway.
	 */
	static void check(BindingResult errors, String password, String confirmation) {
		if (!errors.hasFieldErrors("password") && !errors.hasFieldErrors(FIELD) && !Objects.equals(password, confirmation)) {
			errors.addError(new FieldError(errors.getObjectName(), FIELD, null, false,
					errors.resolveMessageCodes("password.mismatch", FIELD), null, null));
		}
	}

}
