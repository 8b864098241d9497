package jp.hikeshi.setup.web;

import java.util.List;

import jakarta.validation.Valid;

import jp.hikeshi.account.PasswordPolicy;
import jp.hikeshi.account.Role;
import jp.hikeshi.organisation.Industry;
import jp.hikeshi.setup.FirstRunSetup;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

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

	private static final String ALREADY_COMPLETED = "setup.alreadyCompleted";

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
		form.checkConfirmation(errors);
		if (Refusals.accepted(errors, () -> this.setup.complete(form.company(), form.username(), form.administrator(),
				form.roles(), form.password(), form.secondFactorRequired()))) {
			redirect.addFlashAttribute("notice", Notice.of("setup.completed"));
			return "redirect:/login";
		}
		if (lostTheRace(errors)) {
			// Someone else finished set-up meanwhile: this form has nothing left to do.
			redirect.addFlashAttribute("notice", Notice.of(ALREADY_COMPLETED));
			return "redirect:/login";
		}
		return "setup/form";
	}

	private static boolean lostTheRace(BindingResult errors) {
		return errors.getGlobalErrors().stream().anyMatch(error -> ALREADY_COMPLETED.equals(error.getCode()));
	}

}
