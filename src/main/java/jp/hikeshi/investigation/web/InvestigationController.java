package jp.hikeshi.investigation.web;

import java.time.LocalDate;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.investigation.Investigation.FiveW1H;
import jp.hikeshi.investigation.Investigation.Remediation;
import jp.hikeshi.investigation.ContactService;
import jp.hikeshi.investigation.InvestigationService;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.PlainTextValidator;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 調査・対応: 5W1H, repairs, help from outside, reports to the executive. */
@Controller
class InvestigationController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final int LONG_TEXT = 2000;

	private final InvestigationService investigation;

	private final IncidentService incidents;

	private final AccountService accounts;

	private final ContactService contacts;

	InvestigationController(InvestigationService investigation, IncidentService incidents, AccountService accounts,
			ContactService contacts) {
		this.investigation = investigation;
		this.incidents = incidents;
		this.accounts = accounts;
		this.contacts = contacts;
	}

	@GetMapping("/incidents/{id}/investigation")
	String page(@PathVariable long id, Authentication user, Model model) {
		Actor actor = Actor.of(user);
		model.addAttribute("incident", this.incidents.find(id, actor));
		var investigation = this.investigation.of(id, actor);
		FiveW1H facts = investigation.facts();
		// the form's fields in the guide's order: いつ、どこで、誰が、誰を、何を、なぜ、どうした
		var fields = new java.util.LinkedHashMap<String, String>();
		fields.put("when", facts.when());
		fields.put("where", facts.where());
		fields.put("who", facts.who());
		fields.put("whom", facts.whom());
		fields.put("what", facts.what());
		fields.put("why", facts.why());
		fields.put("how", facts.how());
		model.addAttribute("investigation", investigation);
		model.addAttribute("fiveW1H", fields);
		model.addAttribute("startedOn", facts.startedOn());
		model.addAttribute("kinds", Remediation.Kind.values());
		model.addAttribute("owners", this.accounts.all().stream().filter(UserAccount::isEnabled).toList());
		model.addAttribute("today", LocalDate.now(this.incidents.zone()));
		model.addAttribute("contacts", this.contacts.all());
		return "investigation/page";
	}

	@PostMapping(path = "/incidents/{id}/investigation/facts", consumes = FORM)
	String facts(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String when,
			@RequestParam(required = false) String who, @RequestParam(required = false) String whom,
			@RequestParam(required = false) String what, @RequestParam(required = false) String how,
			@RequestParam(required = false) String why, @RequestParam(required = false) String where,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
			Authentication user, RedirectAttributes redirect) {
		if (!allPlain(when, who, whom, what, how, why, where)) {
			return invalid(id, redirect);
		}
		return attempt(id, redirect, "investigation.saved", () -> this.investigation.updateFacts(id, version,
				Actor.of(user), new FiveW1H(when, who, whom, what, how, why, where, startedOn)));
	}

	@PostMapping(path = "/incidents/{id}/investigation/remediations", consumes = FORM)
	String remediation(@PathVariable long id, @RequestParam(required = false) Remediation.Kind kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
			Authentication user, RedirectAttributes redirect) {
		if (!allPlain(description)) {
			return invalid(id, redirect);
		}
		return attempt(id, redirect, "remediation.added",
				() -> this.investigation.addRemediation(id, Actor.of(user), kind, description, owner, doneOn));
	}

	@PostMapping(path = "/incidents/{id}/investigation/remediations/{remediationId}/done", consumes = FORM)
	String remediationDone(@PathVariable long id, @PathVariable long remediationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
			Authentication user, RedirectAttributes redirect) {
		return attempt(id, redirect, "remediation.done",
				() -> this.investigation.completeRemediation(id, remediationId, Actor.of(user), doneOn));
	}

	@PostMapping(path = "/incidents/{id}/investigation/help", consumes = FORM)
	String help(@PathVariable long id, @RequestParam(required = false) String helper,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate askedOn,
			@RequestParam(required = false) String request, @RequestParam(required = false) String advice,
			Authentication user, RedirectAttributes redirect) {
		if (!allPlain(helper, request, advice)) {
			return invalid(id, redirect);
		}
		return attempt(id, redirect, "help.added",
				() -> this.investigation.addOutsideHelp(id, Actor.of(user), helper, askedOn, request, advice));
	}

	@PostMapping(path = "/incidents/{id}/investigation/executive-reports", consumes = FORM)
	String executiveReport(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
			@RequestParam(required = false) String summary, Authentication user, RedirectAttributes redirect) {
		if (!allPlain(summary)) {
			return invalid(id, redirect);
		}
		return attempt(id, redirect, "executiveReport.added",
				() -> this.investigation.addExecutiveReport(id, Actor.of(user), reportedOn, summary));
	}

	private String attempt(long id, RedirectAttributes redirect, String notice, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", violation.code());
		}
		catch (ObjectOptimisticLockingFailureException conflict) {
			redirect.addFlashAttribute("problem", "incident.conflict");
		}
		return back(id);
	}

	private String invalid(long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("problem", "investigation.textInvalid");
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/incidents/" + id + "/investigation";
	}

	/** Each text at most 2,000 characters, without control or invisible formatting characters. */
	private static boolean allPlain(String... texts) {
		for (String text : texts) {
			if (text != null && (text.length() > LONG_TEXT || !PlainTextValidator.isPlain(text, true))) {
				return false;
			}
		}
		return true;
	}

}
