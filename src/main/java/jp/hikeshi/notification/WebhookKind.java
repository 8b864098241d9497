package jp.hikeshi.notification;

import java.util.List;
import java.util.Map;

/** The chat services whose incoming webhooks Hikeshi posts to, each with its message shape. */
public enum WebhookKind {

	/** A Teams workflow ("When a Teams webhook request is received"): an Adaptive Card. */
	TEAMS("webhook.office.com", "logic.azure.com", "powerplatform.com", "powerautomate.com"),
	/** A Slack app's incoming webhook: text with a link in Slack's markup. */
	SLACK("hooks.slack.com"),
	/** A Google Chat space's incoming webhook: plain text, links made clickable by Chat. */
	GOOGLE_CHAT("chat.googleapis.com");

	private final List<String> hosts;

	WebhookKind(String... hosts) {
		this.hosts = List.of(hosts);
	}

	/**
	 * Whether the service's webhooks live on this host (or a subdomain of one of its hosts): a
	 * webhook cannot be aimed at the company's own network from the server Hikeshi runs on.
	 */
	boolean serves(String host) {
		String lower = host.toLowerCase(java.util.Locale.ROOT);
		return this.hosts.stream().anyMatch(known -> lower.equals(known) || lower.endsWith("." + known));
	}

	/** The JSON body for a short message: a headline, what to do, and the link. */
	String payload(String headline, String text, String link, String linkLabel) {
		Object body = switch (this) {
			case TEAMS -> Map.of("type", "message", "attachments", List.of(Map.of("contentType",
					"application/vnd.microsoft.card.adaptive", "content",
					Map.of("type", "AdaptiveCard", "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
							"version", "1.4", "body",
							List.of(Map.of("type", "TextBlock", "text", headline, "weight", "Bolder", "wrap", true),
									Map.of("type", "TextBlock", "text", text, "wrap", true)),
							"actions", List.of(Map.of("type", "Action.OpenUrl", "title", linkLabel, "url", link))))));
			case SLACK -> Map.of("text", "*" + slack(headline) + "*\n" + slack(text) + "\n<" + link + "|" + slack(linkLabel) + ">");
			case GOOGLE_CHAT -> Map.of("text", "*" + headline + "*\n" + text + "\n" + link);
		};
		return Notifier.JSON.writeValueAsString(body);
	}

	/** Slack reads &, < and > as markup. */
	private static String slack(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
