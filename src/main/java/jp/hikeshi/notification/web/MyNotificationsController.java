package jp.hikeshi.notification.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;

import jp.hikeshi.notification.CompanySettings;
import jp.hikeshi.notification.Inbox;
import jp.hikeshi.notification.NotificationSettings;
import jp.hikeshi.notification.PersonalSettings;
import jp.hikeshi.notification.Rule;
import jp.hikeshi.notification.web.NotificationForms.PersonalForm;
import jp.hikeshi.shared.web.Notice;
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

/** Each person's notifications (the page behind the bell) and their own notification settings. */
@Controller
class MyNotificationsController {

	private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

	private final Inbox inbox;

	private final NotificationSettings settings;

	MyNotificationsController(Inbox inbox, NotificationSettings settings) {
		this.inbox = inbox;
		this.settings = settings;
	}

	@GetMapping("/notifications")
	String list(@RequestParam(defaultValue = "0") int page, Authentication user, Locale locale, Model model) {
		List<Inbox.Item> items = this.inbox.page(user.getName(), page, locale);
		model.addAttribute("items", items.stream().limit(Inbox.PAGE_SIZE).toList());
		model.addAttribute("hasNext", items.size() > Inbox.PAGE_SIZE);
		model.addAttribute("page", Paging.page(page));
		return "notification/list";
	}

	/** Opens a notification: marks it read and goes to its page; someone else's is not found. */
	@PostMapping(path = "/notifications/{id}/open", consumes = FORM)
	String open(@PathVariable long id, Authentication user) {
		return this.inbox.open(user.getName(), id)
			.map(link -> "redirect:" + link)
			.orElseThrow(() -> new NotificationNotFound(id));
	}

	@PostMapping(path = "/notifications/read", consumes = FORM)
	String readAll(Authentication user, RedirectAttributes redirect) {
		this.inbox.readAll(user.getName());
		redirect.addFlashAttribute("notice", Notice.of("notification.inbox.allRead"));
		return "redirect:/notifications";
	}

	@GetMapping("/account/notifications")
	String settings(Authentication user, Model model) {
		if (!model.containsAttribute("personal")) {
			model.addAttribute("personal", PersonalForm.of(this.settings.personal(user.getName())));
		}
		model.addAttribute("rules", List.of(Rule.values()).stream().filter(rule -> rule != Rule.DAILY_DIGEST).toList());
		model.addAttribute("company", this.settings.company());
		return "notification/settings";
	}

	/**
	 * A rule the company sends no mail for is shown greyed, so the browser sends nothing for it:
	 * the person's earlier choice stays, ready for the day the company switches it back on.
	 */
	private PersonalSettings keepingWhatWasNotShown(PersonalSettings submitted, String username) {
		CompanySettings company = this.settings.company();
		PersonalSettings before = this.settings.personal(username);
		Set<Rule> off = EnumSet.noneOf(Rule.class);
		for (Rule rule : Rule.values()) {
			boolean shown = company.channelsOf(rule).email();
			if (shown ? submitted.emailOff().contains(rule) : before.emailOff().contains(rule)) {
				off.add(rule);
			}
		}
		return new PersonalSettings(submitted.language(), submitted.digest(), off);
	}

	@PostMapping(path = "/account/notifications", consumes = FORM)
	String save(@Valid @ModelAttribute("personal") PersonalForm form, BindingResult errors, Authentication user,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("language") && !("ja".equals(form.language()) || "en".equals(form.language()))) {
			errors.rejectValue("language", "notification.personal.language.invalid");
		}
		if (errors.hasErrors()) {
			return settings(user, model);
		}
		this.settings.savePersonal(user.getName(), keepingWhatWasNotShown(form.toSettings(), user.getName()));
		redirect.addFlashAttribute("notice", Notice.of("notification.personal.saved"));
		return "redirect:/account/notifications";
	}

}
