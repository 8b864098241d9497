package jp.hikeshi.handover;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.hikeshi.account.People;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.RequiredItem;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.incident.TimelineView;
import jp.hikeshi.organisation.Organisation;

import org.springframework.context.MessageSource;

/**
 * The required-items record (インシデント発生時に整理しておくべき事項) as the guide's table: one
 * row per item, its label and its content, in the given language. The Excel workbook and the
 * print view both show these rows, so they cannot disagree.
 */
public final class RecordRows {

	private static final DateTimeFormatter CELL = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

	private final MessageSource messages;

	private final Locale locale;

	private final ZoneId zone;

	private final People.Directory people;

	private final TimelineView timeline;

	public RecordRows(MessageSource messages, Locale locale, ZoneId zone, People.Directory people,
			TimelineView timeline) {
		this.messages = messages;
		this.locale = locale;
		this.zone = zone;
		this.people = people;
		this.timeline = timeline;
	}

	/** A row of the table. */
	public record Row(String label, String content) {
	}

	/** The guide's table with the whole chronology in its 対応経過 row (the record, the workbook). */
	public List<Row> of(Incident incident, Organisation organisation) {
		return of(incident, organisation, this::timeline);
	}

	/**
	 * The table for the incident report, which prints the chronology once, as its own section:
	 * the 対応経過 row points there instead of repeating it.
	 */
	public List<Row> withChronologyApart(Incident incident, Organisation organisation) {
		return of(incident, organisation, i -> this.messages.getMessage("handover.timeline.apart",
				new Object[] { i.getTimeline().size() }, this.locale));
	}

	private List<Row> of(Incident incident, Organisation organisation, Function<Incident, String> chronology) {
		RequiredItems record = incident.getRecord();
		List<Row> rows = new ArrayList<>();
		for (RequiredItem item : incident.requiredItems()) {
			String content = switch (item.key()) {
				case CATEGORY -> (incident.getCategory() == null) ? null
						: categories(incident)
								+ (incident.getLeakKind() == null ? "" : "（" + label("LeakKind." + incident.getLeakKind()) + "）");
				case COMPANY -> join(organisation.getName(), record.getClientAndParties());
				case TEAM -> team(incident);
				case OCCURRED_AT -> when(incident.getOccurredAt());
				case DISCOVERED_AT -> when(incident.getDiscoveredAt());
				case EVENTS -> record.getEventsAndDamage();
				case TIMELINE -> chronology.apply(incident);
				case ASSUMED_CAUSE -> record.getAssumedCause();
				case AFFECTED_SYSTEMS -> record.getAffectedSystemsStatus();
				case SYSTEM_CONFIGURATION -> record.getSystemConfiguration();
				case INDUSTRY -> label("Industry." + organisation.getIndustry());
				case CONTACT -> record.getContact();
				case DISCLOSURE -> label("DisclosureStatus." + record.getDisclosureStatus());
			};
			rows.add(new Row(label("RequiredItem.Key." + item.key()),
					(content == null || content.isBlank()) ? label("handover.empty") : content));
		}
		return rows;
	}

	/** The timeline, one line an entry, oldest first, as a person reads it. */
	public String timeline(Incident incident) {
		return this.timeline.of(incident, this.locale)
			.stream()
			.map(TimelineView.Line::asText)
			.collect(Collectors.joining("\n"));
	}

	/** Every category as its label, the primary first; empty before escalation. */
	public String categories(Incident incident) {
		return incident.getCategories()
			.stream()
			.map(category -> label("Category." + category))
			.collect(Collectors.joining("、"));
	}

	private String team(Incident incident) {
		if (incident.getResponsible() == null) {
			return null;
		}
		String members = incident.getAssignees()
			.stream()
			.map(a -> this.people.nameWithDepartment(a.username())
					+ (a.duty() == null || a.duty().isBlank() ? "" : "（" + a.duty() + "）"))
			.collect(Collectors.joining("、"));
		return label("incident.responsible") + "：" + this.people.nameWithDepartment(incident.getResponsible())
				+ (members.isEmpty() ? "" : "\n" + label("incident.assignees") + "：" + members);
	}

	/** A time as the reader reads it: 「2026年11月25日 22:00」. */
	public String when(Instant instant) {
		return (instant == null) ? null : this.timeline.when(instant, this.locale);
	}

	/** A time for a spreadsheet cell that Excel reads as a date and time. */
	public String cell(Instant instant) {
		return (instant == null) ? null : CELL.format(instant.atZone(this.zone));
	}

	/** A person by department and display name (never the login name). */
	public String person(String username) {
		return this.people.nameWithDepartment(username);
	}

	private String label(String code) {
		return this.messages.getMessage(code, null, code, this.locale);
	}

	private static String join(String first, String second) {
		return (second == null || second.isBlank()) ? first : first + "\n" + second;
	}

}
