package jp.hikeshi.browser;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One incident through the guide's three steps in a real browser, each role doing its part
 * and seeing only what it should: staff report, the lead triages and escalates, the
 * executive forms the team, the responder works the checklist, the lead records and moves
 * it on, the executive approves the closing, the lead closes, and the reporter follows it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class IncidentJourneyTest {

	private static final String PASSWORD = CompletedSetup.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Test
	void fromReportToClosing() {
		UserAccount staff = this.users.create(Role.REPORTER);
		UserAccount lead = this.users.create(Role.SECURITY_LEAD, Role.REPORTER);
		UserAccount executive = this.users.create(Role.EXECUTIVE, Role.REPORTER);
		UserAccount responder = this.users.create(Role.RESPONDER, Role.REPORTER);
		UserAccount bystander = this.users.create(Role.RESPONDER);

		try (Browser browser = Browser.open(this.port, "ja")) {
			// Staff: report from the button every page carries.
			browser.signIn(staff.getUsername(), PASSWORD).click("おかしいと思ったら報告");
			browser.type("description", "画面に「ファイルを暗号化した。72時間以内に支払え」と表示された。")
				.type("affectedSystem", "経理部のパソコン")
				.check("stillHappening", "YES")
				.submit("報告を送る");
			assertThat(browser.heading()).isEqualTo("報告を受け付けました。ありがとうございます");
			assertThat(browser.text()).contains("受付番号", "機器の電源を切らないでください");
			String reference = browser.driver().findElement(org.openqa.selenium.By.cssSelector(".reference-number")).getText();
			assertThat(reference).matches("INC-\\d{4}-\\d{5}");
			browser.signOut();

			// The lead: the triage queue, take, a guard that refuses, then escalate.
			browser.signIn(lead.getUsername(), PASSWORD).click("受付・判断").click(reference);
			assertThat(browser.text()).contains("報告受付");
			browser.submit("この報告を受け付ける");
			assertThat(browser.text()).contains("報告を受け付けました。", "判断中");
			browser.submit("経営者へ報告する");
			assertThat(browser.text()).contains("分類を選んでください。", "深刻度を選んでください。");
			browser.choose("category", "VIRUS_RANSOMWARE").choose("severity", "HIGH").submit("経営者へ報告する");
			assertThat(browser.text()).contains("経営者へ報告しました。", "経営者へ報告済み");
			browser.type("text", "内部メモ：バックアップの世代を確認中").submitInPlace("メモを追加");
			assertThat(browser.text()).contains("内部メモ：バックアップの世代を確認中");
			String incidentPath = browser.path();
			browser.signOut();

			// A responder who is not on the team: the incident does not exist for them.
			browser.signIn(bystander.getUsername(), PASSWORD).go(incidentPath);
			assertThat(browser.heading()).isEqualTo("ページが見つかりません");
			browser.go("/").signOut();

			// The executive: the inbox, then the team.
			browser.signIn(executive.getUsername(), PASSWORD).click("判断待ち").click(reference);
			browser.choose("responsible", responder.getUsername())
				.pickTeamMember(responder.getDisplayName(), "感染端末の隔離とログの保全")
				.submit("対応体制を構築する");
			assertThat(browser.text()).contains("対応体制を構築しました。", "対応体制構築済み");
			browser.signOut();

			// The lead starts containment; leaving it is refused while the checklist is open.
			browser.signIn(lead.getUsername(), PASSWORD).go(incidentPath).submit("初動対応を開始する");
			assertThat(browser.text()).contains("機器の電源を切らないでください");
			browser.submit("初動対応を終え、報告・公表へ進む");
			assertThat(browser.text()).contains("実行されませんでした",
					"初動対応のチェック項目のうち4件が、完了にも該当なしにもなっていません");
			browser.signOut();

			// The responder works the checklist from "assigned to me".
			browser.signIn(responder.getUsername(), PASSWORD).click("担当のインシデント").click(reference);
			assertThat(browser.text()).contains("内部メモ：バックアップの世代を確認中");
			browser.completeOpenChecklistItems();
			browser.signOut();

			// The lead: step 2, the required items, step 3, root cause and prevention.
			browser.signIn(lead.getUsername(), PASSWORD).go(incidentPath).submit("初動対応を終え、報告・公表へ進む");
			assertThat(browser.text()).contains("報告・公表のステップに進みました。");
			browser.type("occurredAt", "2026-11-01T09:00")
				.type("eventsAndDamage", "経理部のパソコン1台のファイルが暗号化された。")
				.type("assumedCause", "添付ファイルを開いたことによる感染と推定。")
				.type("affectedSystemsStatus", "経理部PC1台。ファイルサーバーへの拡大はなし。")
				.type("systemConfiguration", "Windows 11、社内LAN、UTMあり。")
				.type("contact", "情報システム部 内線100")
				.choose("disclosureStatus", "NOT_REQUIRED")
				.submit("保存する");
			assertThat(browser.text()).contains("整理しておくべき事項を保存しました。");
			// Leaving step 2 is refused until every report owed — or that may be owed — is decided.
			browser.submit("調査・復旧へ進む");
			assertThat(browser.text()).contains("必要な報告のうち5件がまだ判断されていません",
					"IPAへの届出（ウイルス・不正アクセス）", "個人情報保護委員会への速報");
			browser.click("必要な報告と公表");
			assertThat(browser.text()).contains("要判断");
			// no personal data left the machine: the おそれ is ruled out with its reason
			browser.check("leak", "RULED_OUT")
				.type("leakRuledOutReason", "暗号化されたのは経理部PCのファイルのみで、外部への送信の痕跡はないことを通信ログで確認した。")
				.submit("事実を保存する");
			assertThat(browser.text()).contains("事実を保存し、必要な報告を判定し直しました。");
			assertThat(browser.driver()
				.findElements(org.openqa.selenium.By.xpath("//div[contains(@class,'duty')]//h3[contains(.,'個人情報保護委員会')]")))
				.as("the PPC reports lapsed").isEmpty();
			for (int filed = 0; filed < 2; filed++) {
				// IPA, then the police (ransomware is extortion): each report's form in turn
				// the next report still owed (a filed one's own 追完 form, folded under it, has a day too)
				String dutyDate = browser.driver()
					.findElement(org.openqa.selenium.By.cssSelector("form:not([action$='/supplement']) input[name=filedOn]"))
					.getAttribute("id");
				browser.type(dutyDate, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString())
					.submit("報告済みとして記録する");
				assertThat(browser.text()).contains("報告を記録しました。");
			}
			browser.click(reference + " へ戻る");
			browser.submit("調査・復旧へ進む").completeOpenChecklistItems();
			browser.submit("復旧を確認し、再発防止へ進む");
			assertThat(browser.text()).contains("復旧がまだ確認されていません");
			browser.type("checks", "バックアップから復元し、ウイルススキャンで検出なし")
				.check("reportedToExecutive", "true")
				.submit("復旧を確認する");
			assertThat(browser.text()).contains("復旧を確認しました。");
			browser.submit("復旧を確認し、再発防止へ進む");
			assertThat(browser.text()).contains("再発防止のステップに進みました。");
			// the closing guard reads the prevention plan, and says which page to fill in
			browser.submit("インシデントを完了する");
			assertThat(browser.text()).contains("「根本原因と再発防止の計画」で");
			browser.click("根本原因と再発防止の計画")
				.check("causes", "PHISHING_OR_SOCIAL_ENGINEERING")
				.type("note", "添付ファイルの実行を制限していなかった。")
				.submit("根本原因を保存する");
			assertThat(browser.text()).contains("根本原因を保存しました。");
			browser.choose("kind", "TECHNICAL")
				.type("description", "マクロ実行の無効化")
				.choose("owner", lead.getUsername())
				.type("dueOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusMonths(1).toString())
				.submit("対策を追加する");
			assertThat(browser.text()).contains("マクロ実行の無効化");
			browser.click(reference + " へ戻る");
			browser.submit("インシデントを完了する");
			assertThat(browser.text()).contains("経営者がまだ完了を承認していません。");
			browser.signOut();

			// The executive approves the closing.
			browser.signIn(executive.getUsername(), PASSWORD).click("判断待ち").click(reference).submit("完了を承認する");
			assertThat(browser.text()).contains("完了を承認しました。");
			browser.signOut();

			// The lead closes; the timeline verifies.
			browser.signIn(lead.getUsername(), PASSWORD).go(incidentPath).submit("インシデントを完了する");
			assertThat(browser.text()).contains("インシデントを完了しました。", "完了");
			browser.click("対応経過が改ざんされていないか確認する");
			assertThat(browser.text()).contains("改ざんは検出されませんでした");
			browser.signOut();

			// The reporter follows their report: the state, but not the team's notes.
			browser.signIn(staff.getUsername(), PASSWORD).click("自分の報告").click(reference);
			assertThat(browser.text()).contains("完了").doesNotContain("内部メモ");
			// the team's page of their own report is not there for them, as for any incident they do not see
			browser.go(incidentPath);
			assertThat(browser.heading()).isEqualTo("ページが見つかりません");
		}
	}

}
