package jp.hikeshi.investigation.web;

import java.util.List;

import jp.hikeshi.investigation.Contact;
import jp.hikeshi.investigation.ContactService;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.PlainTextValidator;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator keeps the company's own contacts for incidents. */
@Controller
class ContactAdminController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final ContactService contacts;

	ContactAdminController(ContactService contacts) {
		this.contacts = contacts;
	}

	@GetMapping("/admin/contacts")
	String list(Model model) {
		model.addAttribute("contacts", this.contacts.all());
		model.addAttribute("kinds", List.of(Contact.Kind.values()));
		return "admin/contacts";
	}

	@PostMapping(path = "/admin/contacts", consumes = FORM)
	String add(@RequestParam(required = false) Contact.Kind kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String note,
			Authentication user, RedirectAttributes redirect) {
		if (!fits(name, 200) || !fits(phone, 50) || !fits(note, 500)) {
			redirect.addFlashAttribute("problem", "contact.textInvalid");
			return "redirect:/admin/contacts";
		}
		try {
			this.contacts.add(kind, name, phone, note, user.getName());
			redirect.addFlashAttribute("notice", "contact.added");
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		return "redirect:/admin/contacts";
	}

	@PostMapping(path = "/admin/contacts/{id}/delete", consumes = FORM)
	String remove(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		try {
			this.contacts.remove(id, user.getName());
			redirect.addFlashAttribute("notice", "contact.removed");
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		return "redirect:/admin/contacts";
	}

	/** At most {@code max} characters, no control or invisible formatting characters. */
	private static boolean fits(String text, int max) {
		return text == null || (text.length() <= max && PlainTextValidator.isPlain(text, false));
	}

}
