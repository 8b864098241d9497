package jp.hikeshi.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The relying party Spring Security verifies passkeys with. User verification is required at
 * registration and at every sign-in (a PIN or biometric on the device), which is what lets a
 * passkey count as a second factor on its own; passkeys are discoverable, so signing in needs
 * no user name.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	WebAuthnRelyingPartyOperations passkeyRelyingParty(PasskeyUsers users, PasskeyCredentials credentials,
			RelyingParty relyingParty) {
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(users, credentials,
				PublicKeyCredentialRpEntity.builder().id(relyingParty.id()).name(RelyingParty.NAME).build(),
				relyingParty.origins());
		operations.setCustomizeCreationOptions(options -> {
			options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(UserVerificationRequirement.REQUIRED)
				.residentKey(ResidentKeyRequirement.REQUIRED)
				.build());
			// the entity as saved (with the person's display name), not the one Spring built by the login name
			Authentication person = SecurityContextHolder.getContext().getAuthentication();
			PublicKeyCredentialUserEntity saved = (person == null) ? null : users.findByUsername(person.getName());
			if (saved != null) {
				options.user(saved);
			}
		});
		operations.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return operations;
	}

}
