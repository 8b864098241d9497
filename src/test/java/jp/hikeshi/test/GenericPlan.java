package jp.hikeshi.test;

import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plan PostgreSQL makes for a statement as the application sends it (JDBC's placeholders)
 * once it plans for any value of the parameters: what a statement prepared many times runs. Call
 * it in a transaction: the planner's settings are changed for that transaction only.
 */
public final class GenericPlan {

	private GenericPlan() {
	}

	/** The plan's lines, with sequential scans priced out when {@code indexesOnly}. */
	public static String of(JdbcTemplate jdbc, String sql, boolean indexesOnly) {
		if (indexesOnly) {
			jdbc.execute("set local enable_seqscan = off");
		}
		jdbc.execute("set local plan_cache_mode = force_generic_plan");
		String numbered = numbered(sql);
		jdbc.execute("prepare generic_plan as " + numbered);
		int parameters = (int) sql.chars().filter(c -> c == '?').count();
		String arguments = (parameters == 0) ? "" : "(" + String.join(", ", Collections.nCopies(parameters, "null")) + ")";
		List<String> lines = jdbc.queryForList("explain execute generic_plan" + arguments, String.class);
		jdbc.execute("deallocate generic_plan");
		return String.join("\n", lines);
	}

	/** JDBC's placeholders as PostgreSQL's numbered parameters. */
	private static String numbered(String sql) {
		Matcher placeholder = Pattern.compile("\\?").matcher(sql);
		StringBuilder numbered = new StringBuilder();
		int n = 0;
		while (placeholder.find()) {
			placeholder.appendReplacement(numbered, "\\$" + ++n);
		}
		return placeholder.appendTail(numbered).toString();
	}

}
