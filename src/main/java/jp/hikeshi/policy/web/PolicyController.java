package jp.hikeshi.policy.web;

import java.util.List;
import java.util.Locale;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.policy.PolicySection;
import jp.hikeshi.policy.PolicyVersion;
import jp.hikeshi.policy.ResponsePolicy;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 対応方針: everyone signed in reads the policy in force (staff too: "do not switch off, do not
 * pay"); the security lead, the administrator and the executive write the draft; the executive
 * approves it.
 */
@Controller
@RequestMapping("/preparedness/policy")
class PolicyController {

	private static final String DRAFT_PAGE = "policy/draft";

	private final ResponsePolicy policy;

	PolicyController(ResponsePolicy policy) {
		this.policy = policy;
	}

	@ModelAttribute("sections")
	List<PolicySection> sections() {
		return List.of(PolicySection.values());
	}

	@GetMapping
	String policy(Authentication user, Model model) {
		Actor actor = Actor.of(user);
		boolean writes = writes(actor);
		model.addAttribute("inForce", this.policy.inForce().orElse(null));
		model.addAttribute("draft", writes ? this.policy.draft().orElse(null) : null);
		model.addAttribute("versions", this.policy.versions().stream().filter(v -> writes || v.isApproved()).toList());
		model.addAttribute("mayWrite", writes);
		model.addAttribute("mayApprove", actor.has(Role.EXECUTIVE));
		return "policy/policy";
	}

	@GetMapping("/versions/{number}")
	String version(@PathVariable int number, Authentication user, Model model) {
		PolicyVersion version = this.policy.version(number)
			.filter(v -> v.isApproved() || writes(Actor.of(user)))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("version", version);
		model.addAttribute("inForce", this.policy.inForce().map(PolicyVersion::getNumber).orElse(null));
		return "policy/version";
	}

	@GetMapping("/draft")
	String draft(Locale locale, Model model) {
		PolicyVersion draft = this.policy.draft().orElse(null);
		model.addAttribute("form", PolicyForm.of(this.policy.startingTexts(locale),
				(draft != null) ? draft.getNumber() : null, (draft != null) ? draft.getVersion() : null));
		return DRAFT_PAGE;
	}

	@PostMapping("/draft")
	String write(@ModelAttribute("form") PolicyForm form, BindingResult errors, Authentication user,
			RedirectAttributes redirect) {
		form.check(errors);
		if (!Refusals.accepted(errors,
				() -> this.policy.write(form.getSections(), form.getNumber(), form.getVersion(), user.getName()))) {
			return DRAFT_PAGE;
		}
		redirect.addFlashAttribute("notice", Notice.of("policy.drafted"));
		return "redirect:/preparedness/policy";
	}

	/** A stale draft (changed or approved since the page was shown) answers with the conflict page. */
	@PostMapping("/approve")
	String approve(@RequestParam int number, @RequestParam long version, Authentication user,
			RedirectAttributes redirect) {
		try {
			PolicyVersion approved = this.policy.approve(number, version, Actor.of(user));
			redirect.addFlashAttribute("notice", Notice.of("policy.approved", approved.getNumber()));
		}
		catch (BusinessRuleViolation refused) {
			redirect.addFlashAttribute("problem", Notice.of(refused.code(), refused.arguments()));
		}
		return "redirect:/preparedness/policy";
	}

	private static boolean writes(Actor actor) {
		return actor.has(Role.SECURITY_LEAD) || actor.has(Role.ADMIN) || actor.has(Role.EXECUTIVE);
	}

}
