package jp.hikeshi.incident;

/** What the incident tells other modules; they react, the incident does not call them. */
public final class IncidentEvents {

	private IncidentEvents() {
	}

	public record Reported(String reference) {
	}

	/** @param actor the user name of the lead who escalated */
	public record Escalated(String reference, Category category, Severity severity, String actor) {
	}

	/** The lead corrected the incident's kinds: the reports they call for are worked out again. */
	public record CategoriesChanged(String reference, String actor) {
	}

	/** 発覚 was corrected: every deadline counted from it moves. */
	public record DiscoveryChanged(String reference, String actor) {
	}

	/** The register's systems the incident concerns changed: step 2 proposes the data they hold. */
	public record SystemsChosen(String reference, String actor) {
	}

	/** The reporter added to their report: the lead should read it. */
	public record InformationAdded(String reference, String actor) {
	}

	public record StateChanged(String reference, IncidentState from, IncidentState to) {
	}

	public record Closed(String reference) {
	}

}
