package jp.hikeshi.organisation.web;

import java.util.Map;

import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
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
 * The company settings refused: the reason next to its field with its arguments filled in,
 * what was typed still in the form, the settings as they were. (The settings are shared by
 * every test of this context, so nothing here changes them.)
 */
@IntegrationTest
class OrganisationWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUnknownTimeZoneAndAnOverlongNameAreExplainedNextToTheirFields() throws Exception {
		Map<String, Object> before = settings();
		String html = this.mvc.perform(settingsForm(before.get("version"), "CONSTRUCTION")
				.param("name", "社".repeat(201))
				.param("timeZone", "Mars/Olympus_Mons"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "timeZone", "timeZone.unknown"))
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "Size"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("timeZone")).isEqualTo("タイムゾーンとして認識できません（例：Asia/Tokyo）。");
		assertThat(page.errorAt("name")).isEqualTo("200文字以内で入力してください。");
		assertThat(page.valueOf("timeZone")).isEqualTo("Mars/Olympus_Mons");
		assertThat(page.valueOf("name")).isEqualTo("社".repeat(201));
		assertThat(page.valueOf("supervisingMinistry")).isEqualTo("経済産業省");
		assertThat(page.selected("industry")).isEqualTo("CONSTRUCTION");
		assertThat(page.hasErrorAt("industry")).isFalse();
		assertThat(settings()).isEqualTo(before);

		html = this.mvc.perform(settingsForm(before.get("version"), "CONSTRUCTION").param("name", "株式会社 新社名").param("timeZone", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "timeZone", "NotBlank"))
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).errorAt("timeZone")).isEqualTo("入力してください。");
		assertThat(settings()).isEqualTo(before);
	}

	@Test
	void aTamperedChoiceIsExplainedAndTheTypedTextStays() throws Exception {
		Map<String, Object> before = settings();
		String html = this.mvc.perform(settingsForm(before.get("version"), "PIRACY")
				.param("name", "株式会社 型違い")
				.param("timeZone", "Asia/Tokyo"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "industry", "typeMismatch"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("industry")).isEqualTo("値の形式が正しくありません。");
		assertThat(page.valueOf("name")).isEqualTo("株式会社 型違い");
		assertThat(page.valueOf("timeZone")).isEqualTo("Asia/Tokyo");
		assertThat(settings()).isEqualTo(before);
	}

	@Test
	void settingsFromAStalePageAreRefusedWithWhatWasTypedStillThere() throws Exception {
		Map<String, Object> before = settings();
		long stale = ((Number) before.get("version")).longValue() - 1;
		String html = this.mvc.perform(settingsForm(stale, "CONSTRUCTION").param("name", "古い画面からの社名").param("timeZone", "Asia/Tokyo"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("この画面を開いた後に、他の人が同じ内容を変更しました");
		assertThat(FormPage.of(html).valueOf("name")).isEqualTo("古い画面からの社名");
		assertThat(settings()).isEqualTo(before);
	}

	private MockHttpServletRequestBuilder settingsForm(Object version, String industry) {
		return post("/admin/organisation").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(CompletedSetup.ADMIN))
			.param("industry", industry)
			.param("supervisingMinistry", "経済産業省")
			.param("version", String.valueOf(version));
	}

	private Map<String, Object> settings() {
		return this.jdbc.queryForMap("select name, industry, supervising_ministry, time_zone, version from organisation");
	}

}
