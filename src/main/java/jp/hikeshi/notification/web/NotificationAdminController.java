package jp.hikeshi.notification.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.notification.DeliveryState;
import jp.hikeshi.notification.Failure;
import jp.hikeshi.notification.NotificationLog;
import jp.hikeshi.notification.NotificationSettings;
import jp.hikeshi.notification.Rule;
import jp.hikeshi.notification.TrialMessages;
import jp.hikeshi.notification.WebhookKind;
import jp.hikeshi.notification.Webhooks;
import jp.hikeshi.notification.web.NotificationForms.CompanyForm;
import jp.hikeshi.notification.web.NotificationForms.TestMailForm;
import jp.hikeshi.notification.web.NotificationForms.WebhookForm;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;
import jp.hikeshi.shared.web.Paging;

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
 * The administrator's notification settings (sender, public address, triage timeout, which rows
 * of the table send mail and chat), the chat webhooks, a test message, and the log of what was
 * sent with a way to resend what failed.
 */
@Controller
class NotificationAdminController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private static final String SETTINGS = "redirect:/admin/notifications";

	private final NotificationSettings settings;

	private final Webhooks webhooks;

	private final TrialMessages trials;

	private final NotificationLog log;

	private final AccountService accounts;

	NotificationAdminController(NotificationSettings settings, Webhooks webhooks, TrialMessages trials,
			NotificationLog log, AccountService accounts) {
		this.settings = settings;
		this.webhooks = webhooks;
		this.trials = trials;
		this.log = log;
		this.accounts = accounts;
	}

	@GetMapping("/admin/notifications")
	String settings(Authentication user, Model model) {
		if (!model.containsAttribute("company")) {
			model.addAttribute("company", CompanyForm.of(this.settings.company()));
		}
		if (!model.containsAttribute("webhook")) {
			model.addAttribute("webhook", WebhookForm.empty());
		}
		if (!model.containsAttribute("testMail")) {
			String own = this.accounts.findByUsername(user.getName()).map(UserAccount::getEmail).orElse(null);
			model.addAttribute("testMail", new TestMailForm(own));
		}
		model.addAttribute("rules", List.of(Rule.values()));
		model.addAttribute("webhooks", this.webhooks.all());
		model.addAttribute("webhookKinds", List.of(WebhookKind.values()));
		model.addAttribute("mailServer", this.trials.mailServerConfigured());
		model.addAttribute("counts", this.log.counts());
		model.addAttribute("recentFailure", this.log.recentFailure());
		model.addAttribute("effectiveSender", this.settings.sender());
		model.addAttribute("effectiveBaseUrl", this.settings.publicBaseUrl());
		return "admin/notifications";
	}

	@PostMapping(path = "/admin/notifications", consumes = FORM)
	String save(@Valid @ModelAttribute("company") CompanyForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("sender") && form.sender() != null && !form.sender().isBlank()
				&& !NotificationSettings.isSingleAddress(form.sender())) {
			errors.rejectValue("sender", "notification.settings.sender.invalid");
		}
		if (!errors.hasFieldErrors("publicBaseUrl") && form.publicBaseUrl() != null && !form.publicBaseUrl().isBlank()
				&& !isWebAddress(form.publicBaseUrl())) {
			errors.rejectValue("publicBaseUrl", "notification.settings.baseUrl.invalid");
		}
		if (!Refusals.accepted(errors, () -> this.settings.saveCompany(form.toSettings(), user.getName()))) {
			return settings(user, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("notification.settings.saved"));
		return SETTINGS;
	}

	@PostMapping(path = "/admin/notifications/webhooks", consumes = FORM)
	String addWebhook(@Valid @ModelAttribute("webhook") WebhookForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("language") && !("ja".equals(form.language()) || "en".equals(form.language()))) {
			errors.rejectValue("language", "notification.webhook.language.invalid");
		}
		if (!Refusals.accepted(errors, () -> this.webhooks.add(form.kind(), form.name(), form.url(),
				Locale.forLanguageTag(form.language()), user.getName()))) {
			return settings(user, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("notification.webhook.added"));
		return SETTINGS;
	}

	@PostMapping(path = "/admin/notifications/webhooks/{id}/delete", consumes = FORM)
	String removeWebhook(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.webhooks.remove(id, user.getName()), "notification.webhook.removed");
		return SETTINGS;
	}

	@PostMapping(path = "/admin/notifications/webhooks/{id}/test", consumes = FORM)
	String testWebhook(@PathVariable long id, RedirectAttributes redirect) {
		Failure failure = this.trials.webhook(id);
		redirect.addFlashAttribute((failure == null) ? "notice" : "problem", (failure == null)
				? Notice.of("notification.test.chatSent")
				: Notice.of("notification.test.failed", Notice.of("Failure." + failure.name())));
		return SETTINGS;
	}

	@PostMapping(path = "/admin/notifications/test", consumes = FORM)
	String testMail(@Valid @ModelAttribute("testMail") TestMailForm form, BindingResult errors, Authentication user,
			Model model, Locale locale, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("to") && !NotificationSettings.isSingleAddress(form.to())) {
			errors.rejectValue("to", "notification.test.to.invalid");
		}
		if (errors.hasErrors()) {
			return settings(user, model);
		}
		Failure failure = this.trials.mail(form.to(), locale);
		if (failure != null) {
			errors.rejectValue("to", "notification.test.failed", new Object[] { Notice.of("Failure." + failure.name()) },
					null);
			return settings(user, model);
		}
		redirect.addFlashAttribute("notice", Notice.of("notification.test.mailSent"));
		return SETTINGS;
	}

	@GetMapping("/admin/notifications/log")
	String log(@RequestParam(required = false) DeliveryState state, @RequestParam(defaultValue = "0") int page,
			Model model) {
		List<NotificationLog.Entry> entries = this.log.page(state, page);
		model.addAttribute("entries", entries.stream().limit(NotificationLog.PAGE_SIZE).toList());
		model.addAttribute("hasNext", entries.size() > NotificationLog.PAGE_SIZE);
		model.addAttribute("page", Paging.page(page));
		model.addAttribute("state", state);
		model.addAttribute("states", List.of(DeliveryState.values()));
		return "admin/notification-log";
	}

	@PostMapping(path = "/admin/notifications/log/{id}/resend", consumes = FORM)
	String resend(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
		Refusals.flash(redirect, () -> this.log.resend(id, user.getName()), "notification.log.resent");
		return "redirect:/admin/notifications/log";
	}

	private static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url.strip());
			return uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
					&& uri.getUserInfo() == null && uri.getQuery() == null && uri.getFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
