package jp.hikeshi.home;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.prevention.RootCause;
import jp.hikeshi.reporting.Announcement;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.shared.ReadableTime;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home page answers "what needs me now" for each role the reader holds, and shows nothing
 * of it to the others: the lead's triage queue, the executive's decisions, the responder's
 * incidents. The database is shared with other tests: each test looks for its own incidents and
 * counts against what the services say.
 */
@IntegrationTest
class HomeWebTest {

	private static final Instant DISCOVERED = Instant.parse("2025-06-02T00:30:00Z");

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final String TRIAGE_PANEL = "id=\"triage-title\"";

	private static final String DECISIONS_PANEL = "id=\"decisions-title\"";

	private static final String ASSIGNED_PANEL = "id=\"assigned-title\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	PreventionService prevention;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	TransactionTemplate transactions;

	@jakarta.persistence.PersistenceContext
	jakarta.persistence.EntityManager entities;

	Actor reporter;

	Actor lead;

	Actor executive;

	Actor responder;

	@BeforeEach
	void people() {
		this.reporter = actor(this.users.create(Role.REPORTER));
		this.lead = actor(this.users.create(Role.SECURITY_LEAD));
		this.executive = actor(this.users.create(Role.EXECUTIVE));
		this.responder = actor(this.users.create(Role.RESPONDER));
	}

	/** Rolled back: only this test's reports wait, so all of them are among the first shown. */
	@Test
	@Transactional
	void theLeadSeesReportsNotYetTakenFirstThenThoseBeingJudged() throws Exception {
		nothingElseWaits();
		Incident older = report("古い報告：プリンタの設定が変わっている", StillHappening.NO);
		this.incidents.take(older.getId(), version(older.getId()), this.lead);
		Incident newer = report("新しい報告：見知らぬ管理者アカウント", StillHappening.YES);
		long waiting = this.incidents.triageQueue(PageRequest.of(0, 1)).getTotalElements();

		String html = home(this.lead);

		assertThat(html).contains("受付・判断を待っている報告", waiting + "件の報告が待っています。", "href=\"/triage\"")
			.contains("href=\"/incidents/" + newer.getId() + "\"", "href=\"/incidents/" + older.getId() + "\"");
		assertThat(html.indexOf(TRIAGE_PANEL)).as("before the duties, measures and role cards")
			.isPositive()
			.isLessThan(html.indexOf("class=\"cards\""));
		int list = html.indexOf("<ul", html.indexOf(TRIAGE_PANEL));
		assertThat(html.indexOf(newer.getReference(), list)).as("not yet taken before being judged, though newer")
			.isLessThan(html.indexOf(older.getReference(), list));

		String newerLine = line(html, newer.getReference());
		assertThat(newerLine).contains("新しい報告：見知らぬ管理者アカウント", "未受付", "今も続いている",
				"報告：" + ReadableTime.dateTime(newer.getReportedAt(), TOKYO, Locale.JAPANESE));
		String olderLine = line(html, older.getReference());
		assertThat(olderLine).contains("古い報告：プリンタの設定が変わっている", "判断中").doesNotContain("今も続いている", "未受付");
		for (String line : List.of(newerLine, olderLine)) {
			assertThat(line).doesNotContain("REPORTED", "TRIAGE", "YES", "true", "false", this.reporter.username(),
					this.lead.username());
			assertThat(line).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
		}
		assertThat(html).doesNotContain(DECISIONS_PANEL, ASSIGNED_PANEL);
	}

	/** Rolled back: one report made the oldest by moving its arrival 400 days back. */
	@Test
	@Transactional
	void theLeadsHomeStartsWithTheOldestReportWaitingAndHowLongInWords() throws Exception {
		Incident oldest = report("忘れられた報告：共有フォルダのファイル名が変わった", StillHappening.UNKNOWN);
		// written, then forgotten by this transaction's persistence context so the page reads the moved time
		this.entities.flush();
		this.entities.clear();
		this.jdbc.update("update incident set reported_at = now() - interval '400 days' - interval '5 hours' where id = ?",
				oldest.getId());

		String html = home(this.lead);

		int panel = html.indexOf(TRIAGE_PANEL);
		int sentence = html.indexOf("最も古い報告は400日待っています：");
		assertThat(sentence).as("the oldest, its age in words, right after the count").isGreaterThan(panel)
			.isLessThan(html.indexOf("<ul", panel));
		assertThat(html.substring(sentence, html.indexOf("</p>", sentence)))
			.contains("href=\"/incidents/" + oldest.getId() + "\"", oldest.getReference(), "忘れられた報告");
		assertThat(html.indexOf("件の報告が待っています。", panel)).as("the count first").isPositive().isLessThan(sentence);

		String english = this.mvc.perform(get("/").header("Accept-Language", "en").with(this.users.signedIn(this.lead.username())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(english).contains("The oldest has been waiting 400 days:");
	}

	@Test
	void agesAreSaidInOneUnitWithPlurals() {
		Instant now = Instant.parse("2026-11-30T00:00:00Z");
		assertThat(HomeController.Age.between(now.minusSeconds(20), now)).isEqualTo(new HomeController.Age(HomeController.Age.Unit.MINUTES, 0));
		assertThat(HomeController.Age.between(now.minus(59, ChronoUnit.MINUTES), now).unit()).isEqualTo(HomeController.Age.Unit.MINUTES);
		assertThat(HomeController.Age.between(now.minus(47, ChronoUnit.HOURS), now)).isEqualTo(new HomeController.Age(HomeController.Age.Unit.HOURS, 47));
		assertThat(HomeController.Age.between(now.minus(49, ChronoUnit.HOURS), now)).isEqualTo(new HomeController.Age(HomeController.Age.Unit.DAYS, 2));
		assertThat(say("home.age.MINUTES", 0L)).isEqualTo("less than a minute");
		assertThat(say("home.age.MINUTES", 1L)).isEqualTo("1 minute");
		assertThat(say("home.age.HOURS", 5L)).isEqualTo("5 hours");
		assertThat(say("home.age.DAYS", 1L)).isEqualTo("1 day");
		assertThat(say("home.age.DAYS", 1200L)).isEqualTo("1,200 days");
		assertThat(this.messages.getMessage("home.age.HOURS", new Object[] { 3L }, Locale.JAPANESE)).isEqualTo("3時間");
	}

	@Test
	void noOtherRoleSeesTheTriageQueue() throws Exception {
		Incident reported = report("他の役割には見えない報告", StillHappening.YES);
		for (Role role : List.of(Role.REPORTER, Role.RESPONDER, Role.EXECUTIVE, Role.ADMIN)) {
			String html = home(actor(this.users.create(role)));
			assertThat(html).as(role.name()).doesNotContain(TRIAGE_PANEL, reported.getReference(), "今も続いている");
		}
	}

	@Test
	void theExecutiveSeesEachDecisionAsALinkToWhereItIsMade() throws Exception {
		long escalated = escalated("取引先からの不審な請求書");
		long prevention = inPrevention();
		long announced = escalated("ウェブサイトの改ざん");
		this.reporting.draftAnnouncement(announced, caseVersion(announced), this.lead, Announcement.Kind.FIRST,
				"当社ウェブサイトの改ざんについて（第1報）\n現在、調査を進めています。");
		long waiting = 2 + 1 + this.reporting.announcementsToApprove(this.executive).size();

		// only these wait while the page is read (rolled back): the page shows the first few of each list
		String html = this.transactions.execute(status -> {
			status.setRollbackOnly();
			this.jdbc.update("update incident set state = 'TEAM_FORMED' where state = 'ESCALATED' and id <> all(?)",
					(Object) new Long[] { escalated, announced });
			this.jdbc.update("""
					update incident set closing_approved_at = now(), closing_approved_by = 'test'
					where state = 'PREVENTION' and closing_approved_at is null and id <> ?""", prevention);
			try {
				return home(this.executive);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});

		assertThat(html).contains("あなたの判断を待っているもの", waiting + "件があなたの判断を待っています。", "対応体制を決める",
				"完了を承認する", "公表を承認する");
		assertThat(line(html, reference(escalated))).contains("href=\"/incidents/" + escalated + "#move-FORM_TEAM\"",
				"取引先からの不審な請求書");
		assertThat(line(html, reference(prevention))).contains("href=\"/incidents/" + prevention + "#move-APPROVE_CLOSING\"");
		String announcement = html.substring(html.indexOf("公表を承認する"));
		assertThat(line(announcement, reference(announced)))
			.contains("href=\"/incidents/" + announced + "/reporting#announcements\"", "第一報：ウェブサイトの改ざん")
			.doesNotContain("FIRST");
		assertThat(html).doesNotContain(TRIAGE_PANEL, ASSIGNED_PANEL);

		// once decided, each one leaves the list
		this.incidents.formTeam(escalated, version(escalated), this.executive, this.responder.username(), List.of());
		this.prevention.recordRootCauses(prevention, this.responder,
				new PreventionService.RootCauses(Set.of(RootCause.UNPATCHED_SOFTWARE), "VPN機器の更新が遅れていた", 0));
		this.prevention.addMeasure(prevention, this.responder, new PreventionService.NewMeasure(Measure.Kind.TECHNICAL,
				"VPN機器の更新を月次で確認する", this.responder.username(), LocalDate.now(TOKYO).plusMonths(1)));
		this.incidents.approveClosing(prevention, version(prevention), this.executive);
		long announcementId = this.reporting.caseFor(announced, this.executive).getAnnouncements().get(0).getId();
		this.reporting.approveAnnouncement(announced, caseVersion(announced), this.executive, announcementId);
		html = home(this.executive);
		assertThat(html).doesNotContain("href=\"/incidents/" + escalated + "#move-FORM_TEAM\"",
				"href=\"/incidents/" + prevention + "#move-APPROVE_CLOSING\"",
				"href=\"/incidents/" + announced + "/reporting#announcements\"");
	}

	@Test
	void noOtherRoleSeesTheExecutivesDecisions() throws Exception {
		long escalated = escalated("経営者だけが決めること");
		for (Role role : List.of(Role.REPORTER, Role.SECURITY_LEAD, Role.RESPONDER, Role.ADMIN)) {
			String html = home(actor(this.users.create(role)));
			assertThat(html).as(role.name()).doesNotContain(DECISIONS_PANEL, "#move-FORM_TEAM", "対応体制を決める");
		}
		assertThat(this.reporting.announcementsToApprove(this.lead)).as("only the executive approves").isEmpty();
		assertThat(home(this.executive)).contains("#move-FORM_TEAM", reference(escalated));
	}

	@Test
	void aResponderSeesTheIncidentsAssignedToThem() throws Exception {
		long assigned = escalated("VPN機器への不審な接続");
		this.incidents.formTeam(assigned, version(assigned), this.executive, this.responder.username(), List.of());

		String html = home(this.responder);

		assertThat(html).contains("担当のインシデント", "対応中のインシデント1件を担当しています。", "href=\"/incidents/assigned\"");
		assertThat(line(html, reference(assigned))).contains("href=\"/incidents/" + assigned + "\"", "VPN機器への不審な接続",
				"対応体制構築済み");
		assertThat(home(actor(this.users.create(Role.RESPONDER)))).contains(ASSIGNED_PANEL,
				"担当している対応中のインシデントはありません。");
		assertThat(home(this.lead)).doesNotContain(ASSIGNED_PANEL);
		assertThat(home(this.reporter)).doesNotContain(ASSIGNED_PANEL, TRIAGE_PANEL, DECISIONS_PANEL);

		String english = this.mvc.perform(get("/").header("Accept-Language", "en").with(this.users.signedIn(this.responder.username())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(english).contains("Assigned to me", "1 open incident is assigned to you.", "Team formed")
			.doesNotContain("TEAM_FORMED");
	}

	/** Rolled back: for this look only, nothing waits for anyone. */
	@Test
	@Transactional
	void withNothingWaitingTheLeadAndTheExecutiveAreToldSo() throws Exception {
		nothingElseWaits();
		Actor both = actor(this.users.create(Role.SECURITY_LEAD, Role.EXECUTIVE));

		String html = home(both);

		assertThat(html).contains(TRIAGE_PANEL, "判断を待っている報告はありません。", DECISIONS_PANEL, "判断を待っているものはありません。")
			.doesNotContain("件の報告が待っています", "件があなたの判断を待っています", "対応体制を決める");
	}

	/**
	 * Rolled back: eleven reports wait, ten not yet taken. The page shows the first eight, not yet
	 * taken and oldest first, and links to the queue for the other three.
	 */
	@Test
	@Transactional
	void aLongQueueShowsItsFirstEightAndLinksToTheRest() throws Exception {
		nothingElseWaits();
		List<Incident> untaken = new java.util.ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			untaken.add(report("未受付の報告 " + i, StillHappening.NO));
		}
		Incident taken = report("判断中の報告", StillHappening.NO);
		this.incidents.take(taken.getId(), version(taken.getId()), this.lead);

		String html = home(this.lead);

		assertThat(html).contains("11件の報告が待っています。");
		for (Incident shown : untaken.subList(0, 8)) {
			assertThat(html).contains("href=\"/incidents/" + shown.getId() + "\"");
		}
		for (Incident notShown : List.of(untaken.get(8), untaken.get(9), taken)) {
			assertThat(html).doesNotContain("href=\"/incidents/" + notShown.getId() + "\"");
		}
		assertThat(html).contains("<a href=\"/triage\">ほか 3 件を見る</a>");
		String english = this.mvc.perform(get("/").header("Accept-Language", "en").with(this.users.signedIn(this.lead.username())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(english).contains("<a href=\"/triage\">See 3 more</a>");
	}

	/** Every queue the home page reads emptied, in the test's own transaction. */
	private void nothingElseWaits() {
		this.entities.flush();
		this.jdbc.update("update incident set state = 'DISMISSED' where state in ('REPORTED', 'TRIAGE')");
		this.jdbc.update("update incident set state = 'TEAM_FORMED' where state = 'ESCALATED'");
		this.jdbc.update("""
				update incident set closing_approved_at = now(), closing_approved_by = 'test'
				where state = 'PREVENTION' and closing_approved_at is null""");
		this.jdbc.update("update announcement set approved_at = now(), approved_by = 'test' where approved_at is null");
	}

	@Test
	void englishCountsSayOneAndMany() {
		assertThat(say("home.triage.count", 1)).startsWith("1 report is waiting");
		assertThat(say("home.triage.count", 2)).startsWith("2 reports are waiting");
		assertThat(say("home.decisions.count", 1)).isEqualTo("1 decision is waiting for you.");
		assertThat(say("home.decisions.count", 12)).isEqualTo("12 decisions are waiting for you.");
		assertThat(say("home.assigned.count", 1)).isEqualTo("1 open incident is assigned to you.");
		assertThat(say("home.assigned.count", 3)).isEqualTo("3 open incidents are assigned to you.");
		assertThat(say("home.triage.count", 1234)).startsWith("1,234 reports are waiting");
	}

	private String home(Actor actor) throws Exception {
		return this.mvc.perform(get("/").with(this.users.signedIn(actor.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The list item that holds this text. */
	private static String line(String html, String text) {
		int at = html.indexOf(text);
		assertThat(at).as(text + " on the page").isNotNegative();
		// past a mention outside a list (the oldest report waiting, named above the queue)
		while (at >= 0 && html.lastIndexOf("<p", at) > html.lastIndexOf("<li", at)) {
			at = html.indexOf(text, at + 1);
		}
		assertThat(at).as(text + " in a list").isNotNegative();
		int start = html.lastIndexOf("<li", at);
		return HtmlUtils.htmlUnescape(html.substring(start, html.indexOf("</li>", at)));
	}

	private String say(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, Locale.ENGLISH);
	}

	private Incident report(String title, StillHappening stillHappening) {
		return this.incidents.report(new Incident.Report(title, title + "。詳しくは分からない。", DISCOVERED, "社内PC",
				stillHappening, null, null), this.reporter);
	}

	private long escalated(String title) {
		long id = report(title, StillHappening.UNKNOWN).getId();
		this.incidents.take(id, version(id), this.lead);
		this.incidents.escalate(id, version(id), this.lead, Category.OTHER, null, Severity.MEDIUM, null);
		return id;
	}

	/** An incident walked through every step up to prevention, its closing not yet approved. */
	private long inPrevention() {
		long id = escalated("VPN機器への不正アクセス");
		this.incidents.formTeam(id, version(id), this.executive, this.responder.username(), List.of());
		this.incidents.startContainment(id, version(id), this.lead);
		decideAll(id, true);
		this.incidents.finishContainment(id, version(id), this.lead);
		this.incidents.updateRecord(id, version(id), this.responder,
				new RequiredItems("なし", "VPN機器経由の不正な接続", "VPN機器の脆弱性", "VPN機器を更新済み", "VPN機器1台、社内LAN",
						"情報システム部 内線100", DisclosureStatus.NOT_REQUIRED),
				DISCOVERED.minus(1, ChronoUnit.DAYS), DISCOVERED);
		for (Duty duty : this.reporting.caseFor(id, this.lead).applicableDuties()) {
			this.reporting.file(id, caseVersion(id), this.lead, duty.getId(), new ReportingCase.Filing(
					LocalDate.ofInstant(DISCOVERED, TOKYO), "REF-1", null, Duty.NoticeOutcome.ALL_NOTIFIED, null));
		}
		this.incidents.startRecovery(id, version(id), this.lead);
		decideAll(id, false);
		this.incidents.confirmRecovery(id, version(id), this.lead, "VPN機器を更新し、ログに不審な接続なし", true);
		this.incidents.startPrevention(id, version(id), this.lead);
		assertThat(this.incidents.find(id, this.lead).getState()).isEqualTo(IncidentState.PREVENTION);
		return id;
	}

	private void decideAll(long id, boolean initial) {
		for (ChecklistItem item : this.incidents.findForPage(id, this.lead).getChecklist()) {
			if (item.getGroup().isInitial() == initial && !item.isResolved()) {
				this.incidents.decideChecklistItem(id, version(id), this.responder, item.getId(),
						ChecklistItem.Status.DONE, null);
			}
		}
	}

	private String reference(long id) {
		return this.incidents.find(id, this.lead).getReference();
	}

	private long version(long id) {
		return this.incidents.find(id, this.lead).getVersion();
	}

	private long caseVersion(long id) {
		return this.reporting.caseFor(id, this.lead).getVersion();
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), Set.copyOf(account.getRoles()));
	}

}
