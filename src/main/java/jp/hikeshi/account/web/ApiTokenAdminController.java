package jp.hikeshi.account.web;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiTokens;
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

/** The administrator sees every person's API tokens and revokes any (each revocation is audited). */
@Controller
@RequestMapping("/admin/tokens")
class ApiTokenAdminController {

	private final ApiTokens tokens;

	ApiTokenAdminController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("tokens", this.tokens.all());
		return "admin/tokens";
	}

	@PostMapping(path = "/{tokenId}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String revoke(@PathVariable long tokenId, Authentication admin, RedirectAttributes redirect) {
		this.tokens.revoke(tokenId, Actor.of(admin));
		redirect.addFlashAttribute("notice", Notice.of("apiToken.revoked"));
		return "redirect:/admin/tokens";
	}

}
