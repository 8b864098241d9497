package jp.hikeshi.account;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * The identity providers as Spring Security's OAuth2 login sees them, built at each sign-in from
 * {@link SignInProviders}: a provider the administrator configures works at once, without a
 * restart, and with none configured there is nothing here and the application starts as before.
 */
@Component
public class ProviderRegistrations implements ClientRegistrationRepository {

	static final String ENTRA_AUTHORITY = "https://login.microsoftonline.com";

	static final String GOOGLE_ISSUER = "https://accounts.google.com";

	private final SignInProviders providers;

	ProviderRegistrations(SignInProviders providers) {
		this.providers = providers;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return IdentityProvider.byRegistrationId(registrationId)
			.flatMap(this.providers::configured)
			.map(this::registration)
			.orElse(null);
	}

	/** The issuer a provider's ID tokens must name. */
	String issuer(SignInProviders.Configured configured) {
		return switch (configured.provider()) {
			case ENTRA -> entraAuthority() + "/" + configured.tenantId() + "/v2.0";
			case GOOGLE -> googleIssuer();
		};
	}

	private ClientRegistration registration(SignInProviders.Configured configured) {
		ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(configured.provider().registrationId())
			.clientName(configured.provider().brand())
			.clientId(configured.clientId())
			.clientSecret(configured.clientSecret())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			// no issuerUri: Spring's validator would refuse another tenant's token with an error of its own;
			// ProviderSignIn compares iss (and Entra's tid) itself, so that the refusal is named and audited
			.userNameAttributeName(IdTokenClaimNames.SUB);
		return switch (configured.provider()) {
			case ENTRA -> {
				String tenant = entraAuthority() + "/" + configured.tenantId();
				yield builder.authorizationUri(tenant + "/oauth2/v2.0/authorize")
					.tokenUri(tenant + "/oauth2/v2.0/token")
					.jwkSetUri(tenant + "/discovery/v2.0/keys")
					.build();
			}
			case GOOGLE -> {
				String local = this.providers.authority(IdentityProvider.GOOGLE);
				yield (local == null)
						? builder.authorizationUri("https://accounts.google.com/o/oauth2/v2/auth")
							.tokenUri("https://oauth2.googleapis.com/token")
							.jwkSetUri("https://www.googleapis.com/oauth2/v3/certs")
							.build()
						: builder.authorizationUri(local + "/o/oauth2/v2/auth")
							.tokenUri(local + "/token")
							.jwkSetUri(local + "/oauth2/v3/certs")
							.build();
			}
		};
	}

	private String entraAuthority() {
		String local = this.providers.authority(IdentityProvider.ENTRA);
		return (local == null) ? ENTRA_AUTHORITY : local;
	}

	private String googleIssuer() {
		String local = this.providers.authority(IdentityProvider.GOOGLE);
		return (local == null) ? GOOGLE_ISSUER : local;
	}

}
