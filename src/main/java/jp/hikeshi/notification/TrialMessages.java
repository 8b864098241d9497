package jp.hikeshi.notification;

import java.util.Locale;
import java.util.Map;

import jp.hikeshi.organisation.OrganisationService;

import org.springframework.stereotype.Component;

/**
 * The settings page's "send a test": a mail or a chat message sent at once, outside the outbox,
 * so the administrator sees straight away what goes wrong, in plain words.
 */
@Component
public class TrialMessages {

	private final MailChannel mail;

	private final ChatChannel chat;

	private final Webhooks webhooks;

	private final Messages messages;

	private final NotificationSettings settings;

	private final OrganisationService organisations;

	TrialMessages(MailChannel mail, ChatChannel chat, Webhooks webhooks, Messages messages,
			NotificationSettings settings, OrganisationService organisations) {
		this.mail = mail;
		this.chat = chat;
		this.webhooks = webhooks;
		this.messages = messages;
		this.settings = settings;
		this.organisations = organisations;
	}

	public boolean mailServerConfigured() {
		return this.mail.isConfigured();
	}

	/** @return {@code null} when the mail server accepted it, else what went wrong */
	public Failure mail(String to, Locale locale) {
		Messages.Worded worded = this.messages.word(Rule.NEW_REPORT, null, Map.of("variant", "trial"), locale,
				this.organisations.timeZone());
		String base = this.settings.publicBaseUrl();
		try {
			this.mail.send(this.settings.sender(), to, worded.subject(),
					this.messages.mailBody(worded, base + "/", base + "/account/notifications", locale));
			return null;
		}
		catch (DeliveryFailed ex) {
			return ex.failure();
		}
	}

	/** @return {@code null} when the chat service accepted it, else what went wrong */
	public Failure webhook(long id) {
		Webhooks.Target target = this.webhooks.target(id).orElse(null);
		if (target == null) {
			return Failure.WEBHOOK_REMOVED;
		}
		Messages.Worded worded = this.messages.word(Rule.NEW_REPORT, null, Map.of("variant", "trial"), target.language(),
				this.organisations.timeZone());
		try {
			this.chat.post(target, target.kind().payload(worded.headline(), worded.text(),
					this.settings.publicBaseUrl() + "/", this.messages.openLabel(target.language())));
			return null;
		}
		catch (DeliveryFailed ex) {
			return ex.failure();
		}
	}

}
