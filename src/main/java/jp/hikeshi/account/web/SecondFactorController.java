package jp.hikeshi.account.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import jp.hikeshi.account.AuthenticatorApps;
import jp.hikeshi.account.AuthenticatorApps.Check;
import jp.hikeshi.account.RememberedDevices;
import jp.hikeshi.account.SecondFactorRequirement;
import jp.hikeshi.account.SecondFactors;
import jp.hikeshi.account.SignInFactors;
import jp.hikeshi.account.web.SecondFactorForms.CodeForm;
import jp.hikeshi.account.web.SecondFactorForms.RecoveryForm;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The second-factor gate's page: a code from the authenticator app or a recovery code, and
 * whether to remember this browser; or a passkey instead, or signing out. A session that owes
 * nothing is sent on.
 */
@Controller
@RequestMapping(SecondFactors.GATE)
class SecondFactorController {

	private static final String PAGE = "account/second-factor";

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final SecondFactors factors;

	private final AuthenticatorApps apps;

	private final RememberedDevices devices;

	SecondFactorController(SecondFactors factors, AuthenticatorApps apps, RememberedDevices devices) {
		this.factors = factors;
		this.apps = apps;
		this.devices = devices;
	}

	@GetMapping
	String page(Authentication user, HttpServletRequest request, Model model) {
		Optional<SecondFactorRequirement> owed = this.factors.owed(user, request.getSession(false));
		if (owed.isEmpty()) {
			return "redirect:/";
		}
		model.addAttribute("codeForm", CodeForm.empty());
		model.addAttribute("recoveryForm", RecoveryForm.empty());
		return page(owed.get(), model);
	}

	@PostMapping(consumes = FORM)
	String code(@Valid @ModelAttribute("codeForm") CodeForm form, BindingResult errors, Authentication user,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<SecondFactorRequirement> owed = this.factors.owed(user, request.getSession(false));
		if (owed.isEmpty()) {
			return "redirect:/";
		}
		model.addAttribute("recoveryForm", RecoveryForm.empty());
		if (!errors.hasErrors()) {
			Check check = this.apps.check(owed.get().accountId(), user.getName(), form.code());
			if (check == Check.ACCEPTED) {
				return passed(SignInFactors.TOTP, form.rememberThisBrowser(), owed.get(), user, request, response);
			}
			errors.rejectValue("code", refusal(check));
		}
		return page(owed.get(), model);
	}

	@PostMapping(path = "/recovery", consumes = FORM)
	String recovery(@Valid @ModelAttribute("recoveryForm") RecoveryForm form, BindingResult errors,
			Authentication user, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<SecondFactorRequirement> owed = this.factors.owed(user, request.getSession(false));
		if (owed.isEmpty()) {
			return "redirect:/";
		}
		model.addAttribute("codeForm", CodeForm.empty());
		model.addAttribute("recoveryOpen", true);
		if (!errors.hasErrors()) {
			Check check = this.apps.useRecoveryCode(owed.get().accountId(), user.getName(), form.recoveryCode());
			if (check == Check.ACCEPTED) {
				return passed(SignInFactors.RECOVERY_CODE, form.rememberThisBrowser(), owed.get(), user, request, response);
			}
			errors.rejectValue("recoveryCode", refusal(check));
		}
		return page(owed.get(), model);
	}

	private String page(SecondFactorRequirement owed, Model model) {
		if (!owed.enrolled() && !this.factors.anyEnrolled(owed.accountId())) {
			return "redirect:" + SecondFactors.ENROL;
		}
		model.addAttribute("app", this.apps.status(owed.accountId()));
		model.addAttribute("rememberDays", this.devices.lifetime().toDays());
		return PAGE;
	}

	private String passed(String factor, boolean remember, SecondFactorRequirement owed, Authentication user,
			HttpServletRequest request, HttpServletResponse response) {
		if (remember) {
			String token = this.devices.remember(owed.accountId(), user.getName(), request.getHeader(HttpHeaders.USER_AGENT));
			ResponseCookie cookie = ResponseCookie.from(RememberedDevices.COOKIE, token)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Lax")
				.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
				.maxAge(this.devices.lifetime())
				.build();
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		}
		return "redirect:" + this.factors.passed(factor, request, response);
	}

	private static String refusal(Check check) {
		return switch (check) {
			case THROTTLED -> "secondFactor.throttled";
			case REPLAYED -> "secondFactor.codeUsed";
			case REUSED -> "secondFactor.recoveryCodeUsed";
			default -> "secondFactor.codeWrong";
		};
	}

}
