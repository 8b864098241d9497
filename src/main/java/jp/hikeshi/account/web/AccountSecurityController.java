package jp.hikeshi.account.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.AuthenticatorApps;
import jp.hikeshi.account.RememberedDevices;
import jp.hikeshi.account.SecondFactorRequirement;
import jp.hikeshi.account.SecondFactors;
import jp.hikeshi.account.SignInFactors;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.web.SecondFactorForms.ConfirmForm;
import jp.hikeshi.account.web.SecondFactorForms.RemoveForm;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.QrImage;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * A person's own sign-in security: the authenticator app (adding it with a QR code and a first
 * code, removing it), the recovery codes left (new ones shown once), the remembered browsers,
 * and the way to passkeys.
 */
@Controller
@RequestMapping(SecondFactors.ENROL)
class AccountSecurityController {

	private static final String PAGE = "account/security";

	private static final String CODES_PAGE = "account/recovery-codes";

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final AccountService accounts;

	private final AuthenticatorApps apps;

	private final RememberedDevices devices;

	private final SecondFactors factors;

	AccountSecurityController(AccountService accounts, AuthenticatorApps apps, RememberedDevices devices,
			SecondFactors factors) {
		this.accounts = accounts;
		this.apps = apps;
		this.devices = devices;
		this.factors = factors;
	}

	@GetMapping
	String show(Authentication user, HttpServletRequest request, Model model) {
		model.addAttribute("confirmForm", ConfirmForm.empty());
		model.addAttribute("removeForm", RemoveForm.empty());
		return page(user, request, model);
	}

	@PostMapping(path = "/app", consumes = FORM)
	String start(Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.apps.start(me(user).getId()), "authenticatorApp.started");
		return "redirect:" + SecondFactors.ENROL;
	}

	@PostMapping(path = "/app/confirm", consumes = FORM)
	String confirm(@Valid @ModelAttribute("confirmForm") ConfirmForm form, BindingResult errors, Authentication user,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		UserAccount me = me(user);
		List<String> codes = new java.util.ArrayList<>();
		if (!Refusals.accepted(errors, () -> codes.addAll(this.apps.confirm(me.getId(), me.getUsername(), form.code())))) {
			model.addAttribute("removeForm", RemoveForm.empty());
			return page(user, request, model);
		}
		// the code just confirmed is a second factor given: a person who had to enrol goes on
		if (this.factors.owed(user, request.getSession(false)).isPresent()) {
			this.factors.passed(SignInFactors.TOTP, request, response);
		}
		// shown on this answer only, never kept in the session
		model.addAttribute("codes", codes);
		model.addAttribute("enrolled", true);
		return CODES_PAGE;
	}

	@PostMapping(path = "/app/remove", consumes = FORM)
	String remove(@Valid @ModelAttribute("removeForm") RemoveForm form, BindingResult errors, Authentication user,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		UserAccount me = me(user);
		if (!Refusals.accepted(errors, () -> this.apps.remove(me.getId(), me.getUsername(), form.proof()))) {
			model.addAttribute("confirmForm", ConfirmForm.empty());
			// neither a password nor a code is written back into the page
			model.addAttribute("removeForm", RemoveForm.empty());
			return page(user, request, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("authenticatorApp.removed"));
		return "redirect:" + SecondFactors.ENROL;
	}

	@PostMapping(path = "/recovery-codes", consumes = FORM)
	String renewRecoveryCodes(Authentication user, Model model, RedirectAttributes redirect) {
		UserAccount me = me(user);
		try {
			model.addAttribute("codes", this.apps.renewRecoveryCodes(me.getId(), me.getUsername()));
		}
		catch (BusinessRuleViolation refused) {
			redirect.addFlashAttribute("problem", Notice.of(refused.code()));
			return "redirect:" + SecondFactors.ENROL;
		}
		model.addAttribute("enrolled", false);
		return CODES_PAGE;
	}

	@PostMapping(path = "/devices/{deviceId}/revoke", consumes = FORM)
	String revoke(@PathVariable long deviceId, Authentication user, RedirectAttributes redirect) {
		UserAccount me = me(user);
		this.devices.revoke(me.getId(), me.getUsername(), deviceId);
		redirect.addFlashAttribute("notice", Notice.of("rememberedDevice.revoked"));
		return "redirect:" + SecondFactors.ENROL;
	}

	private String page(Authentication user, HttpServletRequest request, Model model) {
		UserAccount me = me(user);
		AuthenticatorApps.Status status = this.apps.status(me.getId());
		model.addAttribute("app", status);
		model.addAttribute("devices", this.devices.of(me.getId()));
		Optional<SecondFactorRequirement> owed = this.factors.owed(user, request.getSession(false));
		model.addAttribute("mustEnrol", owed.isPresent() && !this.factors.anyEnrolled(me.getId()));
		model.addAttribute("owed", owed.isPresent());
		this.apps.pendingSecret(me.getId()).ifPresent(secret -> {
			String label = "Hikeshi:" + me.getUsername();
			String uri = "otpauth://totp/" + UriUtils.encodePath(label, java.nio.charset.StandardCharsets.UTF_8)
					+ "?secret=" + secret + "&issuer=Hikeshi";
			model.addAttribute("secret", grouped(secret));
			model.addAttribute("qr", QrImage.of(uri).dataUri());
		});
		return PAGE;
	}

	private UserAccount me(Authentication user) {
		return this.accounts.findByUsername(user.getName()).orElseThrow();
	}

	/** In fours, easier to type: authenticator apps ignore the spaces. */
	private static String grouped(String secret) {
		return String.join(" ", secret.split("(?<=\\G.{4})"));
	}

}
