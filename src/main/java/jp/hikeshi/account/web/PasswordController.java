package jp.hikeshi.account.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.PasswordPolicy;
import jp.hikeshi.account.PasswordChangeRequiredFilter;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

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
		form.checkConfirmation(errors);
		if (!Refusals.accepted(errors, () -> this.accounts.changeOwnPassword(authentication.getName(),
				form.currentPassword(), form.password()))) {
			return "account/password";
		}
		this.accounts.endOtherSessions(authentication.getName(), session.getId());
		PasswordChangeRequiredFilter.satisfied(session);
		redirect.addFlashAttribute("notice", Notice.of("password.changed"));
		return "redirect:/";
	}

}
