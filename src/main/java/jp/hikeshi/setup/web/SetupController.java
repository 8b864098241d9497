package jp.hikeshi.setup.web;

import java.util.List;

import jakarta.validation.Valid;

import jp.hikeshi.account.PasswordPolicy;
import jp.hikeshi.account.Role;
import jp.hikeshi.organisation.Industry;
import jp.hikeshi.setup.FirstRunSetup;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The first-run page; it answers only while setup is not done (see the first-run filter). */
@Controller
@RequestMapping("/setup")
class SetupController {

	private final FirstRunSetup setup;

	SetupController(FirstRunSetup setup) {
		this.setup = setup;
	}

	@ModelAttribute("industries")
	List<Industry> industries() {
		return List.of(Industry.values());
	}

	@ModelAttribute("offeredRoles")
	List<Role> offeredRoles() {
		return SetupForm.OFFERED_ROLES.stream().sorted().toList();
	}

	@ModelAttribute("minLength")
	int minLength() {
		return PasswordPolicy.MIN_LENGTH;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("form", SetupForm.empty());
		return "setup/form";
	}

	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String complete(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("password") && !errors.hasFieldErrors("passwordConfirmation") && !form.confirmed()) {
			errors.rejectValue("passwordConfirmation", "password.mismatch");
		}
		if (errors.hasErrors()) {
			return "setup/form";
		}
		try {
			this.setup.complete(form.company(), form.getUsername(), form.administrator(), form.roles(), form.getPassword());
		}
		catch (BusinessRuleViolation violation) {
			if ("setup.alreadyCompleted".equals(violation.code())) {
				redirect.addFlashAttribute("notice", "setup.alreadyCompleted");
				return "redirect:/login";
			}
			violation.reportTo(errors);
			return "setup/form";
		}
		redirect.addFlashAttribute("notice", "setup.completed");
		return "redirect:/login";
	}

}
