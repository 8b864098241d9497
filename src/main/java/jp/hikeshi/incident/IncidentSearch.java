package jp.hikeshi.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

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
	 * Whether the words hold a newline, and so could match across two of the fields joined in
	 * {@code search_text} (V58): such words are compared with each field lowered on its own,
	 * which costs three times as much a row.
	 */
	boolean spansLines() {
		return words().indexOf('\n') >= 0;
	}

	/**
	 * The incidents a person is responsible for or on the team of, when they are few
	 * ({@link IncidentService#team}); empty when there are too many to name.
	 */
	@FunctionalInterface
	interface Teams {

		Optional<List<Long>> of(String username);

		/** The same, each person looked up once however many specifications ask. */
		default Teams remembered() {
			Map<String, Optional<List<Long>>> known = new HashMap<>();
			return username -> known.computeIfAbsent(username, this::of);
		}

	}

	Specification<Incident> toSpecification(Actor actor, Teams teams) {
		// the teams looked up once, not for each query the specification makes
		Specification<Incident> visible = actor.seesEverything() ? null : onTeam(actor.username(), teams);
		Specification<Incident> assigned = (this.assignee == null || this.assignee.isBlank()) ? null
				: onTeam(this.assignee.trim(), teams);
		return (root, query, builder) -> {
			List<Predicate> where = new ArrayList<>();
			if (visible != null) {
				where.add(visible.toPredicate(root, query, builder));
			}
			if (this.category != null) {
				where.add(builder.equal(root.get("category"), this.category));
			}
			if (this.severity != null) {
				where.add(builder.equal(root.get("severity"), this.severity));
			}
			if (assigned != null) {
				where.add(assigned.toPredicate(root, query, builder));
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
			if (spansLines()) {
				String pattern = "%" + escapeLike(words()) + "%";
				where.add(builder.or(Stream.of("title", "description", "reference")
					.map(field -> builder.like(builder.lower(root.get(field)), pattern, '\\'))
					.toArray(Predicate[]::new)));
			}
			else {
				// position() rather than LIKE: it skips ahead by the words' last byte, where LIKE
				// tries every byte, and every kana and most kanji start with the same one (0xE3):
				// 0.25 µs a row for 「ランサムウェア」 against 0.64 at a million incidents
				where.add(builder.greaterThan(builder.locate(root.get("searchText"), words()), 0));
			}
		}
		return where;
	}

	/**
	 * The incidents this person is responsible for or on the team of. When they are few, they are
	 * named by id, which the primary key reads at once; asked of every incident in turn, a
	 * responder on five incidents among a million read them all (0.4 s for the list, 1.2 to 1.8 s
	 * for a search). When they are many, each incident is asked, and the newest soon give a page.
	 */
	static Specification<Incident> onTeam(String username, Teams teams) {
		Optional<List<Long>> few = teams.of(username);
		if (few.isPresent()) {
			List<Long> ids = few.get();
			return (root, query, builder) -> ids.isEmpty() ? builder.disjunction() : root.get("id").in(ids);
		}
		return (root, query, builder) -> {
			Subquery<Long> assigned = query.subquery(Long.class);
			var inner = assigned.from(Incident.class);
			Join<Incident, Assignee> assignees = inner.join("assignees", JoinType.INNER);
			assigned.select(inner.get("id"))
				.where(builder.equal(inner.get("id"), root.get("id")),
						builder.equal(assignees.get("username"), username));
			return builder.or(builder.equal(root.get("responsible"), username), builder.exists(assigned));
		};
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
