package jp.hikeshi.handover;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The documents handed over: the workbook's cells, the CSV's bytes, the print views. */
@IntegrationTest
class HandoverTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Test
	void theWorkbookHoldsTheGuidesTable() throws Exception {
		Actor lead = lead();
		Incident incident = recordedIncident(lead, "=HYPERLINK(\"http://example.invalid\")");
		byte[] bytes = this.mvc.perform(get("/incidents/{id}/record.xlsx", incident.getId())
				.with(this.users.signedIn(lead.username())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("インシデント発生時に整理しておくべき事項 " + incident.getReference());
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("項目");
			assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("内容");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("インシデントの分類");
			assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("ウイルス・ランサムウェア感染");
			assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).startsWith("テスト株式会社");
			assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("発生日時");
			assertThat(sheet.getRow(6).getCell(1).getStringCellValue()).isEqualTo("（未記入）");
			assertThat(sheet.getRow(8).getCell(1).getStringCellValue()).isEqualTo("経理部PCが暗号化された");
			assertThat(sheet.getRow(9).getCell(0).getStringCellValue()).isEqualTo("対応経過");
			assertThat(sheet.getRow(9).getCell(1).getStringCellValue()).contains("報告", "報告受付 → 判断中");
			assertThat(sheet.getRow(15).getCell(0).getStringCellValue()).isEqualTo("事案の公表");
			assertThat(sheet.getRow(15).getCell(1).getStringCellValue()).isEqualTo("公表しない");
			// the title stays text: cells are written as strings, never formulas
			assertThat(sheet.getRow(8).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
		}
	}

	@Test
	void theCsvOpensInExcelAndCannotCarryAFormula() throws Exception {
		Actor lead = lead();
		Incident incident = recordedIncident(lead, "=cmd|' /C calc'!A0");
		byte[] bytes = this.mvc.perform(get("/incidents.csv").with(this.users.signedIn(lead.username())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String csv = new String(bytes, StandardCharsets.UTF_8);
		assertThat(csv).contains("\"受付番号\",\"件名\"", "\"" + incident.getReference() + "\"",
				"\"'=cmd|' /C calc'!A0\"", "\r\n");
	}

	@Test
	void thePrintViewsShowTheRecordAndTheReport() throws Exception {
		Actor lead = lead();
		Incident incident = recordedIncident(lead, "印刷の確認");
		this.mvc.perform(get("/incidents/{id}/record/print", incident.getId()).with(this.users.signedIn(lead.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("システム構成・運用状況")));
		this.mvc.perform(get("/incidents/{id}/report", incident.getId()).with(this.users.signedIn(lead.username())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("インシデント報告書 " + incident.getReference())))
			.andExpect(content().string(containsString("IPAへの届出（ウイルス・不正アクセス）")));
	}

	@Test
	void documentsOfAnIncidentOneMayNotSeeDoNotExist() throws Exception {
		Incident incident = recordedIncident(lead(), "見えない");
		this.mvc.perform(get("/incidents/{id}/record.xlsx", incident.getId()).with(this.users.as(Role.RESPONDER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/incidents/{id}/report", incident.getId()).with(this.users.as(Role.RESPONDER)))
			.andExpect(status().isNotFound());
		byte[] csv = this.mvc.perform(get("/incidents.csv").with(this.users.as(Role.RESPONDER)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(csv, StandardCharsets.UTF_8)).doesNotContain(incident.getReference());
	}

	private Actor lead() {
		return new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
	}

	private Incident recordedIncident(Actor lead, String title) {
		Actor staff = new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER));
		long id = this.incidents.report(new Incident.Report(title, "画面に脅迫文", null, "経理部PC", null, null, null), staff)
			.getId();
		this.incidents.take(id, 0, lead);
		this.incidents.escalate(id, version(id, lead), lead, Category.VIRUS_RANSOMWARE, null, Severity.HIGH, null);
		Incident incident = this.incidents.find(id, lead);
		this.incidents.updateRecord(id, incident.getVersion(), lead, new RequiredItems(null, "経理部PCが暗号化された",
				"メール添付", "PC1台", "Windows 11", "総務部", DisclosureStatus.NOT_REQUIRED), null, incident.getDiscoveredAt());
		return this.incidents.find(id, lead);
	}

	private long version(long id, Actor actor) {
		return this.incidents.find(id, actor).getVersion();
	}

}
