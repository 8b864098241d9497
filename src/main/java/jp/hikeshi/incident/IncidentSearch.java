package jp.hikeshi.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import jp.hikeshi.account.Actor;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;

import org.springframework.data.jpa.domain.Specification;

/**
 * The list page's filters; every part optional. Drills (訓練) are left out unless asked for
 * ({@code withDrills}).
 */
public record IncidentSearch(IncidentState state, IncidentState.Step step, Category category, Severity severity,
		String assignee, String text, java.time.Instant reportedFrom, java.time.Instant reportedBefore,
		boolean withDrills) {

	public IncidentSearch(IncidentState state, IncidentState.Step step, Category category, Severity severity,
			String assignee, String text, java.time.Instant reportedFrom, java.time.Instant reportedBefore) {
		this(state, step, category, severity, assignee, text, reportedFrom, reportedBefore, false);
	}

	public IncidentSearch(IncidentState state, IncidentState.Step step, Category category, Severity severity,
			String assignee, String text) {
		this(state, step, category, severity, assignee, text, null, null);
	}

	public static IncidentSearch none() {
		return new IncidentSearch(null, null, null, null, null, null);
	}

	/** The same filters, drills included. */
	public IncidentSearch includingDrills() {
		return new IncidentSearch(this.state, this.step, this.category, this.severity, this.assignee, this.text,
				this.reportedFrom, this.reportedBefore, true);
	}

	/** Whether words are searched for. */
	boolean hasText() {
		return this.text != null && !this.text.isBlank();
	}

	/** The words as the search compares them: trimmed and lowered, as each field is. */
	String words() {
		return this.text.trim().toLowerCase(Locale.ROOT);
	}

	/** The same filters without the words. */
	IncidentSearch withoutText() {
		return new IncidentSearch(this.state, this.step, this.category, this.severity, this.assignee, null,
				this.reportedFrom, this.reportedBefore, this.withDrills);
	}

	/**
	 * The gram index's condition (V49, V53): every incident containing the words holds these of
	 * their grams ({@link RareGrams}), a few that do not may too, so it only narrows what the LIKE
	 * of {@link #toSpecification} then checks.
	 */
	Specification<Incident> mayContainText(List<String> grams) {
		// the grams bound as a parameter (a criteria literal is written into the SQL)
		return (root, query, builder) -> builder.isTrue(builder.function("incident_text_holds", Boolean.class,
				root.get("title"), root.get("description"), root.get("reference"),
				((HibernateCriteriaBuilder) builder).value(grams.toArray(String[]::new))));
	}

	/**
	 * Whether lowering the fields can be left out: no character of the words has a case (kana,
	 * kanji, their punctuation, ASCII digits and signs), so lower() keeps each of them and makes
	 * none of them from another character, and a field contains the words exactly when its lowered
	 * self does. Lowering is most of what checking a row costs (three times the LIKE itself).
	 */
	boolean caseless() {
		return words().codePoints().allMatch(IncidentSearch::caseless);
	}

	private static boolean caseless(int c) {
		if (c < 0x80) {
			return !Character.isLetter(c);
		}
		Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
		return block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA
				|| block == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
				|| block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
				|| block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
				|| block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
				|| block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
				// half-width katakana and its punctuation
				|| (c >= 0xFF61 && c <= 0xFF9F);
	}

	Specification<Incident> toSpecification(Actor actor) {
		return (root, query, builder) -> {
			List<Predicate> where = new ArrayList<>();
			if (!actor.seesEverything()) {
				where.add(onTeam(actor.username()).toPredicate(root, query, builder));
			}
			if (this.category != null) {
				where.add(builder.equal(root.get("category"), this.category));
			}
			if (this.severity != null) {
				where.add(builder.equal(root.get("severity"), this.severity));
			}
			if (this.assignee != null && !this.assignee.isBlank()) {
				where.add(onTeam(this.assignee.trim()).toPredicate(root, query, builder));
			}
			if (!this.withDrills) {
				where.add(builder.isFalse(root.get("drill")));
			}
			where.addAll(reporterVisible(root, builder));
			return builder.and(where.toArray(Predicate[]::new));
		};
	}

	/**
	 * Among the reports this person made, the filters a reporter sees the values of: state,
	 * step, dates and text. Category, severity and assignee are the team's judgement and ignored.
	 */
	Specification<Incident> toOwnReportsSpecification(String username) {
		return (root, query, builder) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(builder.equal(root.get("reportedBy"), username));
			where.addAll(reporterVisible(root, builder));
			return builder.and(where.toArray(Predicate[]::new));
		};
	}

	/** The filters whose values a reporter sees on their own reports too. */
	private List<Predicate> reporterVisible(Root<Incident> root, CriteriaBuilder builder) {
		List<Predicate> where = new ArrayList<>();
		if (this.state != null) {
			where.add(builder.equal(root.get("state"), this.state));
		}
		if (this.step != null) {
			where.add(root.get("state")
				.in(Arrays.stream(IncidentState.values()).filter(s -> s.step() == this.step).toList()));
		}
		if (this.reportedFrom != null) {
			where.add(builder.greaterThanOrEqualTo(root.get("reportedAt"), this.reportedFrom));
		}
		if (this.reportedBefore != null) {
			where.add(builder.lessThan(root.get("reportedAt"), this.reportedBefore));
		}
		if (hasText()) {
			String pattern = "%" + escapeLike(words()) + "%";
			boolean caseless = caseless();
			where.add(builder.or(Stream.of("title", "description", "reference").map(field -> {
				Expression<String> text = root.get(field);
				return builder.like(caseless ? text : builder.lower(text), pattern, '\\');
			}).toArray(Predicate[]::new)));
		}
		return where;
	}

	/**
	 * The incidents this person is responsible for or on the team of (V56): found first from the
	 * two indexes, then read by id, not asked of every incident in turn.
	 */
	private static Specification<Incident> onTeam(String username) {
		// the name bound as a parameter (a criteria literal is written into the SQL)
		return (root, query, builder) -> builder.isTrue(builder.function("incident_on_team", Boolean.class,
				root.get("id"), ((HibernateCriteriaBuilder) builder).value(username)));
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
