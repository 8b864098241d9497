package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.ChecklistPoint;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.prevention.PreventionService.NewMeasure;
import jp.hikeshi.reporting.FilingTexts.Addressee;
import jp.hikeshi.reporting.FilingTexts.Kind;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The texts to file read what the incident holds — the grounds Hikeshi worked out, the data
 * sets, the notice's outcome, the plan, the checklist — and mark every gap; none holds an
 * internal code.
 */
@IntegrationTest
class FilingTextsTest {

	private static final Instant DISCOVERED = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

	private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	@Autowired
	ReportingService reporting;

	@Autowired
	IncidentService incidents;

	@Autowired
	PreventionService prevention;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	Actor lead;

	UserAccount reporter;

	long id;

	@BeforeEach
	void anEscalatedUnauthorisedAccess() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.reporter = this.users.create(Role.REPORTER);
		this.id = this.incidents.report(new Incident.Report("EC不正アクセス（社内管理用）", "通販サイトで不審なログインを検知", DISCOVERED,
				"通販サイト", null, null, null), new Actor(this.reporter.getUsername(), Set.of(Role.REPORTER))).getId();
		this.incidents.take(this.id, version(), this.lead);
		this.incidents.escalate(this.id, version(), this.lead, Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS,
				Severity.HIGH, null);
	}

	@Test
	void thePpcReportNamesTheGroundsHikeshiWorkedOutAndMarksItsGaps() {
		facts(LeakStatus.FEARED, null, CausedBy.UNKNOWN, null, null);
		addDataSet(cards(10, 1_500));

		String ppc = text(Kind.PPC_PRELIMINARY);
		assertThat(ppc).contains("報告の種類：速報\n")
			.doesNotContain("確報を兼ねます")
			.contains("・第2号：不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等が発生したおそれがある事態")
			.contains("・第3号：不正の目的をもって行われたおそれがある個人データの漏えい等が発生したおそれがある事態")
			.contains("・第4号：個人データに係る本人の数が1,000人を超える漏えい等が発生したおそれがある事態")
			.doesNotContain("第1号")
			.contains("・カード会員情報（顧客の情報）\n　項目：氏名、クレジットカード番号、有効期限\n　媒体・保管場所：ECサイトのデータベース")
			.contains("・カード会員情報：最大1,500人（確定10人）")
			.contains("発見者・発見の経緯：社内の " + this.reporter.getDisplayName() + " が発見し報告")
			.contains("■ 4. 原因\n【要記入：原因】\n原因を生じさせた者：【要記入：原因を生じさせた者（当社・委託先・第三者）】")
			.contains("【要記入：発生日時（不明な場合はその旨）】")
			.contains("【要記入：二次被害又はそのおそれの有無と内容】")
			.contains("本人への通知：未実施（【要記入：通知の予定時期と方法】）")
			.contains("【要記入：再発防止のための措置】")
			.contains("委託元・委託先の関与：なし");
		withoutInternalCodes(ppc);

		// an encrypted backup with a safe key is left out of the report, and says why
		addDataSet(new DataSet.Details("暗号化されたバックアップ", "氏名、住所", "バックアップ媒体", DataSet.Owner.CUSTOMERS, false,
				false, false, 50_000, 50_000, true, "AES-256", DataSet.KeyState.SAFE, false, false));
		assertThat(text(Kind.PPC_PRELIMINARY))
			.contains("・暗号化されたバックアップ：報告の対象外（高度な暗号化がされ、復号鍵は漏えいしていない）")
			.doesNotContain("最大50,000人", "最大50000人");

		facts(LeakStatus.OCCURRED, null, CausedBy.UNKNOWN, null, null);
		assertThat(text(Kind.PPC_PRELIMINARY)).as("発生, no longer おそれ")
			.contains("・第2号：不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等が発生した事態")
			.doesNotContain("が発生したおそれがある事態");
	}

	@Test
	void aCompletePreliminaryReportServesAsTheFinalOneAndAFiledFinalIsSupplemented() {
		facts(LeakStatus.OCCURRED, "管理画面の脆弱性を突かれた", CausedBy.THIRD_PARTY, "不正利用の報告はない", null);
		addDataSet(cards(10, 1_500));
		this.incidents.updateRecord(this.id, version(), this.lead, new RequiredItems(null, "カード情報が外部に送信された",
				"管理画面の脆弱性", "ECサーバ", null, "03-0000-0000", DisclosureStatus.UNDECIDED), DISCOVERED.minus(1,
				ChronoUnit.DAYS), DISCOVERED);
		LocalDate today = LocalDate.now(this.reporting.zone());
		file(DutyType.PERSON_NOTICE, new ReportingCase.Filing(today, null, null, Duty.NoticeOutcome.ALL_NOTIFIED, null));
		this.reporting.draftAnnouncement(this.id, caseVersion(), this.lead, Announcement.Kind.FIRST, "お知らせ");
		long done = this.prevention.addMeasure(this.id, this.lead,
				new NewMeasure(Measure.Kind.TECHNICAL, "管理画面へのアクセス制限", this.lead.username(), today.plusDays(3)));
		this.prevention.complete(this.id, done, this.lead, today);
		this.prevention.addMeasure(this.id, this.lead,
				new NewMeasure(Measure.Kind.TRAINING, "開発者向けの安全なコーディング研修", this.lead.username(), today.plusMonths(1)));

		String preliminary = text(Kind.PPC_PRELIMINARY);
		assertThat(preliminary).doesNotContain("【要記入")
			.contains("報告の種類：速報（すべての項目を記載しているため、確報を兼ねます）")
			.contains("■ 4. 原因\n管理画面の脆弱性を突かれた\n原因を生じさせた者：第三者")
			.contains("本人への通知：" + JAPANESE_DATE.format(today) + " 対象となる本人全員に通知しました。")
			.contains("■ 8. 再発防止のための措置\n実施済みの措置：\n・管理画面へのアクセス制限（" + JAPANESE_DATE.format(today)
					+ " 実施済み）\n今後実施する措置：\n・開発者向けの安全なコーディング研修（" + JAPANESE_DATE.format(today.plusMonths(1))
					+ "までに実施予定）");
		assertThat(text(Kind.PPC_FINAL)).contains("報告の種類：確報\n");

		file(DutyType.PPC_FINAL, new ReportingCase.Filing(today, "PPC-1", null, null, null));
		assertThat(text(Kind.PPC_FINAL)).contains("報告の種類：確報（追完）");
	}

	@Test
	void theNoticeIsDatedAddressedAndAdvisesPerKindOfData() {
		facts(LeakStatus.OCCURRED, null, CausedBy.UNKNOWN, null, null);
		addDataSet(cards(10, 20));

		String notice = text(Kind.NOTICE);
		String today = JAPANESE_DATE.format(LocalDate.now(this.reporting.zone()));
		assertThat(notice).startsWith(today + "\nお客様各位\n")
			.contains("ご迷惑とご心配をおかけしましたことを")
			.contains("カード会社にお問い合わせください")
			.contains("不審なメール、電話、郵便物にご注意ください")
			.contains("3. 原因\n【要記入：原因】")
			.contains("【要記入：問い合わせ窓口の名称・電話番号・受付時間】")
			.doesNotContain("マイナンバー");
		withoutInternalCodes(notice);
		assertThat(this.reporting.text(this.id, this.lead, Kind.NOTICE, Addressee.MEMBERS))
			.startsWith(today + "\n会員の皆様\n");

		long cards = this.reporting.caseFor(this.id, this.lead).getDataSets().get(0).getId();
		this.reporting.changeDataSet(this.id, caseVersion(), this.lead, cards, new DataSet.Details("給与台帳", "氏名、マイナンバー",
				"給与システム", DataSet.Owner.EMPLOYEES, false, false, true, 30, 30, false, null, null, false, false));
		assertThat(text(Kind.NOTICE)).as("the employees' data only").startsWith(today + "\n従業員各位\n")
			.contains("マイナンバー（個人番号）を聞き出そうとする")
			.doesNotContain("カード会社");
	}

	@Test
	void theClientNoticeConcernsTheClientsDataOnly() {
		facts(LeakStatus.FEARED, null, CausedBy.UNKNOWN, null, null);
		addDataSet(cards(10, 20));
		addDataSet(new DataSet.Details("受託した会員名簿", "氏名、メールアドレス", "受託システム", DataSet.Owner.CLIENT, false, false,
				false, null, 300, false, null, null, false, false));

		String client = text(Kind.CLIENT_NOTICE);
		assertThat(client).contains("個人情報保護法第26条第1項ただし書・施行規則第9条に基づき、下記のとおり通知いたします。")
			.contains("・受託した会員名簿（委託元から預かった情報）")
			.contains("・受託した会員名簿：最大300人（確定した人数は調査中）")
			.doesNotContain("カード会員情報：");
		assertThat(text(Kind.PPC_PRELIMINARY)).contains("委託元から委託を受けて取り扱っている個人データ（受託した会員名簿）が含まれます。");
	}

	@Test
	void theIpaFormsAskForWhatTheIncidentDoesNotHold() {
		String access = text(Kind.IPA_ACCESS);
		assertThat(access).startsWith("IPAへの届出（コンピュータ不正アクセス）")
			.contains("住所：【要記入：所在地】")
			.contains("■ 稼働環境\n【要記入：オンプレミス／IaaS／SaaS／ホスティングのいずれか】")
			.contains("【要記入：侵入経路】")
			.contains("■ 被害を受けた機器（PC、スマートフォン、サーバー（種類）、ネットワーク機器、NAS、クラウドアカウント等）\n通販サイト");
		withoutInternalCodes(access);
		assertThat(text(Kind.IPA_VIRUS)).startsWith("IPAへの届出（コンピュータウイルス）")
			.contains("【要記入：ウイルス名（不明な場合は画面の表示などの症状）】")
			.contains("感染台数：【要記入：感染台数】")
			.contains("【要記入：感染経路】");
	}

	@Test
	void announcementsCarryThePublicTitleTheirNumberAndOnlyWhatWasDone() {
		String first = text(Kind.ANNOUNCEMENT_FIRST);
		assertThat(first).startsWith("【要記入：公表用の件名】について（第1報）")
			.contains("当社は、【要記入：実施した対応】を行い")
			.doesNotContain("外部からのアクセスの遮断")
			.doesNotContain("EC不正アクセス（社内管理用）");
		withoutInternalCodes(first);

		facts(LeakStatus.FEARED, null, CausedBy.UNKNOWN, null, "当社通販サイトへの不正アクセス");
		decide(ChecklistPoint.ISOLATE_NETWORK);
		decide(ChecklistPoint.PRESERVE_RECORDS);
		this.reporting.draftAnnouncement(this.id, caseVersion(), this.lead, Announcement.Kind.FIRST,
				text(Kind.ANNOUNCEMENT_FIRST));

		assertThat(this.reporting.caseFor(this.id, this.lead).getAnnouncements().get(0).getTitle())
			.isEqualTo("当社通販サイトへの不正アクセスについて（第1報）");
		assertThat(text(Kind.ANNOUNCEMENT_FOLLOW_UP)).startsWith("当社通販サイトへの不正アクセスについて（第2報）")
			.contains("当社は、外部からのアクセスの遮断及び調査のための記録の保全を行い");
		String last = text(Kind.ANNOUNCEMENT_FINAL);
		assertThat(last).startsWith("当社通販サイトへの不正アクセスについて（最終報）")
			.contains("【要記入：補償の内容】")
			.contains("【要記入：対象となった情報と人数】")
			.contains("【要記入：再発防止のための措置】");
	}

	@Test
	void theTextsPageAddressesTheNoticeAsChosenAndThePublicTitleIsOnTheTimeline() throws Exception {
		facts(LeakStatus.FEARED, null, CausedBy.UNKNOWN, null, "当社通販サイトへの不正アクセス");
		assertThat(this.incidents.findForPage(this.id, this.lead).getTimeline())
			.anySatisfy(entry -> {
				assertThat(entry.getKind()).isEqualTo(jp.hikeshi.incident.TimelineEntry.Kind.FACT_TEXT_CHANGED);
				assertThat(entry.getField()).isEqualTo("PUBLIC_TITLE");
				assertThat(entry.getAfter()).isEqualTo("当社通販サイトへの不正アクセス");
			});

		String notice = this.mvc
			.perform(get("/incidents/{id}/reporting/texts/NOTICE", this.id).param("addressee", "EMPLOYEES")
				.with(this.users.signedIn(this.lead.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(notice).contains("name=\"addressee\"").contains("従業員各位\n");
		String ppc = this.mvc
			.perform(get("/incidents/{id}/reporting/texts/PPC_PRELIMINARY", this.id)
				.with(this.users.signedIn(this.lead.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ppc).doesNotContain("name=\"addressee\"").contains("報告の種類：速報");
		this.mvc.perform(get("/incidents/{id}/reporting", this.id).with(this.users.signedIn(this.lead.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"当社通販サイトへの不正アクセス\"")));
	}

	private void withoutInternalCodes(String text) {
		assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
			.doesNotContain(this.incidents.find(this.id, this.lead).getReference())
			.doesNotContain("duty.reason")
			.doesNotContain("UNAUTHORISED")
			.doesNotContain("CUSTOMERS")
			.doesNotContain("社内の " + this.reporter.getUsername());
	}

	private String text(Kind kind) {
		return this.reporting.text(this.id, this.lead, kind);
	}

	private void facts(LeakStatus leak, String cause, CausedBy causedBy, String secondaryDamage, String publicTitle) {
		this.reporting.updateFacts(this.id, caseVersion(), this.lead, new Facts(leak, null, true, null, true, true,
				false, false, false, false, false, false, null, null, null, cause, causedBy), secondaryDamage, publicTitle);
	}

	private static DataSet.Details cards(Integer confirmed, Integer maximum) {
		return new DataSet.Details("カード会員情報", "氏名、クレジットカード番号、有効期限", "ECサイトのデータベース", DataSet.Owner.CUSTOMERS,
				false, true, false, confirmed, maximum, false, null, null, false, false);
	}

	private void addDataSet(DataSet.Details details) {
		this.reporting.addDataSet(this.id, caseVersion(), this.lead, details);
	}

	private void file(DutyType type, ReportingCase.Filing filing) {
		long duty = this.reporting.caseFor(this.id, this.lead)
			.applicableDuties()
			.stream()
			.filter(d -> d.getType() == type)
			.findFirst()
			.orElseThrow()
			.getId();
		this.reporting.file(this.id, caseVersion(), this.lead, duty, filing);
	}

	private void decide(ChecklistPoint point) {
		long item = this.incidents.findForPage(this.id, this.lead)
			.getChecklist()
			.stream()
			.filter(i -> i.getItem() == point)
			.findFirst()
			.orElseThrow()
			.getId();
		this.incidents.decideChecklistItem(this.id, version(), this.lead, item, ChecklistItem.Status.DONE, null);
	}

	private long caseVersion() {
		return this.reporting.caseFor(this.id, this.lead).getVersion();
	}

	private long version() {
		return this.incidents.find(this.id, this.lead).getVersion();
	}

}
