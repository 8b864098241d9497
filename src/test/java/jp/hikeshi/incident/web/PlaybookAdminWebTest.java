package jp.hikeshi.incident.web;

import java.util.EnumSet;
import java.util.Map;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.PlaybookService;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The playbook page's forms refused: the page is shown again with the refused form as it was
 * typed and the reason — with its limit filled in — next to its field; the playbook unchanged.
 */
@IntegrationTest
class PlaybookAdminWebTest {

	private static final String TOO_LONG = "項目が長すぎる（500文字まで）か、使えない文字が含まれています。";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	PlaybookService playbooks;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void theShippedPlaybookAgain() {
		this.jdbc.update("delete from playbook_point");
	}

	@Test
	void aNewPointRefusedKeepsWhatWasTyped() throws Exception {
		String typed = "<b>経理部長</b>に電話".repeat(40);
		String html = this.mvc.perform(form("/admin/playbooks").param("text", typed).param("categories", "VIRUS_RANSOMWARE"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("newPoint", "text", "playbook.textInvalid"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("new-text")).isEqualTo(TOO_LONG).doesNotContain("{0}");
		assertThat(page.valueOf("new-text")).isEqualTo(typed);
		assertThat(page.isChecked("new-cat-VIRUS_RANSOMWARE")).isTrue();
		assertThat(page.isChecked("new-cat-OTHER")).isFalse();

		html = this.mvc.perform(form("/admin/playbooks").param("text", " "))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).errorAt("new-text")).isEqualTo("項目を入力してください。");

		html = this.mvc.perform(form("/admin/playbooks").param("text", "社内の連絡網を回す").param("categories", "ALIENS"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("newPoint", "categories", "typeMismatch"))
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).valueOf("new-text")).isEqualTo("社内の連絡網を回す");
		assertThat(points()).isZero();
	}

	@Test
	void aChangedPointRefusedIsShownAsTypedAmongTheOthers() throws Exception {
		this.playbooks.saveOwn(null, "取引先に連絡する", EnumSet.of(Category.OTHER), true, "admin");
		this.playbooks.saveOwn(null, "経理部長に電話する", EnumSet.noneOf(Category.class), true, "admin");
		long id = this.jdbc.queryForObject("select id from playbook_point where text = '経理部長に電話する'", Long.class);
		long other = this.jdbc.queryForObject("select id from playbook_point where text = '取引先に連絡する'", Long.class);
		Map<String, Object> before = row(id);

		String html = this.mvc.perform(form("/admin/playbooks/" + id).param("text", "制御\u0001文字")
				.param("categories", "INFORMATION_LEAK"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("text-" + id)).isEqualTo(TOO_LONG);
		assertThat(page.valueOf("text-" + id)).isEqualTo("制御\u0001文字");
		assertThat(page.isChecked("cat-" + id + "-INFORMATION_LEAK")).isTrue();
		assertThat(page.isChecked("active-" + id)).as("switched off as typed").isFalse();
		assertThat(page.valueOf("text-" + other)).isEqualTo("取引先に連絡する");
		assertThat(page.hasErrorAt("text-" + other)).isFalse();
		assertThat(row(id)).isEqualTo(before);

		html = this.mvc.perform(form("/admin/playbooks/999999").param("text", "存在しない項目"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("この項目は存在しません。");
		assertThat(points()).isEqualTo(2);
	}

	@Test
	void aRewordingOfTheGuideRefusedKeepsWhatWasTyped() throws Exception {
		String typed = "あ".repeat(501);
		String html = this.mvc.perform(form("/admin/playbooks/builtin/CHECK_BACKUPS").param("text", typed).param("active", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("builtinForm", "text", "playbook.textInvalid"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.valueOf("reword-CHECK_BACKUPS")).isEqualTo(typed);
		assertThat(page.isChecked("on-CHECK_BACKUPS")).isTrue();
		assertThat(page.errorAt("reword-CHECK_BACKUPS")).isEqualTo(TOO_LONG);
		assertThat(points()).isZero();
	}

	private MockHttpServletRequestBuilder form(String path) {
		return post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(CompletedSetup.ADMIN));
	}

	private long points() {
		return this.jdbc.queryForObject("select count(*) from playbook_point", Long.class);
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.queryForMap("select text, categories, active from playbook_point where id = ?", id);
	}

}
