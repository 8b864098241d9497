package jp.hikeshi.notification.web;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import jp.hikeshi.notification.IntegrationEvent;
import jp.hikeshi.notification.IntegrationWebhooks;
import jp.hikeshi.shared.PlainText;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's integrations: the endpoints that receive signed events, each with its
 * events; adding one shows its signing secret once; each has a test button and a delivery log.
 */
@Controller
class IntegrationAdminController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final IntegrationWebhooks integrations;

	IntegrationAdminController(IntegrationWebhooks integrations) {
		this.integrations = integrations;
	}

	/** An endpoint to add, kept as typed until it is accepted. */
	record EndpointForm(@NotBlank @Size(max = 100) @PlainText String name,
			@NotBlank @Size(max = 1000) @PlainText String url, @NotEmpty Set<IntegrationEvent> events) {

		static EndpointForm empty() {
			return new EndpointForm(null, null, Set.of());
		}

	}

	@GetMapping("/admin/integrations")
	String list(Model model) {
		if (!model.containsAttribute("endpoint")) {
			model.addAttribute("endpoint", EndpointForm.empty());
		}
		model.addAttribute("endpoints", this.integrations.list());
		model.addAttribute("integrationEvents", IntegrationEvent.subscribable());
		return "admin/integrations";
	}

	@PostMapping(path = "/admin/integrations", consumes = FORM)
	String add(@Valid @ModelAttribute("endpoint") EndpointForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		AtomicReference<IntegrationWebhooks.Created> created = new AtomicReference<>();
		if (!Refusals.accepted(errors,
				() -> created.set(this.integrations.create(form.name(), form.url(), form.events(), user.getName())))) {
			return list(model);
		}
		redirect.addFlashAttribute("notice", Notice.of("integration.added"));
		// shown once, on the next page; never stored in clear, never shown again
		redirect.addFlashAttribute("secret", created.get().secret());
		return "redirect:/admin/integrations/" + created.get().endpoint().id();
	}

	@GetMapping("/admin/integrations/{endpointId}")
	String endpoint(@PathVariable long endpointId, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("endpoint", this.integrations.get(endpointId));
		model.addAttribute("deliveries", this.integrations.deliveries(endpointId, page));
		return "admin/integration";
	}

	@PostMapping(path = "/admin/integrations/{endpointId}/test", consumes = FORM)
	String test(@PathVariable long endpointId, Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.integrations.sendTest(endpointId, user.getName()), "integration.testQueued");
		return "redirect:/admin/integrations/" + endpointId;
	}

	@PostMapping(path = "/admin/integrations/{endpointId}/disable", consumes = FORM)
	String disable(@PathVariable long endpointId, Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.integrations.enable(endpointId, false, user.getName()),
				"integration.switchedOff");
		return "redirect:/admin/integrations/" + endpointId;
	}

	@PostMapping(path = "/admin/integrations/{endpointId}/enable", consumes = FORM)
	String enable(@PathVariable long endpointId, Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.integrations.enable(endpointId, true, user.getName()),
				"integration.switchedOn");
		return "redirect:/admin/integrations/" + endpointId;
	}

	@PostMapping(path = "/admin/integrations/{endpointId}/delete", consumes = FORM)
	String delete(@PathVariable long endpointId, Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.integrations.delete(endpointId, user.getName()), "integration.removed");
		return "redirect:/admin/integrations";
	}

}
