package jp.hikeshi.incident.web;

import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page staff see after sending a report names whom to call now: every enabled security
 * lead, by display name, with a number to tap where the account has one.
 */
@IntegrationTest
class ReportSentWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AccountService accounts;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcTemplate jdbc;

	@PersistenceContext
	EntityManager entityManager;

	@Test
	void namesTheSecurityLeadsWithANumberToCall() throws Exception {
		UserAccount withPhone = lead("佐藤 健一", "03-1234-5678");
		UserAccount withoutPhone = lead("伊藤 真理", null);
		UserAccount disabled = lead("退職 済男", "03-9999-0000");
		this.accounts.disable(disabled.getId(), current(disabled).getVersion(), "test");
		UserAccount responder = this.users.create(Role.RESPONDER);
		this.accounts.update(new UpdateAccount(responder.getId(), responder.getVersion(),
				new Profile("担当 一郎", null, null, "03-5555-0000"), responder.getRoles()), "test");

		String html = sentPage();

		assertThat(html).contains("今すぐ連絡する相手", "佐藤 健一", "伊藤 真理")
			.contains("<a class=\"phone\" href=\"tel:0312345678\">03-1234-5678</a>")
			.doesNotContain("情報セキュリティ責任者が登録されていません");
		assertThat(html).as("a disabled lead and a responder are not whom to call")
			.doesNotContain("退職 済男", "03-9999-0000", "担当 一郎", "03-5555-0000");
		assertThat(html).as("login names are never shown")
			.doesNotContain(withPhone.getUsername(), withoutPhone.getUsername());
		String withoutPhoneLine = html.substring(html.indexOf("伊藤 真理"));
		assertThat(withoutPhoneLine.substring(0, withoutPhoneLine.indexOf("</li>"))).doesNotContain("tel:");
	}

	@Test
	void aFullWidthNumberIsDialledAsDigits() throws Exception {
		lead("全角 番号", "０３－１２３４－９８７６");
		assertThat(sentPage()).contains("href=\"tel:0312349876\">０３－１２３４－９８７６</a>");
	}

	/** Rolled back: every lead disabled only for this test's look. */
	@Test
	@Transactional
	void withoutAnyLeadItSaysWhomToTellInstead() throws Exception {
		lead("今だけ 責任者", "03-1111-2222");
		this.entityManager.flush();
		this.jdbc.update("""
				update user_account set enabled = false
				where id in (select user_account_id from user_account_role where role = 'SECURITY_LEAD')""");

		String html = sentPage();

		assertThat(html).contains("今すぐ連絡する相手",
				"火消しには、まだ情報セキュリティ責任者が登録されていません。上司または社内のパソコンの担当者に、今すぐ伝えてください。")
			.doesNotContain("今だけ 責任者", "tel:");
	}

	private String sentPage() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		Incident incident = this.incidents.report(new Incident.Report(null, "共有フォルダが開けない", null, null, null, null, null),
				new Actor(staff.getUsername(), Set.of(Role.REPORTER)));
		return this.mvc.perform(get("/reports/{id}/sent", incident.getId()).with(this.users.signedIn(staff.getUsername())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private UserAccount lead(String displayName, String phone) {
		UserAccount account = this.users.create(Role.SECURITY_LEAD, Role.REPORTER);
		return this.accounts.update(new UpdateAccount(account.getId(), account.getVersion(),
				new Profile(displayName, "情報システム部", null, phone), account.getRoles()), "test");
	}

	private UserAccount current(UserAccount account) {
		return this.accounts.findById(account.getId()).orElseThrow();
	}

}
