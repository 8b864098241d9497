package jp.hikeshi.system.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.account.ProviderRegistrations;
import jp.hikeshi.account.ProviderSignIn;
import jp.hikeshi.account.ProviderSignInRefused;
import jp.hikeshi.system.DatabaseUnavailable;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.client.RestClient;

/**
 * Sign-in through Microsoft Entra ID or Google (OpenID Connect authorization code flow), on the
 * same sign-in page as the password: {@code /oauth2/authorization/{entra|google}} sends the
 * person to the provider, which sends them back to {@code /login/oauth2/code/{entra|google}}.
 * The providers come from the database at each sign-in ({@link ProviderRegistrations}).
 */
final class ProviderLogin {

	static final String AUTHORIZATION = "/oauth2/authorization/*";

	static final String REDIRECT = "/login/oauth2/code/*";

	private ProviderLogin() {
	}

	static void configure(HttpSecurity http, ProviderRegistrations registrations) throws Exception {
		http.oauth2Login(login -> configure(login, registrations));
	}

	private static void configure(OAuth2LoginConfigurer<HttpSecurity> login, ProviderRegistrations registrations) {
		login.loginPage("/login")
			.clientRegistrationRepository(registrations)
			// the provider's tokens are not used after the sign-in: none is kept in the session
			.authorizedClientRepository(new NothingKept())
			.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(new OnlyConfigured(registrations)))
			.successHandler(new SignInSuccessHandler())
			.failureHandler(new RefusalPage());
	}

	/**
	 * The authentication provider for the answers coming back: the token request with time limits,
	 * and ID token decoders made again whenever a provider's settings changed (Spring's own factory
	 * keeps the first one per provider, with its client id and keys, for good).
	 */
	static AuthenticationProvider authenticationProvider(ProviderSignIn signIn) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(5));
		requests.setReadTimeout(Duration.ofSeconds(10));
		RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
		tokens.setRestClient(RestClient.builder()
			.requestFactory(requests)
			.messageConverters(converters -> {
				converters.clear();
				converters.add(new org.springframework.http.converter.FormHttpMessageConverter());
				converters.add(new org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler())
			.build());
		OidcAuthorizationCodeAuthenticationProvider provider = new OidcAuthorizationCodeAuthenticationProvider(tokens,
				signIn);
		provider.setJwtDecoderFactory(new DecodersPerSettings());
		return provider;
	}

	private static final class DecodersPerSettings implements JwtDecoderFactory<ClientRegistration> {

		private final Map<String, JwtDecoderFactory<ClientRegistration>> factories = new ConcurrentHashMap<>();

		@Override
		public JwtDecoder createDecoder(ClientRegistration registration) {
			String settings = String.join("|", registration.getRegistrationId(), registration.getClientId(),
					registration.getProviderDetails().getJwkSetUri(), registration.getProviderDetails().getIssuerUri());
			return this.factories.computeIfAbsent(settings, key -> new OidcIdTokenDecoderFactory())
				.createDecoder(registration);
		}

	}

	/** A provider that is not configured has no sign-in address: 404, not an error page. */
	private static final class OnlyConfigured implements OAuth2AuthorizationRequestResolver {

		private final ProviderRegistrations registrations;

		private final DefaultOAuth2AuthorizationRequestResolver resolver;

		OnlyConfigured(ProviderRegistrations registrations) {
			this.registrations = registrations;
			this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
		}

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (!path.startsWith("/oauth2/authorization/")) {
				return null;
			}
			String id = path.substring("/oauth2/authorization/".length());
			return (this.registrations.findByRegistrationId(id) == null) ? null : this.resolver.resolve(request);
		}

		@Override
		public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
			return (this.registrations.findByRegistrationId(registrationId) == null) ? null
					: this.resolver.resolve(request, registrationId);
		}

	}

	/**
	 * A refusal is shown on the sign-in page, translated, with what to do; a provider's own error
	 * (the person cancelled, an expired answer) gets one general message, never its code.
	 */
	private static final class RefusalPage implements AuthenticationFailureHandler {

		private final DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			if (DatabaseUnavailable.isCause(exception)) {
				throw new ServletException("Sign-in impossible: the database cannot be reached", exception);
			}
			String reason = (exception instanceof ProviderSignInRefused refused) ? refused.reason().parameter()
					: "provider";
			this.redirect.sendRedirect(request, response, "/login?refused=" + reason);
		}

	}

	private static final class NothingKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
				HttpServletResponse response) {
		}

	}

}
