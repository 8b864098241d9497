package jp.hikeshi.register.web;

import jakarta.validation.Valid;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.register.ClientCompany;
import jp.hikeshi.register.ClientService;
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
 * The clients of the register (委託元), whose personal data the company processes and whom it
 * must tell when that data is concerned: kept by the security lead and the administrator, read
 * by the executive.
 */
@Controller
@RequestMapping("/preparedness/clients")
class ClientController {

	private static final String LIST = "register/clients";

	private static final String PAGE = "register/client";

	private final ClientService clients;

	ClientController(ClientService clients) {
		this.clients = clients;
	}

	@ModelAttribute("mayEdit")
	boolean mayEdit(Authentication user) {
		Actor actor = Actor.of(user);
		return actor.has(Role.SECURITY_LEAD) || actor.has(Role.ADMIN);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", ClientForm.empty());
		return showList(model);
	}

	@PostMapping
	String add(@Valid @ModelAttribute("form") ClientForm form, BindingResult errors, Authentication user, Model model,
			RedirectAttributes redirect) {
		if (!Refusals.accepted(errors, () -> this.clients.add(form.toDetails(), user.getName()))) {
			return showList(model);
		}
		redirect.addFlashAttribute("notice", Notice.of("client.added", form.name()));
		return "redirect:/preparedness/clients";
	}

	@GetMapping("/{clientId}")
	String page(@PathVariable("clientId") long id, Model model) {
		ClientCompany client = found(id);
		model.addAttribute("form", ClientForm.of(client));
		return page(client, model);
	}

	@PostMapping("/{clientId}")
	String change(@PathVariable("clientId") long id, @Valid @ModelAttribute("form") ClientForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		ClientCompany client = found(id);
		if (form.version() == null) {
			errors.reject(Refusals.CHANGED_MEANWHILE);
		}
		if (!Refusals.accepted(errors, () -> this.clients.change(id, form.version(), form.toDetails(), user.getName()))) {
			return page(client, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("client.changed", form.name()));
		return "redirect:/preparedness/clients/" + id;
	}

	@PostMapping("/{clientId}/remove")
	String remove(@PathVariable("clientId") long id, @RequestParam long version, Authentication user, RedirectAttributes redirect) {
		ClientCompany client = found(id);
		if (Refusals.flash(redirect, () -> this.clients.remove(id, version, user.getName()), "client.removed",
				client.getName())) {
			return "redirect:/preparedness/clients";
		}
		return "redirect:/preparedness/clients/" + id;
	}

	private String showList(Model model) {
		model.addAttribute("clients", this.clients.all());
		return LIST;
	}

	private String page(ClientCompany client, Model model) {
		model.addAttribute("client", client);
		model.addAttribute("systems", this.clients.systemsHoldingDataOf(client.getId()));
		return PAGE;
	}

	private ClientCompany found(long id) {
		return this.clients.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
