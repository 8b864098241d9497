package jp.hikeshi.account.web;

import jp.hikeshi.account.Passkeys;
import jp.hikeshi.shared.web.Notice;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each person's own passkeys: the list, adding one (the page's script runs the ceremony with
 * Spring's {@code /webauthn/register} endpoints) and removing one. Someone else's passkey does not
 * exist here.
 */
@Controller
@RequestMapping("/account/passkeys")
class PasskeyController {

	private final Passkeys passkeys;

	PasskeyController(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping
	String list(Authentication user, Model model) {
		model.addAttribute("passkeys", this.passkeys.of(user.getName()));
		model.addAttribute("maxLabel", Passkeys.MAX_LABEL);
		return "account/passkeys";
	}

	@PostMapping(path = "/{passkeyId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String remove(@PathVariable String passkeyId, Authentication user, RedirectAttributes redirect) {
		boolean removed = this.passkeys.remove(user.getName(), passkeyId);
		redirect.addFlashAttribute(removed ? "notice" : "problem",
				Notice.of(removed ? "passkey.removed" : "passkey.notFound"));
		return "redirect:/account/passkeys";
	}

}
