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
		String teamLink, int priority) {

	Occurrence {
		params = Map.copyOf(params);
	}

	static Occurrence of(Rule rule, String key, Long incidentId, String reference, Map<String, String> params,
			String link) {
		return new Occurrence(rule, key, incidentId, reference, params, link, null, rule.priority());
	}

	/** The same, sent ahead of everything else waiting (a report of something still happening, an overdue report). */
	Occurrence first() {
		return new Occurrence(this.rule, this.key, this.incidentId, this.reference, this.params, this.link, this.teamLink, 0);
	}

	/**
	 * The same, with the page for people who see only the incidents they work on (a responsible
	 * responder cannot open step 2's page, only the incident's).
	 */
	Occurrence withTeamLink(String teamLink) {
		return new Occurrence(this.rule, this.key, this.incidentId, this.reference, this.params, this.link, teamLink,
				this.priority);
	}

	/** The page this person can open. */
	String linkFor(jp.hikeshi.account.People.Recipient recipient) {
		return (this.teamLink == null || recipient.seesEverything()) ? this.link : this.teamLink;
	}

	/** The same, about a drill: every wording starts with 【訓練】 / [DRILL]. */
	Occurrence asDrill() {
		java.util.Map<String, String> marked = new java.util.HashMap<>(this.params);
		marked.put(DRILL, "1");
		return new Occurrence(this.rule, this.key, this.incidentId, this.reference, marked, this.link, this.teamLink,
				this.priority);
	}

	/** The parameter that marks an occurrence of a drill. */
	static final String DRILL = "drill";

	String variant() {
		return this.params.get("variant");
	}

}
