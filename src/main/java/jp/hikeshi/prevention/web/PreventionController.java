package jp.hikeshi.prevention.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.prevention.RootCause;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.PlainTextValidator;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Root causes and prevention measures of an incident, and every measure still open. */
@Controller
class PreventionController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final PreventionService prevention;

	private final IncidentService incidents;

	private final AccountService accounts;

	PreventionController(PreventionService prevention, IncidentService incidents, AccountService accounts) {
		this.prevention = prevention;
		this.incidents = incidents;
		this.accounts = accounts;
	}

	@GetMapping("/measures")
	String open(Authentication user, Model model) {
		model.addAttribute("measures", this.prevention.openMeasures(Actor.of(user)));
		model.addAttribute("today", this.prevention.today());
		return "prevention/measures";
	}

	@GetMapping("/incidents/{id}/prevention-plan")
	String plan(@PathVariable long id, Authentication user, Model model) {
		Actor actor = Actor.of(user);
		model.addAttribute("incident", this.incidents.find(id, actor));
		model.addAttribute("causes", this.prevention.rootCauses(id, actor));
		model.addAttribute("allCauses", RootCause.values());
		model.addAttribute("measures", this.prevention.measuresOf(id, actor));
		model.addAttribute("kinds", Measure.Kind.values());
		model.addAttribute("owners", this.accounts.all().stream().filter(UserAccount::isEnabled).toList());
		model.addAttribute("today", this.prevention.today());
		return "prevention/plan";
	}

	@PostMapping(path = "/incidents/{id}/root-causes", consumes = FORM)
	String rootCauses(@PathVariable long id, @RequestParam(name = "causes", required = false) List<RootCause> causes,
			Authentication user, RedirectAttributes redirect) {
		Set<RootCause> chosen = (causes == null || causes.isEmpty()) ? EnumSet.noneOf(RootCause.class)
				: EnumSet.copyOf(causes);
		return attempt(id, redirect, "rootCauses.saved",
				() -> this.prevention.setRootCauses(id, Actor.of(user), chosen));
	}

	@PostMapping(path = "/incidents/{id}/measures", consumes = FORM)
	String addMeasure(@PathVariable long id, @RequestParam(required = false) Measure.Kind kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			Authentication user, RedirectAttributes redirect) {
		if (description != null && (description.length() > 1000 || !plain(description))) {
			redirect.addFlashAttribute("problem", "measure.descriptionInvalid");
			return back(id);
		}
		return attempt(id, redirect, "measure.added",
				() -> this.prevention.addMeasure(id, Actor.of(user), kind, description, owner, dueOn));
	}

	@PostMapping(path = "/incidents/{id}/measures/{measureId}/done", consumes = FORM)
	String done(@PathVariable long id, @PathVariable long measureId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
			Authentication user, RedirectAttributes redirect) {
		return attempt(id, redirect, "measure.done",
				() -> this.prevention.complete(id, measureId, Actor.of(user), doneOn));
	}

	/** The owner marks their measure done from the list of open measures. */
	@PostMapping(path = "/measures/{incidentId}/{measureId}/done", consumes = FORM)
	String doneFromList(@PathVariable long incidentId, @PathVariable long measureId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
			Authentication user, RedirectAttributes redirect) {
		try {
			this.prevention.complete(incidentId, measureId, Actor.of(user), doneOn);
			redirect.addFlashAttribute("notice", "measure.done");
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		return "redirect:/measures";
	}

	private String attempt(long id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/incidents/" + id + "/prevention-plan";
	}

	private static boolean plain(String text) {
		return PlainTextValidator.isPlain(text, true);
	}

}
