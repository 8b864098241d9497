package jp.hikeshi.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.RequiredItem;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.Transition;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * Incidents as the API shows them, in the caller's language: to the response team, what the
 * incident page shows of it, with the moves the caller could make now and what stands in their
 * way; to the person who reported it and is not on the team, what the page of their own report
 * shows — never the team's notes, judgement or members. Times are in the company's zone.
 */
@Component
class IncidentRepresentations {

	static final String TEAM_VIEW = "team";

	static final String REPORTER_VIEW = "reporter";

	private final IncidentService incidents;

	private final People people;

	private final MessageSource messages;

	IncidentRepresentations(IncidentService incidents, People people, MessageSource messages) {
		this.incidents = incidents;
		this.people = people;
		this.messages = messages;
	}

	/** An incident as the response team reads it. */
	@Schema(name = "Incident", description = "An incident as the response team sees it (view = team)")
	record IncidentView(@Schema(example = TEAM_VIEW) String view, long id, String reference, String title,
			String description, IncidentState state, String stateLabel, IncidentState.Step step, String stepLabel,
			@Schema(description = "The primary category first; empty before escalation") List<CategoryLabel> categories,
			LeakKind leakKind, String leakKindLabel, Severity severity, String severityLabel,
			@Schema(description = "発覚: when the company became aware; deadlines count from here") OffsetDateTime discoveredAt,
			@Schema(description = "発生: when it happened, once known") OffsetDateTime occurredAt,
			OffsetDateTime reportedAt, Person reportedBy,
			@Schema(description = "The tool that sent the report, if one did") String source, String affectedSystem,
			StillHappening stillHappening, String stillHappeningLabel, ReportRequest.OutsideReporter outsideReporter,
			@Schema(description = "The register's systems it concerns (PUT /api/v1/incidents/{id}/systems)") List<IncidentSystemsApi.SystemRef> systems,
			@Schema(description = "The vendor of the register (委託先) that told the company, if one did") VendorRef reportedByVendor,
			@Schema(description = "責任者") Person responsible, @Schema(description = "担当者") List<TeamMember> team,
			RequiredItemsView requiredItems,
			@Schema(description = "Send it back with a transition: a stale one is refused with 409") long version,
			@Schema(description = "The moves the caller's roles allow from this state, each with whether the incident's guards hold now") List<AllowedTransition> allowedTransitions) {
	}

	/** A report as the person who made it reads it: what they told, and where it stands. */
	@Schema(name = "OwnReport", description = "A report as the person who made it sees it (view = reporter)")
	record ReportView(@Schema(example = REPORTER_VIEW) String view, long id, String reference, String title,
			String description, IncidentState state, String stateLabel, String affectedSystem,
			StillHappening stillHappening, String stillHappeningLabel, OffsetDateTime discoveredAt,
			OffsetDateTime reportedAt, String source) {
	}

	/** One line of a list. Category, severity and the responsible person are left out (null) of one's own reports. */
	@Schema(name = "IncidentSummary")
	record Summary(long id, String reference, String title, IncidentState state, String stateLabel,
			IncidentState.Step step, String stepLabel, Category category, String categoryLabel, Severity severity,
			String severityLabel, OffsetDateTime discoveredAt, OffsetDateTime reportedAt, Person responsible) {
	}

	/**
	 * A page of a list, newest first, and how many there are in all: counted, as on the list page, no
	 * further than 1,000 matches (or the end of the page asked for), since counting every match of a
	 * frequent word among a million incidents takes seconds. Past that, {@code total} is how many
	 * there are at least, and {@code totalComplete} is false.
	 */
	@Schema(name = "IncidentPage")
	record SummaryPage(List<Summary> items, int page, int size,
			@Schema(description = "How many match in all; at least this many when totalComplete is false") long total,
			@Schema(description = "Whether total counts every match (false: counting stopped past 1,000 matches or the page asked for)") boolean totalComplete) {
	}

	@Schema(name = "CategoryLabel")
	record CategoryLabel(Category category, String label) {
	}

	@Schema(name = "TeamMember")
	record TeamMember(Person person, String duty) {
	}

	/** The required-items record (インシデント発生時に整理しておくべき事項), item by item. */
	@Schema(name = "RequiredItems")
	record RequiredItemsView(List<Item> items, @Schema(description = "Every item is filled in") boolean complete,
			@Schema(description = "How much is filled in, 0–100") int percent) {

		@Schema(name = "RequiredItem")
		record Item(RequiredItem.Key key, String label, boolean filled) {
		}

	}

	/**
	 * A move the caller may attempt now. {@code ready}: the incident's own conditions hold (what
	 * the move itself must bring — a reason, a category — is checked when it is made).
	 */
	@Schema(name = "AllowedTransition")
	record AllowedTransition(Transition transition, String label, boolean ready, List<ApiErrors.UnmetGuard> unmet) {
	}

	/** A note as the timeline keeps it. */
	@Schema(name = "Note")
	record Note(int sequence, OffsetDateTime at, Person by, String text,
			@Schema(description = "The API token it was written through") String via) {
	}

	/** The whole view for someone who may see the incident (it must have been loaded for its page). */
	IncidentView team(Incident incident, Actor actor) {
		Locale locale = LocaleContextHolder.getLocale();
		ZoneId zone = this.incidents.zone();
		People.Directory directory = this.people.directory();
		List<RequiredItemsView.Item> items = incident.requiredItems()
			.stream()
			.map(item -> new RequiredItemsView.Item(item.key(), label("RequiredItem.Key", item.key(), locale),
					item.filled()))
			.toList();
		List<AllowedTransition> transitions = incident.transitionsFor(actor).stream().map(transition -> {
			List<ApiErrors.UnmetGuard> unmet = this.incidents.unmetGuards(incident, transition)
				.stream()
				.map(guard -> new ApiErrors.UnmetGuard(guard.code(), this.messages.getMessage(guard, locale)))
				.toList();
			return new AllowedTransition(transition, label("Transition", transition, locale), unmet.isEmpty(), unmet);
		}).toList();
		return new IncidentView(TEAM_VIEW, incident.getId(), incident.getReference(), incident.getTitle(),
				incident.getDescription(), incident.getState(), label("IncidentState", incident.getState(), locale),
				incident.getState().step(), label("Step", incident.getState().step(), locale),
				incident.getCategories()
					.stream()
					.map(category -> new CategoryLabel(category, label("Category", category, locale)))
					.toList(),
				incident.getLeakKind(), label("LeakKind", incident.getLeakKind(), locale), incident.getSeverity(),
				label("Severity", incident.getSeverity(), locale), at(incident.getDiscoveredAt(), zone),
				at(incident.getOccurredAt(), zone), at(incident.getReportedAt(), zone),
				Person.of(incident.getReportedBy(), directory), incident.getSource(), incident.getAffectedSystem(),
				incident.getStillHappening(), label("StillHappening", incident.getStillHappening(), locale),
				(incident.getOutsideReporterName() == null && incident.getOutsideReporterContact() == null) ? null
						: new ReportRequest.OutsideReporter(incident.getOutsideReporterName(), incident.getOutsideReporterContact()),
				this.incidents.systemsOf(incident).stream().map(IncidentSystemsApi.SystemRef::of).toList(),
				this.incidents.reportingVendorOf(incident).map(vendor -> new VendorRef(vendor.id(), vendor.name())).orElse(null),
				Person.of(incident.getResponsible(), directory),
				incident.getAssignees()
					.stream()
					.map(member -> new TeamMember(Person.of(member.username(), directory), member.duty()))
					.toList(),
				new RequiredItemsView(items, items.stream().allMatch(RequiredItemsView.Item::filled),
						incident.completeness()),
				incident.getVersion(), transitions);
	}

	/** A vendor of the register, by name. */
	@Schema(name = "IncidentVendor")
	record VendorRef(long id, String name) {
	}

	/** What the reporter told, and where it stands: nothing of the team's. */
	ReportView reporter(Incident incident) {
		Locale locale = LocaleContextHolder.getLocale();
		ZoneId zone = this.incidents.zone();
		return new ReportView(REPORTER_VIEW, incident.getId(), incident.getReference(), incident.getTitle(),
				incident.getDescription(), incident.getState(), label("IncidentState", incident.getState(), locale),
				incident.getAffectedSystem(), incident.getStillHappening(),
				label("StillHappening", incident.getStillHappening(), locale), at(incident.getDiscoveredAt(), zone),
				at(incident.getReportedAt(), zone), incident.getSource());
	}

	/** A page of a list; {@code team} false for one's own reports, which leave out the team's judgement. */
	SummaryPage page(Page<Incident> page, boolean team) {
		Locale locale = LocaleContextHolder.getLocale();
		ZoneId zone = this.incidents.zone();
		People.Directory directory = team ? this.people.directory() : null;
		List<Summary> items = page.getContent().stream().map(incident -> {
			Category category = team ? incident.getCategory() : null;
			Severity severity = team ? incident.getSeverity() : null;
			return new Summary(incident.getId(), incident.getReference(), incident.getTitle(), incident.getState(),
					label("IncidentState", incident.getState(), locale), incident.getState().step(),
					label("Step", incident.getState().step(), locale), category, label("Category", category, locale),
					severity, label("Severity", severity, locale), at(incident.getDiscoveredAt(), zone),
					at(incident.getReportedAt(), zone), team ? Person.of(incident.getResponsible(), directory) : null);
		}).toList();
		return new SummaryPage(items, page.getNumber(), page.getSize(), page.getTotalElements(), true);
	}

	/** A page whose matches were counted up to a bound ({@link IncidentService#listPage}). */
	SummaryPage page(IncidentService.ListPage found, boolean team) {
		SummaryPage page = page(found.page(), team);
		return found.countStopped()
				? new SummaryPage(page.items(), page.page(), page.size(), found.atLeast(), false) : page;
	}

	Note note(TimelineEntry entry) {
		return new Note(entry.getSequence(), at(entry.getOccurredAt(), this.incidents.zone()),
				Person.of(entry.getActor(), this.people.directory()), entry.getNote(), entry.getVia());
	}

	private String label(String prefix, Enum<?> value, Locale locale) {
		return (value == null) ? null
				: this.messages.getMessage(prefix + "." + value.name(), null, value.name(), locale);
	}

	private static OffsetDateTime at(Instant instant, ZoneId zone) {
		return (instant == null) ? null : instant.atZone(zone).toOffsetDateTime();
	}

}
