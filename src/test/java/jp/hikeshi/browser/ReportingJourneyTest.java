package jp.hikeshi.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 2 in a real browser: a leak of 1,200 customers' card data owes the PPC reports with
 * their deadlines; the lead files the preliminary report; the final report's countdown shows
 * on the list of reports due, for the lead and for the executive.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class ReportingJourneyTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Test
	void aCardDataLeakOwesThePpcReports() {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		Actor leadActor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		Incident incident = this.incidents.report(new Incident.Report("通販サイトからカード情報流出の疑い",
				"カード会社から不正利用の連絡があった。", null, "通販サイト", null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(incident.getId(), 0, leadActor);
		this.incidents.escalate(incident.getId(), this.incidents.find(incident.getId(), leadActor).getVersion(), leadActor,
				Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS, Severity.CRITICAL, null);
		LocalDate discovered = LocalDate.ofInstant(incident.getDiscoveredAt(), TOKYO);
		String preliminaryDeadline = SHOWN.format(discovered.plusDays(6).atStartOfDay(TOKYO));
		String finalDeadline = SHOWN.format(discovered.plusDays(61).atStartOfDay(TOKYO));

		try (Browser browser = Browser.open(this.port, "ja")) {
			browser.signIn(lead.getUsername(), CompletedSetup.PASSWORD)
				.go("/incidents/" + incident.getId())
				.click("必要な報告と公表");
			assertThat(browser.text()).contains("IPAへの届出（ウイルス・不正アクセス）", "警察（都道府県警察のサイバー犯罪相談窓口）")
				.doesNotContain("個人情報保護委員会への速報");

			browser.check("personalData", "YES").type("peopleCount", "1200").check("financialData", "true");
			browser.type("dataItems", "氏名、住所、クレジットカード番号、有効期限").submit("事実を保存する");
			assertThat(browser.text()).contains("事実を保存し、必要な報告を計算し直しました。", "個人情報保護委員会への速報",
					"個人情報保護委員会への確報", "本人への通知", "本人の数が1,000人を超えています。",
					"不正の目的によるおそれがあるため、確報は60日以内に提出します。");
			assertThat(browser.text()).contains(preliminaryDeadline + " まで", finalDeadline + " まで");

			WebElement preliminary = browser.driver()
				.findElement(By.xpath("//div[contains(@class,'duty')][.//h3[normalize-space()='個人情報保護委員会への速報']]"));
			String dutyId = preliminary.findElement(By.cssSelector("input[name=filedOn]")).getAttribute("id");
			browser.type(dutyId, LocalDate.now(TOKYO).toString());
			browser.type(dutyId.replace("filedOn-", "ref-"), "PPC-2026-000123");
			browser.clickAndWait(preliminary.findElement(By.xpath(".//button[normalize-space()='報告済みとして記録する']")));
			assertThat(browser.text()).contains("報告を記録しました。", "受付番号：PPC-2026-000123");

			browser.click("個人情報保護委員会への報告");
			assertThat(browser.text()).contains("■ 3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数", "1200人",
					"【要記入：二次被害の有無と内容】");
			browser.go("/incidents/" + incident.getId());
			assertThat(browser.text()).contains("個人情報保護委員会への確報：" + finalDeadline);
			browser.go("/");
			assertThat(browser.text()).contains("報告期限", "個人情報保護委員会への確報", incident.getReference());
			browser.signOut();

			browser.signIn(executive.getUsername(), CompletedSetup.PASSWORD).click("報告期限");
			WebElement row = browser.driver()
				.findElement(By.xpath("//tr[td[normalize-space()='個人情報保護委員会への確報']][td/a[normalize-space()='"
						+ incident.getReference() + "']]"));
			assertThat(row.getText()).contains("期限内", finalDeadline + " まで", "あと");
			assertThat(browser.text()).doesNotContain("PPC-2026-000123");
		}
	}

}
