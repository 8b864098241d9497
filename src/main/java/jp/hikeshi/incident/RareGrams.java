package jp.hikeshi.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which of the words' grams the search asks the gram index (V49) for: the {@value #ASKED} rarest,
 * by the share of incidents ANALYZE found holding each (V53), read again every ten minutes. GIN
 * reads the whole posting list of every gram asked, and the grams of a reference ("in", "c-",
 * "20") or of digits are in most incidents; any of the grams gives a superset of the matches,
 * which the LIKE then checks, so the results do not depend on the choice. Before the first
 * ANALYZE nothing is known and every gram is asked, as before.
 */
@Component
class RareGrams {

	/** How many grams the index is asked for: two or three rare ones leave few candidates. */
	static final int ASKED = 3;

	private static final Duration FRESH = Duration.ofMinutes(10);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private volatile Frequencies frequencies;

	RareGrams(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The rarest few of the grams an incident must hold to contain these (lowered) words. */
	List<String> of(String words) {
		List<String> grams = new ArrayList<>(new LinkedHashSet<>(grams(words)));
		Map<String, Float> shares = frequencies().shares();
		if (grams.size() <= ASKED || shares.isEmpty()) {
			return grams;
		}
		// a gram not among the most common is rarer than any of them; the sort keeps ties in order
		grams.sort(Comparator.comparingDouble(gram -> shares.getOrDefault(gram, 0f)));
		return List.copyOf(grams.subList(0, ASKED));
	}

	/**
	 * The share of incidents holding the words, as far as ANALYZE's statistics tell it: for words
	 * of one or two characters, the share holding their one gram; 0 when that gram is rarer than
	 * the most common ones, for longer words (rare grams say little of the whole), or before the
	 * first ANALYZE.
	 */
	float shareOf(String words) {
		List<String> grams = grams(words);
		return (grams.size() == 1) ? frequencies().shares().getOrDefault(grams.get(0), 0f) : 0f;
	}

	/**
	 * The share of incidents holding the rarest of the grams an incident must hold to contain the
	 * words: at least the share holding the words themselves. 0 when one of the grams is rarer than
	 * the most common ones, or before the first ANALYZE.
	 */
	float rarestShare(String words) {
		Map<String, Float> shares = frequencies().shares();
		return (float) grams(words).stream().mapToDouble(gram -> shares.getOrDefault(gram, 0f)).min().orElse(0);
	}

	/**
	 * The grams an incident must hold to contain the words, as search_text_grams (V49) makes them:
	 * the character itself for one, its bigrams for more (characters as PostgreSQL counts them).
	 */
	static List<String> grams(String words) {
		int[] characters = words.codePoints().toArray();
		List<String> grams = new ArrayList<>();
		if (characters.length < 2) {
			grams.add(words);
			return grams;
		}
		for (int i = 0; i + 1 < characters.length; i++) {
			grams.add(new String(characters, i, 2));
		}
		return grams;
	}

	/** Reads the frequencies again at the next search (after an ANALYZE, in tests). */
	void forget() {
		this.frequencies = null;
	}

	private Frequencies frequencies() {
		Frequencies known = this.frequencies;
		Instant now = this.clock.instant();
		if (known == null || known.readAt().plus(FRESH).isBefore(now)) {
			Map<String, Float> shares = new HashMap<>();
			this.jdbc.query("select gram, frequency from incident_text_gram_frequencies()",
					row -> { shares.put(row.getString(1), row.getFloat(2)); });
			known = new Frequencies(Map.copyOf(shares), now);
			this.frequencies = known;
		}
		return known;
	}

	private record Frequencies(Map<String, Float> shares, Instant readAt) {
	}

}
