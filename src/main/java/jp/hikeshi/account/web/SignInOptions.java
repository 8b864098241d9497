package jp.hikeshi.account.web;

import java.util.List;
import java.util.Map;

import jp.hikeshi.account.IdentityProvider;
import jp.hikeshi.account.ProviderSignInRefused;
import jp.hikeshi.account.SignInProviders;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the sign-in page offers besides the password (account/sign-in-providers.html): the
 * configured providers' buttons, whether passwords are switched off, and why a provider's
 * sign-in was refused — as a message of ours, whatever the {@code refused} parameter holds.
 */
@ControllerAdvice(assignableTypes = LoginController.class)
class SignInOptions {

	private static final Map<String, String> REFUSALS = Map.of(
			ProviderSignInRefused.Reason.OTHER_TENANT.parameter(), "login.refused.otherTenant",
			ProviderSignInRefused.Reason.UNVERIFIED_EMAIL.parameter(), "login.refused.unverifiedEmail",
			ProviderSignInRefused.Reason.DOMAIN_NOT_ALLOWED.parameter(), "login.refused.domainNotAllowed",
			ProviderSignInRefused.Reason.NO_ACCOUNT.parameter(), "login.refused.noAccount",
			ProviderSignInRefused.Reason.DISABLED_ACCOUNT.parameter(), "login.refused.disabledAccount");

	private final SignInProviders providers;

	SignInOptions(SignInProviders providers) {
		this.providers = providers;
	}

	record Options(List<IdentityProvider> providers, boolean passwordsEnabled, String refusal) {

	}

	@ModelAttribute("signInOptions")
	Options options(@RequestParam(name = "refused", required = false) String refused) {
		String refusal = (refused == null) ? null : REFUSALS.getOrDefault(refused, "login.refused.provider");
		return new Options(this.providers.offered(), this.providers.passwordsEnabled(), refusal);
	}

}
