package jp.hikeshi.account.web;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.Role;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each person's own API tokens: the list, a new one (its secret shown on the next page, once)
 * and revoking one. Someone else's token does not exist here, whatever the person's roles; the
 * administrator revokes other people's tokens on their own page.
 */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenController {

	private static final String PAGE = "account/tokens";

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final ApiTokens tokens;

	/** Where people reach Hikeshi: never read from the request's Host, which the sender chooses. */
	private final String apiBase;

	ApiTokenController(ApiTokens tokens, @Value("${hikeshi.public-base-url:http://localhost:8080}") String baseUrl) {
		this.tokens = tokens;
		String base = baseUrl.strip();
		this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	@GetMapping
	String list(Authentication user, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ApiTokenForm.empty());
		}
		return page(user, model);
	}

	@PostMapping(consumes = FORM)
	String create(@Valid @ModelAttribute("form") ApiTokenForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		AtomicReference<ApiTokens.Created> created = new AtomicReference<>();
		if (!Refusals.accepted(errors,
				() -> created.set(this.tokens.create(Actor.of(user), form.name(), form.days())))) {
			return page(user, model);
		}
		// shown once, on the page the redirect leads to; a reload shows it no more
		redirect.addFlashAttribute("created", ApiTokenForm.Shown.of(created.get()));
		return "redirect:/account/tokens";
	}

	@PostMapping(path = "/{tokenId}/revoke", consumes = FORM)
	String revoke(@PathVariable long tokenId, Authentication user, RedirectAttributes redirect) {
		this.tokens.revoke(tokenId, owner(user));
		redirect.addFlashAttribute("notice", Notice.of("apiToken.revoked"));
		return "redirect:/account/tokens";
	}

	private String page(Authentication user, Model model) {
		model.addAttribute("tokens", this.tokens.mine(owner(user)));
		model.addAttribute("apiBase", this.apiBase);
		model.addAttribute("maxDays", ApiTokens.MAX_DAYS);
		model.addAttribute("defaultDays", ApiTokens.DEFAULT_DAYS);
		return PAGE;
	}

	/** The person as the owner of their tokens only: here even an administrator touches only their own. */
	private static Actor owner(Authentication user) {
		return new Actor(user.getName(), Set.<Role>of());
	}

}
