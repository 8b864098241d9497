package jp.hikeshi.home;

import jp.hikeshi.incident.Actor;
import jp.hikeshi.notification.ReportingService;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after sign-in: what each of the user's roles can do from here, and for the
 * security lead and the executive the reports due soonest.
 */
@Controller
class HomeController {

	private static final int DUTIES_SHOWN = 8;

	private final ReportingService reporting;

	HomeController(ReportingService reporting) {
		this.reporting = reporting;
	}

	@GetMapping("/")
	String home(Authentication user, Model model) {
		model.addAttribute("duties",
				this.reporting.openDuties(Actor.of(user)).stream().limit(DUTIES_SHOWN).toList());
		return "home/index";
	}

}
