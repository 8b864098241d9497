package jp.hikeshi.preparedness.web;

import jp.hikeshi.preparedness.ReadinessList;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 平時の備え: one page for everything written down before the fire. Staff find the emergency
 * contacts and the wall card here; those who keep the register, the policy and the drills find
 * them with the readiness list that says what is still missing.
 */
@Controller
class PreparednessController {

	private final ReadinessList readiness;

	PreparednessController(ReadinessList readiness) {
		this.readiness = readiness;
	}

	@GetMapping("/preparedness")
	String preparedness(Authentication user, Model model) {
		if (keepsPreparation(user)) {
			model.addAttribute("readiness", this.readiness.lines());
		}
		return "preparedness/index";
	}

	/** The readiness list is for those who can act on it: the lead, the executive, the administrator. */
	private static boolean keepsPreparation(Authentication user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(role -> role.equals("ROLE_SECURITY_LEAD") || role.equals("ROLE_EXECUTIVE")
					|| role.equals("ROLE_ADMIN"));
	}

}
