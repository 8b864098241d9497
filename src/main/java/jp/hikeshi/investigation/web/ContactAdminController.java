package jp.hikeshi.investigation.web;

import java.util.List;

import jakarta.validation.Valid;

import jp.hikeshi.investigation.Contact;
import jp.hikeshi.investigation.ContactService;
import jp.hikeshi.investigation.web.InvestigationForms.ContactForm;
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

/** The administrator keeps the company's own contacts for incidents. */
@Controller
class ContactAdminController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String CONTACT = "contact";

	private static final String LIST = "redirect:/admin/contacts";

	private final ContactService contacts;

	ContactAdminController(ContactService contacts) {
		this.contacts = contacts;
	}

	@GetMapping("/admin/contacts")
	String list(Model model) {
		model.addAttribute("contacts", this.contacts.all());
		model.addAttribute("kinds", List.of(Contact.Kind.values()));
		if (!model.containsAttribute(CONTACT)) {
			model.addAttribute(CONTACT, ContactForm.empty());
		}
		return "admin/contacts";
	}

	@PostMapping(path = "/admin/contacts", consumes = FORM)
	String add(@Valid @ModelAttribute(CONTACT) ContactForm form, BindingResult errors, Authentication user, Model model,
			RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.contacts.add(form.toCommand(), user.getName()))) {
			return list(model);
		}
		redirect.addFlashAttribute("notice", Notice.of("contact.added"));
		return LIST;
	}

	@PostMapping(path = "/admin/contacts/{id}/delete", consumes = FORM)
	String remove(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.contacts.remove(id, user.getName()), "contact.removed");
		return LIST;
	}

}
