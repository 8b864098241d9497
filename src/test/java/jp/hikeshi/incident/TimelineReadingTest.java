package jp.hikeshi.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.TimelineEntry.Kind;
import jp.hikeshi.incident.TimelineEntry.Slot;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of timeline entry, and the older rows written before entries were typed, read as a
 * chronology in both languages: no enum name, no {@code true}/{@code false}, no ISO date or
 * time, no login name, no unresolved placeholder. A new kind whose slot names an enum this test
 * does not know fails here until it is added: every kind is read before it ships.
 */
@IntegrationTest
class TimelineReadingTest {

	/** The enums whose labels the slots name, by their message-key prefix. */
	private static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
			Map.entry("ChecklistStatus", ChecklistItem.Status.class), Map.entry("Withdrawn", Withdrawn.class),
			Map.entry("InvestigationItem", jp.hikeshi.investigation.Investigation.Item.class),
			Map.entry("RemediationKind", jp.hikeshi.investigation.Investigation.Remediation.Kind.class),
			Map.entry("RootCause", jp.hikeshi.prevention.RootCause.class),
			Map.entry("MeasureKind", jp.hikeshi.prevention.Measure.Kind.class),
			Map.entry("DutyType", jp.hikeshi.reporting.DutyType.class), Map.entry("Fact", jp.hikeshi.reporting.Fact.class),
			Map.entry("Answer", jp.hikeshi.reporting.Answer.class),
			Map.entry("LeakStatus", jp.hikeshi.reporting.LeakStatus.class),
			Map.entry("GdprRisk", jp.hikeshi.reporting.GdprRisk.class),
			Map.entry("GdprExemption", jp.hikeshi.reporting.GdprExemption.class),
			Map.entry("CausedBy", jp.hikeshi.reporting.CausedBy.class),
			Map.entry("Threshold", jp.hikeshi.reporting.ReportingCase.Threshold.class),
			Map.entry("AnnouncementKind", jp.hikeshi.reporting.Announcement.Kind.class),
			Map.entry("DisclosureStatus", DisclosureStatus.class), Map.entry("IncidentState", IncidentState.class),
			Map.entry("ChecklistPoint", ChecklistPoint.class), Map.entry("Category", Category.class),
			Map.entry("LeakKind", LeakKind.class));

	/** Names rows written before 紛失 and 盗難 were apart may hold. */
	private static final List<String> OLD_NAMES = List.of("LOST_OR_STOLEN_DEVICE", "LOSS_OR_THEFT");

	private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}:\\d{2}:\\d{2}|T\\d{2}:\\d{2}");

	private static final Pattern BOOLEAN = Pattern.compile("\\b(true|false)\\b");

	@Autowired
	IncidentService incidents;

	@Autowired
	AccountService accounts;

	@Autowired
	TimelineView view;

	@Autowired
	MessageSource messages;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	private String lead;

	private String owner;

	private long id;

	@BeforeEach
	void anIncidentWithEveryKindOfHistory() {
		long n = System.nanoTime();
		this.lead = person("lead-" + n, "山田 花子", Role.SECURITY_LEAD, Role.EXECUTIVE);
		this.owner = person("owner-" + n, "佐藤 次郎", Role.RESPONDER);
		Actor actor = new Actor(this.lead, Set.of(Role.SECURITY_LEAD, Role.EXECUTIVE));
		this.id = this.incidents.report(new Incident.Report(null, "請求書を装うメールの添付を開いた",
				Instant.now().minusSeconds(3600), "経理PC", StillHappening.UNKNOWN, null, null), actor).getId();
		this.incidents.take(this.id, version(), actor);
		this.incidents.escalate(this.id, version(), actor, Category.VIRUS_RANSOMWARE, null, Severity.HIGH, "至急");
		this.incidents.formTeam(this.id, version(), actor, this.lead, List.of(new Assignee(this.owner, "ログ調査")));
		this.incidents.updateRecord(this.id, version(), actor, new RequiredItems("なし", "暗号化", "添付", "経理PC", "Windows",
				"総務部", DisclosureStatus.PLANNED), Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));
		this.incidents.recordDamage(this.id, version(), actor, 1_500_000L, null, new java.math.BigDecimal("2.5"));
		this.incidents.addNote(this.id, actor, "経営者に電話で報告");
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult(status -> {
			for (Kind kind : Kind.values()) {
				if (kind.subject().type() != Slot.Type.NONE || kind.before().type() != Slot.Type.NONE
						|| kind.after().type() != Slot.Type.NONE) {
					this.events.publishEvent(new Recorded(this.id, this.lead, HistoryEvent.Line.of(kind,
							sample(kind.subject()), sample(kind.before()), sample(kind.after()), "メモ")));
				}
				else if (!EnumSet.of(Kind.REPORTED, Kind.STATE_CHANGED, Kind.NOTE).contains(kind)) {
					this.events.publishEvent(new Recorded(this.id, this.lead, HistoryEvent.Line.of(kind, null, null, null, null)));
				}
			}
			// rows written before entries were typed
			legacy("duties", "IPA, POLICE", "IPA, MINISTRY, PERSON_NOTICE");
			legacy("rootCauses", null, "PHISHING_OR_SOCIAL_ENGINEERING");
			legacy("recoveryReported", null, "true");
			legacy("measure", "全社員への訓練", "done 2026-11-25");
			legacy("measure", null, "全社員への訓練 (" + this.owner + ", 2026-12-01)");
			legacy("evidence", "mail.eml (SHA-256 ab12)", "deleted: 重複していた");
			legacy("discoveredAt", "2026-11-25T13:00:00Z", "2026-11-25T12:00:00Z");
			// the kinds corrected, also from names older rows hold
			legacy("category", "LOST_OR_STOLEN_DEVICE", "STOLEN_DEVICE");
			legacy("categories", null, "INFORMATION_LEAK, LOST_OR_STOLEN_DEVICE");
			legacy("leakKind", "LOSS_OR_THEFT", "THEFT");
			this.events.publishEvent(new Recorded(this.id, this.lead,
					HistoryEvent.Line.of(Kind.TEAM_FORMED, "team", null, this.lead + " / " + this.owner, null)));
		});
	}

	@Test
	void everyEntryReadsInJapaneseAndEnglishWithoutInternalCodes() {
		Incident incident = this.incidents.findForPage(this.id, new Actor(this.lead, Set.of(Role.SECURITY_LEAD)));
		assertThat(incident.getTimeline()).extracting(TimelineEntry::getKind).contains(Kind.values());
		for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
			List<TimelineView.Line> lines = this.view.of(incident, locale);
			assertThat(lines).hasSize(incident.getTimeline().size());
			for (TimelineView.Line line : lines) {
				String text = line.when() + " | " + line.who() + " | " + line.kind() + " | " + line.text();
				assertThat(text).as(locale + ": " + line.type()).doesNotContain(this.lead, this.owner, "{", "}");
				assertThat(ISO.matcher(text).find()).as(locale + " ISO date in: " + text).isFalse();
				assertThat(BOOLEAN.matcher(text).find()).as(locale + " true/false in: " + text).isFalse();
				assertThat(line.kind()).as(locale + " kind label").isNotBlank().isNotEqualTo(line.type().name());
				assertThat(codesIn(text, locale)).as(locale + " internal codes in: " + text).isEmpty();
				assertThat(text).as(locale + " old names").doesNotContain(OLD_NAMES.toArray(String[]::new));
			}
			assertThat(lines).extracting(TimelineView.Line::who).contains("山田 花子");
		}
		String japanese = String.join("\n", this.view.of(incident, Locale.JAPANESE).stream().map(TimelineView.Line::asText).toList());
		assertThat(japanese).contains("機器の紛失・盗難 → 機器の盗難", "情報漏えい、機器の紛失・盗難", "紛失・盗難 → 盗難");
		assertThat(japanese).contains("責任者：山田 花子　担当者：佐藤 次郎", "判断中 → 経営者へ報告済み", "2026年11月25日に実施済み",
				"削除（理由：重複していた）", "1,500,000円", "全社員への訓練（担当：佐藤 次郎、期限：2026年12月1日）");
		String english = String.join("\n", this.view.of(incident, Locale.ENGLISH).stream().map(TimelineView.Line::asText).toList());
		assertThat(english).contains("done on 25 Nov 2026", "1,500,000 yen", "Responsible: 山田 花子; assignees: 佐藤 次郎",
				"(owner: 佐藤 次郎, due: 1 Dec 2026)")
			.doesNotContain("：");
	}

	/** Enum constant names that show in the text although their label in this language does not contain them. */
	private List<String> codesIn(String text, Locale locale) {
		List<String> found = new ArrayList<>();
		Stream.concat(ENUMS.entrySet().stream(), Stream.of(Map.entry("TimelineKind", (Class<? extends Enum<?>>) (Class) Kind.class)))
			.forEach(entry -> {
				for (Enum<?> constant : entry.getValue().getEnumConstants()) {
					String label = this.messages.getMessage(entry.getKey() + "." + constant.name(), null, "", locale);
					if (Pattern.compile("\\b" + constant.name() + "\\b").matcher(text).find() && !label.contains(constant.name())) {
						found.add(entry.getKey() + "." + constant.name());
					}
				}
			});
		return found;
	}

	private String sample(Slot slot) {
		return switch (slot.type()) {
			case NONE -> null;
			case TEXT -> "請求書.eml";
			case USER -> this.owner;
			case USERS -> this.lead + ", " + this.owner;
			case INSTANT -> "2026-11-25T13:00:00Z";
			case DATE -> "2026-11-25";
			case YEN -> "1500000";
			case NUMBER -> "2.5";
			case BOOLEAN -> "true";
			case FIELD -> "disclosureStatus";
			case ENUM -> constants(slot.prefix()).get(0);
			case ENUMS -> String.join(", ", constants(slot.prefix()).subList(0, 2));
			case CHECKLIST_POINT -> ChecklistPoint.values()[0].name();
			case NAMES -> "顧客管理サーバ\nECサイト";
		};
	}

	private static List<String> constants(String prefix) {
		Class<? extends Enum<?>> type = ENUMS.get(prefix);
		assertThat(type).as("a slot names enum labels '" + prefix + ".*' this test does not know: add it to ENUMS")
			.isNotNull();
		List<String> names = Stream.of(type.getEnumConstants()).map(Enum::name).toList();
		return (names.size() > 1) ? names : List.of(names.get(0), names.get(0));
	}

	private void legacy(String field, String before, String after) {
		this.events.publishEvent(new Recorded(this.id, this.lead, HistoryEvent.Line.of(Kind.FIELD_CHANGED, field, before, after, null)));
	}

	private String person(String username, String displayName, Role first, Role... more) {
		this.accounts.create(new CreateAccount(username, new Profile(displayName, "総務部", null, null), EnumSet.of(first, more),
				CompletedSetup.PASSWORD), "test");
		return username;
	}

	private long version() {
		return this.incidents.findById(this.id).orElseThrow().getVersion();
	}

	/** Any history, as a module would publish it. */
	record Recorded(long incidentId, String actor, Line line) implements HistoryEvent {
	}

}
