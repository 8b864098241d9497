package jp.hikeshi.handover;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.prevention.RootCause;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report and the record as the server's own PDFs, and the print pages they share their markup
 * with: opened with PDFBox to read what an insurer would read — the pages, the embedded Japanese
 * font, the reference, the people by name and department, the signature block, one chronology.
 */
@IntegrationTest
class HandoverPdfTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final Instant DISCOVERED = Instant.parse("2026-06-02T00:30:00Z");

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AccountService accounts;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	PreventionService prevention;

	Actor lead;

	Actor responder;

	Actor executive;

	Actor reporter;

	@BeforeEach
	void people() {
		int n = SEQUENCE.incrementAndGet();
		this.lead = person("pdflead" + n, "火消 主任", "情報システム部", Role.SECURITY_LEAD);
		this.responder = person("pdfresp" + n, "対応 花子", "総務部", Role.RESPONDER);
		this.executive = person("pdfexec" + n, "社長 一郎", "経営企画室", Role.EXECUTIVE);
		this.reporter = person("pdfstaff" + n, "経理 次郎", "経理部", Role.REPORTER);
	}

	@Test
	void theReportPdfIsWhatAnInsurerReads() throws Exception {
		long id = closingApproved();
		String reference = this.incidents.find(id, this.lead).getReference();

		MockHttpServletResponse response = pdf("/incidents/{id}/report.pdf", id, this.lead);

		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"" + reference + "-report.pdf\"; filename*=UTF-8''" + reference + "-report.pdf");
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			// a one-day incident walked through every step fits on a few A4 pages
			assertThat(pdf.getNumberOfPages()).isBetween(1, 3);
			assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
			assertEveryFontEmbedded(pdf);
			String text = text(pdf);
			assertThat(text).contains(reference, "インシデント報告書", "作成者", "承認者", "日付", "対応経過",
					"総務部 対応 花子", "経営企画室 社長 一郎", "1 / " + pdf.getNumberOfPages());
			assertThat(text).doesNotContain(this.lead.username(), this.responder.username(),
					this.executive.username(), this.reporter.username());
			// the chronology once: the state change into containment is one line of it
			assertThat(occurrences(text, "対応体制構築済み → 初動対応中")).isEqualTo(1);
		}
	}

	@Test
	void theRecordPdfIsTheGuidesTableInJapanese() throws Exception {
		long id = closingApproved();
		String reference = this.incidents.find(id, this.lead).getReference();

		MockHttpServletResponse response = this.mvc
			.perform(get("/incidents/{id}/record.pdf", id).with(this.users.signedIn(this.executive.username()))
				.locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"" + reference + "-record.pdf\"; filename*=UTF-8''" + reference + "-record.pdf");
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			assertEveryFontEmbedded(pdf);
			String text = text(pdf);
			assertThat(text).contains("インシデント発生時に整理しておくべき事項 " + reference, "システム構成・運用状況",
					"作成者", "承認者", "総務部 対応 花子");
			assertThat(text).doesNotContain("Items to record", this.responder.username());
		}
	}

	@Test
	void aPdfOneMayNotSeeDoesNotExist() throws Exception {
		long id = closingApproved();
		Actor otherResponder = person("pdfother" + SEQUENCE.incrementAndGet(), "別の 担当", "営業部", Role.RESPONDER);
		for (String url : List.of("/incidents/{id}/report.pdf", "/incidents/{id}/record.pdf")) {
			this.mvc.perform(get(url, id).with(this.users.signedIn(otherResponder.username())))
				.andExpect(status().isNotFound());
			this.mvc.perform(get(url, Long.MAX_VALUE).with(this.users.signedIn(this.lead.username())))
				.andExpect(status().isNotFound());
			// the staff member who reported it follows their report, not its documents: refused as the print pages are
			int printPage = this.mvc
				.perform(get("/incidents/{id}/report", id).with(this.users.signedIn(this.reporter.username())))
				.andReturn()
				.getResponse()
				.getStatus();
			this.mvc.perform(get(url, id).with(this.users.signedIn(this.reporter.username())))
				.andExpect(status().is(printPage));
			assertThat(printPage).isIn(403, 404);
		}
	}

	@Test
	void theReportPagePrintsTheChronologyOnceUnderTheSignatureBlock() throws Exception {
		long id = closingApproved();
		String html = page("/incidents/{id}/report", id, Locale.JAPANESE);

		assertThat(occurrences(html, "対応体制構築済み → 初動対応中")).isEqualTo(1);
		assertThat(html).contains("作成者", "承認者", "日付", "総務部 対応 花子", "経営企画室 社長 一郎",
				"本報告書末尾の「対応経過」のとおり", "/incidents/" + id + "/report.pdf");
		assertThat(html).doesNotContain(">" + this.responder.username() + "<", ">" + this.executive.username() + "<");
	}

	@Test
	void anEnglishReaderIsToldWhyTheRecordIsJapaneseAndGetsTheReportInEnglish() throws Exception {
		long id = closingApproved();

		String record = page("/incidents/{id}/record/print", id, Locale.ENGLISH);
		assertThat(record).contains("This record stays in Japanese", "インシデント発生時に整理しておくべき事項",
				"/incidents/" + id + "/record.pdf");

		String report = page("/incidents/{id}/report", id, Locale.ENGLISH);
		assertThat(report).contains("Prepared by", "Approved by", "Timeline", "Show the Japanese version",
				"/incidents/" + id + "/report.pdf?language=ja");
		String japanese = page("/incidents/{id}/report?language=ja", id, Locale.ENGLISH);
		assertThat(japanese).contains("インシデント報告書", "作成者", "Show the English version");
	}

	@Test
	void aBlankLineIsLeftForTheApproverUntilClosingIsApproved() throws Exception {
		long id = escalated("承認前の報告書");
		String html = page("/incidents/{id}/report", id, Locale.JAPANESE);
		assertThat(html).contains("doc-sign-line", "作成者").doesNotContain("承認）");
	}

	private MockHttpServletResponse pdf(String url, long id, Actor actor) throws Exception {
		return this.mvc.perform(get(url, id).with(this.users.signedIn(actor.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	private String page(String url, long id, Locale locale) throws Exception {
		return this.mvc.perform(get(url, id).with(this.users.signedIn(this.lead.username())).locale(locale))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static void assertEveryFontEmbedded(PDDocument pdf) throws IOException {
		List<String> fonts = new ArrayList<>();
		for (PDPage page : pdf.getPages()) {
			PDResources resources = page.getResources();
			for (COSName name : resources.getFontNames()) {
				PDFont font = resources.getFont(name);
				fonts.add(font.getName());
				assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
			}
		}
		assertThat(fonts).isNotEmpty().allSatisfy(name -> assertThat(name).contains("NotoSansJP"));
	}

	private static String text(PDDocument pdf) throws IOException {
		return new PDFTextStripper().getText(pdf);
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private Actor person(String username, String name, String department, Role role) {
		this.accounts.create(new CreateAccount(username, new Profile(name, department, null, null), EnumSet.of(role),
				CompletedSetup.PASSWORD), "test");
		return new Actor(username, Set.of(role));
	}

	private long escalated(String title) {
		long id = this.incidents.report(new Incident.Report(title, "画面に脅迫文が出た", DISCOVERED, "経理部PC", null, null, null),
				this.reporter)
			.getId();
		this.incidents.take(id, version(id), this.lead);
		this.incidents.escalate(id, version(id), this.lead, Category.VIRUS_RANSOMWARE, null, Severity.HIGH, null);
		return id;
	}

	/** A one-day incident walked through every step, its closing approved by the executive. */
	private long closingApproved() {
		long id = escalated("経理部PCのランサムウェア感染");
		this.incidents.formTeam(id, version(id), this.executive, this.responder.username(), List.of());
		this.incidents.startContainment(id, version(id), this.lead);
		decideAll(id, true);
		this.incidents.finishContainment(id, version(id), this.lead);
		this.incidents.updateRecord(id, version(id), this.responder,
				new RequiredItems("取引先なし", "経理部PC1台が暗号化された", "メール添付ファイルの実行", "PCを初期化し復旧済み",
						"Windows 11、ファイルサーバー1台", "情報システム部 内線100", DisclosureStatus.NOT_REQUIRED),
				DISCOVERED.minus(1, ChronoUnit.HOURS), DISCOVERED);
		for (Duty duty : this.reporting.caseFor(id, this.lead).applicableDuties()) {
			this.reporting.file(id, this.reporting.caseFor(id, this.lead).getVersion(), this.lead, duty.getId(),
					new ReportingCase.Filing(LocalDate.ofInstant(DISCOVERED, TOKYO), "REF-1", null,
							Duty.NoticeOutcome.ALL_NOTIFIED, null));
		}
		this.incidents.startRecovery(id, version(id), this.lead);
		decideAll(id, false);
		this.incidents.confirmRecovery(id, version(id), this.lead, "PCを初期化し、バックアップから復元した", true);
		this.incidents.startPrevention(id, version(id), this.lead);
		this.prevention.recordRootCauses(id, this.responder,
				new PreventionService.RootCauses(Set.of(RootCause.UNPATCHED_SOFTWARE), "添付ファイルの実行を止められなかった", 0));
		this.prevention.addMeasure(id, this.responder, new PreventionService.NewMeasure(Measure.Kind.TECHNICAL,
				"メールの添付ファイルを隔離する", this.responder.username(), LocalDate.now(TOKYO).plusMonths(1)));
		this.incidents.approveClosing(id, version(id), this.executive);
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

	private long version(long id) {
		return this.incidents.find(id, this.lead).getVersion();
	}

}
