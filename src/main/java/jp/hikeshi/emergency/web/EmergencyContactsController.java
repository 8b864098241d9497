package jp.hikeshi.emergency.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import jp.hikeshi.account.Role;
import jp.hikeshi.desk.PublicDesks;
import jp.hikeshi.emergency.EmergencyContacts;
import jp.hikeshi.emergency.EmergencyContacts.Member;
import jp.hikeshi.register.Register;
import jp.hikeshi.shared.PhoneNumbers;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 緊急連絡網: everyone signed in reads it (staff need the lead's number); the security lead and
 * the administrator keep it — one person at a time — and say when they checked it all. A
 * refused change comes back with the message beside the field and everything typed still there.
 */
@Controller
class EmergencyContactsController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String CONTACT = "contact";

	private static final String LIST = "redirect:/preparedness/contacts";

	private final EmergencyContacts contacts;

	private final PublicDesks desks;

	private final Register register;

	EmergencyContactsController(EmergencyContacts contacts, PublicDesks desks, Register register) {
		this.contacts = contacts;
		this.desks = desks;
		this.register = register;
	}

	@GetMapping("/preparedness/contacts")
	String page(Authentication user, Model model, Locale locale) {
		model.addAttribute("team", this.contacts.team());
		model.addAttribute("verification", this.contacts.verification());
		model.addAttribute("canEdit", keeps(user));
		model.addAttribute("ownContacts", this.desks.ownContacts());
		model.addAttribute("vendors", this.register.vendors().stream().map(VendorLine::of).toList());
		model.addAttribute("desks", this.desks.all(locale));
		return "emergency/contacts";
	}

	@GetMapping("/preparedness/contacts/people/{id}")
	String edit(@PathVariable long id, Authentication user, Model model) {
		List<Member> team = this.contacts.team();
		Member member = find(team, id);
		model.addAttribute("member", member);
		// the phone is kept on the account: the administrator changes it there
		model.addAttribute("isAdmin", holds(user, Role.ADMIN));
		model.addAttribute("standIns", team.stream().filter(other -> other.accountId() != id).toList());
		if (!model.containsAttribute(CONTACT)) {
			model.addAttribute(CONTACT, ContactForm.of(member, team.indexOf(member) + 1));
		}
		return "emergency/person";
	}

	@PostMapping(path = "/preparedness/contacts/people/{id}", consumes = FORM)
	String change(@PathVariable long id, @Valid @ModelAttribute(CONTACT) ContactForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		Member member = find(this.contacts.team(), id);
		if (!Refusals.accepted(errors,
				() -> this.contacts.change(member.username(), form.version(), form.toChange(), user.getName()))) {
			return edit(id, user, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("emergency.saved", member.name()));
		return LIST;
	}

	@PostMapping(path = "/preparedness/contacts/verified", consumes = FORM)
	String verified(@RequestParam long version, Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.contacts.verify(version, user.getName()), "emergency.verified.done");
		return LIST;
	}

	/** A vendor as the list shows it: what it does, whom to ask for, how to reach them. */
	record VendorLine(String kind, String name, String contact, String phone, String phoneLink, String email) {

		static VendorLine of(Register.VendorEntry vendor) {
			return new VendorLine("emergency.vendorKind." + vendor.kind().name(), vendor.name(),
					vendor.incidentContact(), vendor.phone(), PhoneNumbers.telLink(vendor.phone()), vendor.email());
		}

	}

	private static Member find(List<Member> team, long id) {
		return team.stream()
			.filter(member -> member.accountId() == id)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static boolean keeps(Authentication user) {
		return holds(user, Role.SECURITY_LEAD) || holds(user, Role.ADMIN);
	}

	private static boolean holds(Authentication user, Role role) {
		return user.getAuthorities().stream().anyMatch(authority -> role.authority().equals(authority.getAuthority()));
	}

}
