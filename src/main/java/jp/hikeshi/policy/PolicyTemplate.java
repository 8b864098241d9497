package jp.hikeshi.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The starting text of each section, in Hikeshi's own words after the structure of IPA's sample
 * rules (付録5): in the message bundles ({@code policy.template.<SECTION>}), so that a first
 * draft starts in the reader's language. A company writes over it: approving it unchanged is
 * refused.
 */
@Component
class PolicyTemplate {

	private final MessageSource messages;

	PolicyTemplate(MessageSource messages) {
		this.messages = messages;
	}

	Map<PolicySection, String> texts(Locale locale) {
		Map<PolicySection, String> texts = new EnumMap<>(PolicySection.class);
		for (PolicySection section : PolicySection.values()) {
			texts.put(section, this.messages.getMessage("policy.template." + section, null, locale));
		}
		return texts;
	}

	/** Both languages' templates. */
	List<Map<PolicySection, String>> all() {
		return List.of(texts(Locale.JAPANESE), texts(Locale.ENGLISH));
	}

}
