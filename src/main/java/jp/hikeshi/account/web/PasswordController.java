package jp.hikeshi.account.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.PasswordPolicy;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.account.PasswordChangeRequiredFilter;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user changes their own password here. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final AccountService accounts;

	PasswordController(AccountService accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("minLength")
	int minLength() {
		return PasswordPolicy.MIN_LENGTH;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", PasswordForm.empty());
		return "account/password";
	}

	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String change(@Valid @ModelAttribute("form") PasswordForm form, BindingResult errors, Authentication authentication,
			HttpSession session, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("password") && !errors.hasFieldErrors("passwordConfirmation") && !form.confirmed()) {
			errors.rejectValue("passwordConfirmation", "password.mismatch");
		}
		if (errors.hasErrors()) {
			return "account/password";
		}
		try {
			this.accounts.changeOwnPassword(authentication.getName(), form.getCurrentPassword(), form.getPassword());
		}
		catch (BusinessRuleViolation violation) {
			violation.reportTo(errors);
			return "account/password";
		}
		PasswordChangeRequiredFilter.satisfied(session);
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/";
	}

}
