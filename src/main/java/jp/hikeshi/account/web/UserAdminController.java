package jp.hikeshi.account.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.Valid;

import jp.hikeshi.account.AccountNotFoundException;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.PasswordPolicy;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
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
		form.checkConfirmation(errors);
		AtomicReference<UserAccount> created = new AtomicReference<>();
		if (!Refusals.accepted(errors, () -> created.set(this.accounts.create(form.toCommand(), actor.getName())))) {
			return NEW;
		}
		redirect.addFlashAttribute("notice", Notice.of("user.created"));
		return "redirect:/admin/users/" + created.get().getId();
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
		if (!Refusals.accepted(errors, () -> this.accounts.update(form.toCommand(id), actor.getName()))) {
			model.addAttribute("resetForm", ResetPasswordForm.empty());
			return edit(account, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("user.updated"));
		return "redirect:/admin/users/" + id;
	}

	@PostMapping(path = "/{id}/disable", consumes = FORM_URLENCODED)
	String disable(@PathVariable long id, @RequestParam long version, Authentication actor,
			RedirectAttributes redirect) {
		find(id);
		Refusals.flash(redirect, () -> this.accounts.disable(id, version, actor.getName()), "user.disabled");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping(path = "/{id}/enable", consumes = FORM_URLENCODED)
	String enable(@PathVariable long id, @RequestParam long version, Authentication actor,
			RedirectAttributes redirect) {
		find(id);
		Refusals.flash(redirect, () -> this.accounts.enable(id, version, actor.getName()), "user.enabled");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping(path = "/{id}/password", consumes = FORM_URLENCODED)
	String resetPassword(@PathVariable long id, @Valid @ModelAttribute("resetForm") ResetPasswordForm resetForm,
			BindingResult errors, Authentication actor, Model model, RedirectAttributes redirect) {
		UserAccount account = find(id);
		resetForm.checkConfirmation(errors);
		if (!Refusals.accepted(errors, () -> this.accounts.resetPassword(id, resetForm.password(), actor.getName()))) {
			model.addAttribute("form", AccountChangesForm.of(account));
			return edit(account, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("user.passwordReset"));
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
