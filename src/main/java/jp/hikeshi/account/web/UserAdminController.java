package jp.hikeshi.account.web;

import java.util.List;

import jakarta.validation.Valid;

import jp.hikeshi.account.AccountNotFoundException;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.PasswordPolicy;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.shared.BusinessRuleViolation;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage the accounts: create, edit roles, disable, re-enable, reset passwords. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private static final String LIST = "admin/users/list";

	private static final String NEW = "admin/users/new";

	private static final String EDIT = "admin/users/edit";

	private static final String FORM_URLENCODED = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final AccountService accounts;

	UserAdminController(AccountService accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("allRoles")
	List<Role> allRoles() {
		return List.of(Role.values());
	}

	@ModelAttribute("minLength")
	int minLength() {
		return PasswordPolicy.MIN_LENGTH;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.accounts.all());
		return LIST;
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", NewAccountForm.empty());
		return NEW;
	}

	@PostMapping(consumes = FORM_URLENCODED)
	String create(@Valid @ModelAttribute("form") NewAccountForm form, BindingResult errors, Authentication actor,
			RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("password") && !errors.hasFieldErrors("passwordConfirmation") && !form.confirmed()) {
			errors.rejectValue("passwordConfirmation", "password.mismatch");
		}
		if (errors.hasErrors()) {
			return NEW;
		}
		UserAccount created;
		try {
			created = this.accounts.create(form.toCommand(), actor.getName());
		}
		catch (BusinessRuleViolation violation) {
			violation.reportTo(errors);
			return NEW;
		}
		redirect.addFlashAttribute("notice", "user.created");
		return "redirect:/admin/users/" + created.getId();
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		UserAccount account = find(id);
		model.addAttribute("form", AccountChangesForm.of(account));
		model.addAttribute("resetForm", ResetPasswordForm.empty());
		return edit(account, model);
	}

	@PostMapping(path = "/{id}", consumes = FORM_URLENCODED)
	String update(@PathVariable long id, @Valid @ModelAttribute("form") AccountChangesForm form, BindingResult errors,
			Authentication actor, Model model, RedirectAttributes redirect) {
		UserAccount account = find(id);
		model.addAttribute("resetForm", ResetPasswordForm.empty());
		if (errors.hasErrors()) {
			return edit(account, model);
		}
		try {
			this.accounts.update(form.toCommand(id), actor.getName());
		}
		catch (BusinessRuleViolation violation) {
			violation.reportTo(errors);
			return edit(account, model);
		}
		redirect.addFlashAttribute("notice", "user.updated");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping(path = "/{id}/disable", consumes = FORM_URLENCODED)
	String disable(@PathVariable long id, @RequestParam long version, Authentication actor,
			RedirectAttributes redirect) {
		return statusChange(id, redirect, "user.disabled", () -> this.accounts.disable(id, version, actor.getName()));
	}

	@PostMapping(path = "/{id}/enable", consumes = FORM_URLENCODED)
	String enable(@PathVariable long id, @RequestParam long version, Authentication actor,
			RedirectAttributes redirect) {
		return statusChange(id, redirect, "user.enabled", () -> this.accounts.enable(id, version, actor.getName()));
	}

	@PostMapping(path = "/{id}/password", consumes = FORM_URLENCODED)
	String resetPassword(@PathVariable long id, @Valid @ModelAttribute("resetForm") ResetPasswordForm resetForm,
			BindingResult errors, Authentication actor, Model model, RedirectAttributes redirect) {
		UserAccount account = find(id);
		if (!errors.hasFieldErrors("password") && !errors.hasFieldErrors("passwordConfirmation")
				&& !resetForm.confirmed()) {
			errors.rejectValue("passwordConfirmation", "password.mismatch");
		}
		if (!errors.hasErrors()) {
			try {
				this.accounts.resetPassword(id, resetForm.getPassword(), actor.getName());
				redirect.addFlashAttribute("notice", "user.passwordReset");
				return "redirect:/admin/users/" + id;
			}
			catch (BusinessRuleViolation violation) {
				violation.reportTo(errors);
			}
		}
		model.addAttribute("form", AccountChangesForm.of(account));
		return edit(account, model);
	}

	private String statusChange(long id, RedirectAttributes redirect, String notice, Runnable change) {
		find(id);
		try {
			change.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		return "redirect:/admin/users/" + id;
	}

	private static String edit(UserAccount account, Model model) {
		model.addAttribute("account", account);
		return EDIT;
	}

	private UserAccount find(long id) {
		return this.accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
	}

}
