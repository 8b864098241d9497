package jp.hikeshi.account.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import jp.hikeshi.account.AccountNotFoundException;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.SecondFactorPolicy;
import jp.hikeshi.account.SecondFactors;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's sign-in security: which roles must pass a second factor, and resetting a
 * person's factors (from their page under users).
 */
@Controller
class SignInSecurityAdminController {

	static final String PATH = "/admin/sign-in-security";

	private static final String PAGE = "admin/sign-in-security";

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final SecondFactorPolicy policy;

	private final SecondFactors factors;

	private final AccountService accounts;

	SignInSecurityAdminController(SecondFactorPolicy policy, SecondFactors factors, AccountService accounts) {
		this.policy = policy;
		this.factors = factors;
		this.accounts = accounts;
	}

	@ModelAttribute("allRoles")
	List<Role> allRoles() {
		return List.of(Role.values());
	}

	@GetMapping(PATH)
	String page(Model model) {
		model.addAttribute("form", new RequirementForm(this.policy.requiredRoles()));
		return PAGE;
	}

	@PostMapping(path = PATH, consumes = FORM)
	String change(@Valid @ModelAttribute("form") RequirementForm form, BindingResult errors, Authentication actor,
			RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.policy.change(form.roles(), actor.getName()))) {
			return PAGE;
		}
		redirect.addFlashAttribute("notice", Notice.of("signInSecurity.changed"));
		return "redirect:" + PATH;
	}

	@PostMapping(path = "/admin/users/{id}/second-factors/reset", consumes = FORM)
	String reset(@PathVariable long id, Authentication actor, RedirectAttributes redirect) {
		this.accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
		Refusals.flash(redirect, () -> this.factors.reset(id, actor.getName()), "secondFactor.reset.done");
		return "redirect:/admin/users/" + id;
	}

	/** The roles whose holders must pass a second factor; none ticked is allowed. */
	record RequirementForm(Set<Role> requiredRoles) {

		Set<Role> roles() {
			return (this.requiredRoles == null || this.requiredRoles.isEmpty()) ? EnumSet.noneOf(Role.class)
					: EnumSet.copyOf(this.requiredRoles);
		}

	}

}
