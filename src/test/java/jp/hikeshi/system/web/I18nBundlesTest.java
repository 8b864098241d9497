package jp.hikeshi.system.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.hikeshi.account.Role;
import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.ChecklistPoint;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.RequiredItem;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.reporting.Announcement;
import jp.hikeshi.reporting.Answer;
import jp.hikeshi.reporting.CausedBy;
import jp.hikeshi.reporting.DataSet;
import jp.hikeshi.reporting.Deadline;
import jp.hikeshi.reporting.GdprExemption;
import jp.hikeshi.reporting.GdprRisk;
import jp.hikeshi.reporting.LeakStatus;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.FilingTexts;
import jp.hikeshi.organisation.Industry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible word comes from the message bundles, in both languages: the bundles hold the
 * same keys, every key a template names exists, every enum shown on a page has its labels, and
 * no template holds bare text.
 */
class I18nBundlesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");

	/** Text between tags, outside comments, scripts and styles. */
	private static final Pattern TEXT_NODE = Pattern.compile(">([^<]+)<");

	/** Attributes a person reads or hears, when written without th:. */
	private static final Pattern READABLE_ATTRIBUTE = Pattern
		.compile("(?<![:-])\\b(title|placeholder|alt|aria-label)=\"([^\"]*)\"");

	/** The label of a button written as an input's value (a form value elsewhere is data, not words). */
	private static final Pattern BUTTON_VALUE = Pattern
		.compile("<input[^>]*type=\"(?:submit|button|reset)\"[^>]*(?<![:-])\\bvalue=\"([^\"]*)\"");

	private final Properties english = load("messages.properties");

	private final Properties japanese = load("messages_ja.properties");

	@Test
	void bothLanguagesHoldTheSameKeys() {
		assertThat(this.japanese.stringPropertyNames()).as("keys missing in Japanese or only there")
			.containsExactlyInAnyOrderElementsOf(this.english.stringPropertyNames());
	}

	/** A key written twice keeps only its last value: a refusal once read "no longer in use" for its own message. */
	@Test
	void noKeyIsWrittenTwice() {
		for (String name : List.of("messages.properties", "messages_ja.properties")) {
			Set<String> seen = new java.util.HashSet<>();
			List<String> twice = new ArrayList<>();
			Properties counting = new Properties() {
				@Override
				public synchronized Object put(Object key, Object value) {
					if (!seen.add((String) key)) {
						twice.add((String) key);
					}
					return super.put(key, value);
				}
			};
			try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
				counting.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			assertThat(twice).as(name).isEmpty();
		}
	}

	@Test
	void noMessageIsEmpty() {
		this.english.forEach((key, value) -> assertThat(value.toString()).as("English " + key).isNotBlank());
		this.japanese.forEach((key, value) -> assertThat(value.toString()).as("Japanese " + key).isNotBlank());
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				String key = matcher.group(1);
				if (!this.english.containsKey(key) || !this.japanese.containsKey(key)) {
					missing.add(TEMPLATES.relativize(template) + ": " + key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyEnumShownOnAPageHasItsLabels() {
		List<String> keys = new ArrayList<>();
		Stream.of(Role.values()).forEach(value -> keys.add("Role." + value.name()));
		Stream.of(jp.hikeshi.account.ApiToken.Standing.values()).forEach(value -> keys.add("ApiToken.Standing." + value.name()));
		Stream.of(Industry.values()).forEach(value -> keys.add("Industry." + value.name()));
		Stream.of(AuditAction.values()).forEach(value -> keys.add("AuditAction." + value.name()));
		Stream.of(jp.hikeshi.notification.IntegrationEvent.values())
			.forEach(value -> keys.add("IntegrationEvent." + value.name()));
		Stream.of(jp.hikeshi.notification.Failure.values()).forEach(value -> keys.add("Failure." + value.name()));
		Stream.of(IncidentState.values()).forEach(value -> keys.add("IncidentState." + value.name()));
		Stream.of(IncidentState.Step.values()).forEach(value -> keys.add("Step." + value.name()));
		Stream.of(Category.values()).forEach(value -> keys.add("Category." + value.name()));
		Stream.of(LeakKind.values()).forEach(value -> keys.add("LeakKind." + value.name()));
		Stream.of(Severity.values()).forEach(value -> keys.add("Severity." + value.name()));
		Stream.of(StillHappening.values()).forEach(value -> keys.add("StillHappening." + value.name()));
		Stream.of(DisclosureStatus.values()).forEach(value -> keys.add("DisclosureStatus." + value.name()));
		Stream.of(ChecklistItem.Status.values()).forEach(value -> keys.add("ChecklistStatus." + value.name()));
		Stream.of(ChecklistPoint.values()).forEach(value -> keys.add("ChecklistPoint." + value.name()));
		Stream.of(ChecklistPoint.Group.values()).forEach(value -> keys.add("ChecklistGroup." + value.name()));
		Stream.of(TimelineEntry.Kind.values()).forEach(value -> keys.add("TimelineKind." + value.name()));
		Stream.of(RequiredItem.Key.values()).forEach(value -> keys.add("RequiredItem.Key." + value.name()));
		Stream.of(DutyType.values()).forEach(value -> {
			keys.add("DutyType." + value.name());
			keys.add("DutyType." + value.name() + ".source");
		});
		Stream.of(Duty.State.values()).forEach(value -> keys.add("DutyState." + value.name()));
		Stream.of(Deadline.Urgency.values()).forEach(value -> keys.add("Urgency." + value.name()));
		Stream.of(LeakStatus.values()).forEach(value -> keys.add("LeakStatus." + value.name()));
		Stream.of(GdprRisk.values()).forEach(value -> keys.add("GdprRisk." + value.name()));
		Stream.of(GdprExemption.values()).forEach(value -> keys.add("GdprExemption." + value.name()));
		Stream.of(CausedBy.values()).forEach(value -> keys.add("CausedBy." + value.name()));
		Stream.of(DataSet.Owner.values()).forEach(value -> keys.add("DataOwner." + value.name()));
		Stream.of(DataSet.KeyState.values()).forEach(value -> {
			keys.add("KeyState." + value.name());
			keys.add("KeyState.short." + value.name());
		});
		Stream.of(Duty.NoticeOutcome.values()).forEach(value -> keys.add("NoticeOutcome." + value.name()));
		Stream.of(Duty.AlternativeMeasure.values()).forEach(value -> {
			keys.add("AlternativeMeasure." + value.name());
			keys.add("duty.alternativeNotInPlace." + value.name());
		});
		Stream.of(ReportingCase.Threshold.values()).forEach(value -> keys.add("Threshold." + value.name()));
		jp.hikeshi.reporting.RuleSet.ALL.forEach(set -> keys.add("RuleSet." + set.id()));
		Stream.of(Answer.values()).forEach(value -> keys.add("Answer." + value.name()));
		Stream.of(Announcement.Kind.values()).forEach(value -> keys.add("AnnouncementKind." + value.name()));
		Stream.of(FilingTexts.Addressee.values()).forEach(value -> keys.add("Addressee." + value.name()));
		Stream.of(FilingTexts.Kind.values()).forEach(value -> {
			keys.add("TextKind." + value.name());
			keys.add("TextKind." + value.name() + ".hint");
		});
		Stream.of(jp.hikeshi.prevention.RootCause.values()).forEach(value -> keys.add("RootCause." + value.name()));
		Stream.of(jp.hikeshi.prevention.Measure.Kind.values()).forEach(value -> keys.add("MeasureKind." + value.name()));
		Stream.of(jp.hikeshi.evidence.CustodyEntry.Action.values())
			.forEach(value -> keys.add("CustodyAction." + value.name()));
		Stream.of(jp.hikeshi.investigation.Investigation.Remediation.Kind.values())
			.forEach(value -> keys.add("RemediationKind." + value.name()));
		Stream.of(jp.hikeshi.investigation.Contact.Kind.values()).forEach(value -> keys.add("ContactKind." + value.name()));
		Stream.of("when", "where", "who", "whom", "what", "why", "how").forEach(w -> {
			keys.add("investigation.w." + w);
			keys.add("investigation.w." + w + ".hint");
		});
		Stream.of(Transition.values()).forEach(value -> {
			keys.add("Transition." + value.name());
			keys.add("Transition." + value.name() + ".done");
		});
		assertThat(this.english.stringPropertyNames()).containsAll(keys);
		assertThat(this.japanese.stringPropertyNames()).containsAll(keys);
	}

	@Test
	void templatesHoldNoBareText() throws IOException {
		List<String> bare = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template)
				.replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<script.*?</script>", "<script></script>")
				.replaceAll("(?s)<style.*?</style>", "<style></style>");
			Matcher text = TEXT_NODE.matcher(html);
			while (text.find()) {
				String words = text.group(1).strip();
				if (words.codePoints().anyMatch(Character::isLetter)) {
					bare.add(TEMPLATES.relativize(template) + ": " + words);
				}
			}
			Matcher button = BUTTON_VALUE.matcher(html);
			while (button.find()) {
				if (button.group(1).codePoints().anyMatch(Character::isLetter)) {
					bare.add(TEMPLATES.relativize(template) + ": " + button.group());
				}
			}
			Matcher attribute = READABLE_ATTRIBUTE.matcher(html);
			while (attribute.find()) {
				if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
					bare.add(TEMPLATES.relativize(template) + ": " + attribute.group());
				}
			}
		}
		assertThat(bare).as("visible words must come from the message bundles").isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
