package jp.hikeshi.notification.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.notification.CompanySettings;
import jp.hikeshi.notification.PersonalSettings;
import jp.hikeshi.notification.Rule;
import jp.hikeshi.notification.WebhookKind;
import jp.hikeshi.shared.PlainText;

/** The forms of the notification pages: what is typed, kept as typed until it is accepted. */
final class NotificationForms {

	private NotificationForms() {
	}

	/**
	 * The administrator's settings. {@code emailRules} and {@code chatRules} are the rules ticked;
	 * mandatory ones are shown ticked and disabled, and kept on whatever is sent.
	 */
	record CompanyForm(@Size(max = 254) @PlainText String sender, @Size(max = 200) @PlainText String publicBaseUrl,
			@NotNull @Min(5) @Max(1440) Integer triageTimeoutMinutes, @NotNull @Min(0) @Max(23) Integer digestHour,
			Set<Rule> emailRules, Set<Rule> chatRules, Long version) {

		static CompanyForm of(CompanySettings settings) {
			Set<Rule> email = EnumSet.noneOf(Rule.class);
			Set<Rule> chat = EnumSet.noneOf(Rule.class);
			settings.rules().forEach((rule, channels) -> {
				if (channels.email()) {
					email.add(rule);
				}
				if (channels.chat()) {
					chat.add(rule);
				}
			});
			return new CompanyForm(settings.sender(), settings.publicBaseUrl(), settings.triageTimeoutMinutes(),
					settings.digestHour(), email, chat, settings.version());
		}

		CompanySettings toSettings() {
			Map<Rule, CompanySettings.Channels> rules = new EnumMap<>(Rule.class);
			for (Rule rule : Rule.values()) {
				rules.put(rule, new CompanySettings.Channels(has(this.emailRules, rule), has(this.chatRules, rule)));
			}
			// without the version the page was loaded with, the save is refused as a change made meanwhile
			return new CompanySettings(this.sender, this.publicBaseUrl, this.triageTimeoutMinutes, this.digestHour, rules,
					(this.version == null) ? -1 : this.version);
		}

		private static boolean has(Set<Rule> rules, Rule rule) {
			return rules != null && rules.contains(rule);
		}

	}

	/** A chat webhook to add. The URL is a secret: it is never shown again, only its hint. */
	record WebhookForm(@NotNull WebhookKind kind, @NotBlank @Size(max = 100) @PlainText String name,
			@NotBlank @Size(max = 1000) @PlainText String url, @NotBlank String language) {

		static WebhookForm empty() {
			return new WebhookForm(null, null, null, "ja");
		}

	}

	/** Where to send the test mail: the administrator's own address unless another is typed. */
	record TestMailForm(@NotBlank @Size(max = 254) @PlainText String to) {
	}

	/** One's own settings. {@code emailRules}: the rules whose mail one wants (mandatory ones always). */
	record PersonalForm(@NotBlank String language, Boolean digest, Set<Rule> emailRules) {

		static PersonalForm of(PersonalSettings settings) {
			Set<Rule> wanted = EnumSet.noneOf(Rule.class);
			for (Rule rule : Rule.values()) {
				if (rule != Rule.DAILY_DIGEST && settings.wantsEmail(rule)) {
					wanted.add(rule);
				}
			}
			return new PersonalForm(settings.language().getLanguage(), settings.digest(), wanted);
		}

		PersonalSettings toSettings() {
			List<Rule> off = new ArrayList<>();
			for (Rule rule : Rule.values()) {
				if (rule.isPersonal() && (this.emailRules == null || !this.emailRules.contains(rule))) {
					off.add(rule);
				}
			}
			return new PersonalSettings(Locale.forLanguageTag(this.language), Boolean.TRUE.equals(this.digest), Set.copyOf(off));
		}

	}

}
