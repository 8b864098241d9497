package jp.hikeshi.account.web;

import java.util.List;

import jakarta.validation.Valid;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.SignInProviders;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's sign-in settings: Microsoft Entra ID and Google Workspace, accounts made
 * just in time, passwords switched off but for the break-glass administrators. A provider set by
 * the environment is shown as such and cannot be changed here.
 */
@Controller
@RequestMapping("/admin/sign-in-providers")
class SignInProvidersAdminController {

	private static final String PAGE = "admin/sign-in-providers";

	private final SignInProviders providers;

	private final AccountService accounts;

	SignInProvidersAdminController(SignInProviders providers, AccountService accounts) {
		this.providers = providers;
		this.accounts = accounts;
	}

	@ModelAttribute("overview")
	SignInProviders.Overview overview() {
		return this.providers.overview();
	}

	/** The accounts that can be break-glass: the enabled administrators. */
	@ModelAttribute("administrators")
	List<UserAccount> administrators() {
		return this.accounts.all().stream().filter(UserAccount::isActiveAdministrator).toList();
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("form", SignInProvidersForm.of(this.providers.overview()));
		return PAGE;
	}

	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String save(@Valid @ModelAttribute("form") SignInProvidersForm form, BindingResult errors, Authentication actor,
			Model model, RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.providers.change(form.toChange(), actor.getName()))) {
			// shown again as typed, but never with a secret in the page
			BindingResult shown = new BeanPropertyBindingResult(form.withoutSecrets(), "form");
			shown.addAllErrors(errors);
			model.addAttribute("form", form.withoutSecrets());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", shown);
			return PAGE;
		}
		redirect.addFlashAttribute("notice", Notice.of("signInProviders.saved"));
		return "redirect:/admin/sign-in-providers";
	}

}
