package jp.hikeshi.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The forms of the second-factor pages. None of their codes is ever shown back or stored as typed. */
final class SecondFactorForms {

	private SecondFactorForms() {
	}

	/** A code from the authenticator app, at the gate; and whether to remember this browser. */
	record CodeForm(@NotBlank @Pattern(regexp = "(\\d{6})?") String code, Boolean remember) {

		static CodeForm empty() {
			return new CodeForm(null, false);
		}

		boolean rememberThisBrowser() {
			return Boolean.TRUE.equals(this.remember);
		}

	}

	/** A recovery code, at the gate (with or without its hyphens). */
	record RecoveryForm(@NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]*") String recoveryCode,
			Boolean remember) {

		static RecoveryForm empty() {
			return new RecoveryForm(null, false);
		}

		boolean rememberThisBrowser() {
			return Boolean.TRUE.equals(this.remember);
		}

	}

	/** The first code from an app being added. */
	record ConfirmForm(@NotBlank @Pattern(regexp = "(\\d{6})?") String code) {

		static ConfirmForm empty() {
			return new ConfirmForm(null);
		}

	}

	/** Removing one's own app: a current code from it, or the password. */
	record RemoveForm(@NotBlank @Size(max = 200) String proof) {

		static RemoveForm empty() {
			return new RemoveForm(null);
		}

	}

}
