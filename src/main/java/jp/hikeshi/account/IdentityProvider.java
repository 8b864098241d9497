package jp.hikeshi.account;

import java.util.Arrays;
import java.util.Optional;

/**
 * The company identity providers a person may sign in with (OpenID Connect). The registration id
 * is the last segment of the addresses Spring Security serves for it:
 * {@code /oauth2/authorization/entra} and the redirect URI {@code /login/oauth2/code/entra}.
 */
public enum IdentityProvider {

	ENTRA("entra", "Microsoft Entra ID"), GOOGLE("google", "Google Workspace");

	private final String registrationId;

	private final String brand;

	IdentityProvider(String registrationId, String brand) {
		this.registrationId = registrationId;
		this.brand = brand;
	}

	public String registrationId() {
		return this.registrationId;
	}

	/** The product's own name, the same in every language (for the audit trail's detail). */
	public String brand() {
		return this.brand;
	}

	public static Optional<IdentityProvider> byRegistrationId(String registrationId) {
		return Arrays.stream(values()).filter(provider -> provider.registrationId.equals(registrationId)).findFirst();
	}

}
