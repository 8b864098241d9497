package jp.hikeshi.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.hikeshi.shared.ReadableTime;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words a notification in its reader's language: a headline, a sentence or two on what is needed,
 * and the link. Only what {@link Occurrence#params()} holds goes in — codes turned into labels,
 * dates in the company's zone, counts — never an incident's description or a person's data.
 */
@Component
class Messages {

	private final MessageSource messages;

	Messages(MessageSource messages) {
		this.messages = messages;
	}

	/** A notification worded: {@code subject} is the headline behind the product's name. */
	record Worded(String headline, String subject, String text) {
	}

	Worded word(Rule rule, String reference, Map<String, String> params, Locale locale, ZoneId zone) {
		String base = "notification." + base(rule) + ((params.get("variant") == null) ? "" : "." + params.get("variant"));
		Object[] args = { (reference == null) ? "" : reference, label(params.get("label"), locale),
				due(params, locale, zone), params.getOrDefault("minutes", ""), label(params.get("label2"), locale),
				(params.get("days") == null) ? 0 : Integer.parseInt(params.get("days")) };
		String headline = this.messages.getMessage(base + ".headline", args, locale);
		if (params.containsKey(Occurrence.DRILL)) {
			headline = this.messages.getMessage("notification.drill.headline", new Object[] { headline }, locale);
		}
		String text = (rule == Rule.DAILY_DIGEST) ? digest(params, locale)
				: this.messages.getMessage(base + ".text", args, locale);
		return new Worded(headline, this.messages.getMessage("notification.subject", new Object[] { headline }, locale),
				text);
	}

	/** The mail's body: what is needed, the link, and why the details are not in the mail. */
	String mailBody(Worded worded, String link, String settingsLink, Locale locale) {
		return worded.text() + "\n\n" + this.messages.getMessage("notification.mail.open", null, locale) + "\n" + link
				+ "\n\n-- \n" + this.messages.getMessage("notification.mail.footer", new Object[] { settingsLink }, locale)
				+ "\n";
	}

	String openLabel(Locale locale) {
		return this.messages.getMessage("notification.chat.open", null, locale);
	}

	private String digest(Map<String, String> params, Locale locale) {
		List<String> lines = new ArrayList<>();
		for (String part : List.of("triage", "decisions", "duties", "assigned", "measures")) {
			int count = Integer.parseInt(params.getOrDefault(part, "0"));
			if (count > 0) {
				lines.add("・" + this.messages.getMessage("notification.DAILY_DIGEST." + part, new Object[] { count }, locale));
			}
		}
		if (lines.isEmpty()) {
			lines.add(this.messages.getMessage("notification.DAILY_DIGEST.nothing", null, locale));
		}
		return String.join("\n", lines);
	}

	private String label(String code, Locale locale) {
		return (code == null) ? "" : this.messages.getMessage(code, null, code, locale);
	}

	private static String due(Map<String, String> params, Locale locale, ZoneId zone) {
		if (params.get("dueAt") != null) {
			return ReadableTime.dateTime(Instant.parse(params.get("dueAt")), zone, locale);
		}
		if (params.get("dueDay") != null) {
			return ReadableTime.day(LocalDate.parse(params.get("dueDay")), locale);
		}
		return "";
	}

	/** Both kinds of deadline reminder share their words. */
	private static String base(Rule rule) {
		return (rule == Rule.LEGAL_DEADLINE || rule == Rule.OTHER_DEADLINE) ? "deadline" : rule.name();
	}

}
