package jp.hikeshi.organisation.web;

import java.util.List;

import jakarta.validation.Valid;

import jp.hikeshi.organisation.Industry;
import jp.hikeshi.organisation.Organisation;
import jp.hikeshi.organisation.OrganisationService;
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

/** Company name, industry, supervising ministry and time zone (DOMAIN.md §1, the administrator). */
@Controller
@RequestMapping("/admin/organisation")
class OrganisationController {

	private final OrganisationService organisations;

	OrganisationController(OrganisationService organisations) {
		this.organisations = organisations;
	}

	@ModelAttribute("industries")
	List<Industry> industries() {
		return List.of(Industry.values());
	}

	@GetMapping
	String form(Model model) {
		Organisation organisation = this.organisations.current().orElseThrow();
		model.addAttribute("form", OrganisationForm.of(organisation));
		return "admin/organisation";
	}

	@PostMapping(consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String update(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors, Authentication actor,
			RedirectAttributes redirect) {
		form.checkTimeZone(errors);
		if (!Refusals.accepted(errors,
				() -> this.organisations.update(form.toCommand(), form.version(), actor.getName()))) {
			return "admin/organisation";
		}
		redirect.addFlashAttribute("notice", Notice.of("organisation.updated"));
		return "redirect:/admin/organisation";
	}

}
