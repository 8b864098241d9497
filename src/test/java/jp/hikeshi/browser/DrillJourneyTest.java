package jp.hikeshi.browser;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drill from start to debrief in a real browser: the lead starts the ransomware scenario, the
 * team works the drill incident (marked 訓練 on its page), an inject is read out, a note taken,
 * the drill ended and its debrief read — and the executive's dashboard shows the same real
 * figures afterwards as before.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class DrillJourneyTest {

	private static final String PASSWORD = CompletedSetup.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDrillFromStartToDebriefLeavesTheDashboardsRealFiguresAsTheyWere() {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		UserAccount executive = this.users.create(Role.EXECUTIVE);

		try (Browser browser = Browser.open(this.port, "ja")) {
			browser.signIn(executive.getUsername(), PASSWORD).go("/dashboard");
			String before = figures(browser);
			browser.signOut();

			// the lead starts the ransomware scenario: a drill incident in their name
			browser.signIn(lead.getUsername(), PASSWORD).go("/drills");
			browser.check("scenario", "1").submit("訓練を始める");
			assertThat(browser.text()).contains("訓練を始めました。", "ランサムウェア: 身代金要求画面", "まだ届いた状況付与はありません。");
			String drillPath = browser.path();
			String reference = browser.driver().findElement(By.cssSelector(".drill a[href^='/incidents/']")).getText()
				.replace("訓練インシデント ", "");

			// the real workflow, on an incident marked 訓練 on every page
			browser.click("訓練インシデント " + reference);
			assertThat(browser.driver().getTitle()).startsWith("【訓練】");
			assertThat(browser.text()).contains("このインシデントは訓練（机上演習）です", "72時間以内に暗号資産で10万米ドル");
			browser.submit("この報告を受け付ける");
			browser.choose("category", "VIRUS_RANSOMWARE").choose("severity", "HIGH").submit("経営者へ報告する");
			assertThat(browser.text()).contains("経営者へ報告しました。", "訓練のため届出不要");

			// twenty-five minutes in (the drill's start moved back): two injects are due; one is read out
			this.jdbc.update("update drill set started_at = started_at - interval '25 minutes' where id = ?",
					Long.parseLong(drillPath.substring("/drills/".length())));
			browser.go(drillPath);
			assertThat(browser.text()).contains("電源を切ってもいいですか", "別のPCでもファイルが開けない",
					"このあと状況付与があと 2 件あります。");
			browser.submit("読み上げた（経過に記録）");
			assertThat(browser.text()).contains("状況付与をインシデントの経過に記録しました。");

			browser.type("text", "NASのバックアップが同じネットワークにあり、暗号化されるおそれがあった").submit("気づきを追加");
			assertThat(browser.text()).contains("気づきを追加しました。");
			browser.submit("訓練を終了する");
			assertThat(browser.text()).contains("訓練を終了しました。振り返りをご覧ください。", "各段階にかかった時間",
					"想定どおり判断できた届出", "NASのバックアップが同じネットワークにあり");
			assertThat(browser.driver().findElement(By.id("findings")).getText()).matches("気づき \\d+ 件");
			browser.signOut();

			// the executive: the same figures, and the drill's debrief a link away
			browser.signIn(executive.getUsername(), PASSWORD).go("/dashboard");
			assertThat(figures(browser)).isEqualTo(before);
			browser.go("/drills").click("ランサムウェア: 身代金要求画面");
			assertThat(browser.text()).contains("振り返り", reference);
		}
	}

	/** The figures the executive reads first: decisions, overdue, due soon, open, and the open incidents named. */
	private static String figures(Browser browser) {
		return browser.driver().findElement(By.cssSelector(".cards--figures")).getText() + "\n"
				+ browser.driver().findElement(By.id("open-incidents")).getText();
	}

}
