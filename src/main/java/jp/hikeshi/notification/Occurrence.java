package jp.hikeshi.notification;

import java.util.Map;

/**
 * Something people are told about, once: the rule it falls under, a key that names it (the same
 * key is never notified twice), the incident's reference, what else the message says (codes,
 * dates, counts, rendered in each reader's language) and the page that answers it.
 * @param key e.g. {@code incident:12:reported}, {@code duty:7:DUE_TODAY:2026-12-03}
 * @param params what the message needs besides the reference; {@code variant} picks its wording
 * @param link the path of the page, without the base URL
 */
record Occurrence(Rule rule, String key, Long incidentId, String reference, Map<String, String> params, String link,
		int priority) {

	Occurrence {
		params = Map.copyOf(params);
	}

	static Occurrence of(Rule rule, String key, Long incidentId, String reference, Map<String, String> params,
			String link) {
		return new Occurrence(rule, key, incidentId, reference, params, link, rule.priority());
	}

	Occurrence first() {
		return new Occurrence(this.rule, this.key, this.incidentId, this.reference, this.params, this.link, 0);
	}

	String variant() {
		return this.params.get("variant");
	}

}
