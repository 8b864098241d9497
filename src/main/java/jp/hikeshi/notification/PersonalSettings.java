package jp.hikeshi.notification;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One person's choices: the language of their messages, the daily digest, and the rules whose
 * mail they switched off (a mandatory rule cannot be).
 */
public record PersonalSettings(Locale language, boolean digest, Set<Rule> emailOff) {

	public PersonalSettings {
		Set<Rule> off = EnumSet.noneOf(Rule.class);
		emailOff.stream().filter(Rule::isPersonal).forEach(off::add);
		emailOff = Set.copyOf(off);
	}

	static PersonalSettings defaults() {
		return new PersonalSettings(Locale.JAPANESE, false, Set.of());
	}

	/** Whether this person gets the rule's mail (the digest only when asked for). */
	public boolean wantsEmail(Rule rule) {
		if (rule == Rule.DAILY_DIGEST) {
			return this.digest;
		}
		return rule.isMandatory() || !this.emailOff.contains(rule);
	}

}
