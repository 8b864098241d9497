package jp.hikeshi.setup.web;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.organisation.Industry;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.shared.PlainText;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The first-run page: the company and its first administrator. */
public record SetupForm(
		@NotBlank @Size(max = 200) @PlainText String companyName,
		@NotNull Industry industry,
		@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]*") String username,
		@NotBlank @Size(max = 100) @PlainText String displayName,
		@Size(max = 254) @Email(regexp = Profile.EMAIL) String email,
		Set<Role> additionalRoles,
		@NotBlank @Size(max = 200) String password,
		@NotBlank @Size(max = 200) String passwordConfirmation,
		Boolean requireSecondFactor) {

	/** Roles the first administrator may also take on. */
	static final Set<Role> OFFERED_ROLES = EnumSet.of(Role.SECURITY_LEAD, Role.EXECUTIVE);

	static SetupForm empty() {
		return new SetupForm(null, null, null, null, null, EnumSet.copyOf(OFFERED_ROLES), null, null, true);
	}

	/**
	 * The two passwords must be the same; said next to the second. Added as it is, not through
	 * {@code rejectValue}: when another field could not be converted there is no target to read
	 * the value from, and a password is never shown back anyway.
	 */
	void checkConfirmation(BindingResult errors) {
		if (!errors.hasFieldErrors("password") && !errors.hasFieldErrors("passwordConfirmation")
				&& !Objects.equals(this.password, this.passwordConfirmation)) {
			errors.addError(new FieldError(errors.getObjectName(), "passwordConfirmation", null, false,
					errors.resolveMessageCodes("password.mismatch", "passwordConfirmation"), null, null));
		}
	}

	/** Unticked only when the box was there and left empty; offered ticked. */
	boolean secondFactorRequired() {
		return !Boolean.FALSE.equals(this.requireSecondFactor);
	}

	Settings company() {
		return new Settings(this.companyName, this.industry, null, ZoneId.of("Asia/Tokyo"));
	}

	Profile administrator() {
		return new Profile(this.displayName, null, this.email, null);
	}

	Set<Role> roles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (this.additionalRoles != null) {
			this.additionalRoles.stream().filter(OFFERED_ROLES::contains).forEach(roles::add);
		}
		return roles;
	}

}
