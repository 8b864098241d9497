package jp.hikeshi.home;

import jp.hikeshi.account.Actor;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.prevention.PreventionService;

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

	private final PreventionService prevention;

	HomeController(ReportingService reporting, PreventionService prevention) {
		this.reporting = reporting;
		this.prevention = prevention;
	}

	@GetMapping("/")
	String home(Authentication user, Model model) {
		model.addAttribute("duties",
				this.reporting.openDuties(Actor.of(user)).stream().limit(DUTIES_SHOWN).toList());
		model.addAttribute("measures", this.prevention.openMeasures(Actor.of(user)).stream().limit(DUTIES_SHOWN).toList());
		model.addAttribute("today", this.prevention.today());
		return "home/index";
	}

}
