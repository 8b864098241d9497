package jp.hikeshi.notification;

import java.util.EnumMap;
import java.util.Map;

/**
 * The administrator's choices for notifications.
 * @param sender the From address of mails ({@code null}: the configured default)
 * @param publicBaseUrl where people open Hikeshi, for the links in mails and chat ({@code null}: the configured default)
 * @param triageTimeoutMinutes after how long an untaken report is escalated to the executives by mail
 * @param digestHour the hour, in the company's zone, of the daily digest
 * @param rules each rule's channels, mandatory ones forced on
 */
public record CompanySettings(String sender, String publicBaseUrl, int triageTimeoutMinutes, int digestHour,
		Map<Rule, Channels> rules, long version) {

	public CompanySettings {
		Map<Rule, Channels> all = new EnumMap<>(Rule.class);
		for (Rule rule : Rule.values()) {
			Channels chosen = rules.getOrDefault(rule, Channels.defaultsOf(rule));
			all.put(rule, new Channels(chosen.email() || rule.isMandatory(),
					rule.isChatAllowed() && (chosen.chat() || rule.isChatLocked())));
		}
		rules = Map.copyOf(all);
	}

	public Channels channelsOf(Rule rule) {
		return this.rules.get(rule);
	}

	/** Whether a rule sends mail and posts to chat, for the whole company. */
	public record Channels(boolean email, boolean chat) {

		static Channels defaultsOf(Rule rule) {
			return new Channels(rule.emailByDefault(), rule.chatByDefault());
		}

	}

}
