package jp.hikeshi.desk.web;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator keeps the desks' numbers and addresses and says when each was checked;
 * bad input comes back next to its field with everything typed, and nothing is saved. These
 * tests change JPCERT and the local police only: other tests read the IPA and PPC desks as shipped.
 */
@IntegrationTest
class DeskAdminWebTest {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aChangedDeskIsSavedMarkedCheckedTodayAuditedAndShown() throws Exception {
		LocalDate before = LocalDate.now(JAPAN);
		this.mvc.perform(change("JPCERT").param("version", version("JPCERT"))
				.param("phone", "03-0000-0000")
				.param("url", "https://www.jpcert.or.jp/ir/consult.html")
				.param("email", "")
				.param("hoursJa", "平日 10:00〜17:00")
				.param("hoursEn", "Weekdays 10:00–17:00")
				.param("checkedToday", "true"))
			.andExpect(redirectedUrl("/admin/desks"))
			.andExpect(flash().attribute("notice", Notice.of("desks.admin.saved", "JPCERT/CC インシデント対応依頼")));

		Map<String, Object> row = desk("JPCERT");
		assertThat(row).containsEntry("phone", "03-0000-0000")
			.containsEntry("url", "https://www.jpcert.or.jp/ir/consult.html")
			.containsEntry("email", null)
			.containsEntry("hours_ja", "平日 10:00〜17:00")
			.containsEntry("updated_by", CompletedSetup.ADMIN);
		assertThat(((Date) row.get("last_checked_on")).toLocalDate()).isBetween(before, LocalDate.now(JAPAN));
		assertThat(this.jdbc.queryForList("select detail from audit_event where action = 'DESK_UPDATED' and subject = ?",
				String.class, "JPCERT/CC インシデント対応依頼"))
			.anySatisfy(detail -> assertThat(detail).contains("03-0000-0000", "https://www.jpcert.or.jp/ir/consult.html"));

		String list = this.mvc.perform(get("/admin/desks").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("03-0000-0000", "www.jpcert.or.jp/ir/consult.html").doesNotContain("JPCERT_");
	}

	@Test
	void markingADeskCheckedKeepsItsDetailsAndMovesItsDay() throws Exception {
		Map<String, Object> shipped = desk("POLICE_LOCAL");
		LocalDate before = LocalDate.now(JAPAN);
		this.mvc.perform(post("/admin/desks/{code}/checked", "POLICE_LOCAL").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(admin())
				.param("version", version("POLICE_LOCAL")))
			.andExpect(redirectedUrl("/admin/desks"))
			.andExpect(flash().attribute("notice", Notice.of("desks.admin.checked", "最寄りの警察署")));
		Map<String, Object> checked = desk("POLICE_LOCAL");
		assertThat(((Date) checked.get("last_checked_on")).toLocalDate()).isBetween(before, LocalDate.now(JAPAN));
		assertThat(checked.get("purpose_ja")).isEqualTo(shipped.get("purpose_ja"));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where action = 'DESK_CHECKED' and subject = '最寄りの警察署'", Long.class))
			.isPositive();

		// the page that was loaded before: its version is gone, nothing changes
		this.mvc.perform(post("/admin/desks/{code}/checked", "POLICE_LOCAL").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(admin())
				.param("version", shipped.get("version").toString()))
			.andExpect(flash().attribute("problem", Notice.of("form.changedMeanwhile")));
	}

	@Test
	void badInputComesBackNextToItsFieldAsTypedAndNothingIsSaved() throws Exception {
		Map<String, Object> before = desk("JPCERT");
		String version = before.get("version").toString();

		MvcResult badUrl = this.mvc.perform(change("JPCERT").param("version", version)
				.param("url", "javascript:alert(1)")
				.param("phone", "03-1111-2222")
				.param("hoursJa", "24時間"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("desk", "url", "Pattern"))
			.andReturn();
		FormPage page = FormPage.of(badUrl);
		assertThat(page.errorAt("url")).isEqualTo(said(badUrl, "url", Locale.JAPANESE)).contains("https://");
		assertThat(page.valueOf("url")).isEqualTo("javascript:alert(1)");
		assertThat(page.valueOf("phone")).isEqualTo("03-1111-2222");
		assertThat(page.valueOf("hoursJa")).isEqualTo("24時間");

		MvcResult letters = this.mvc.perform(change("JPCERT").param("version", version)
				.param("phone", "03-CALL-JPCERT")
				.param("url", "www.jpcert.or.jp/form/")
				.header("Accept-Language", "en"))
			.andExpect(model().attributeHasFieldErrorCode("desk", "phone", "Pattern"))
			.andReturn();
		assertThat(FormPage.of(letters).errorAt("phone")).isEqualTo(said(letters, "phone", Locale.ENGLISH))
			.contains("digits");
		assertThat(FormPage.of(letters).valueOf("phone")).isEqualTo("03-CALL-JPCERT");
		assertThat(FormPage.of(letters).hasErrorAt("url")).isFalse();

		String hours = "平日".repeat(51);
		MvcResult tooLong = this.mvc.perform(change("JPCERT").param("version", version)
				.param("hoursJa", hours)
				.param("email", "not an address"))
			.andExpect(model().attributeHasFieldErrorCode("desk", "hoursJa", "Size"))
			.andExpect(model().attributeHasFieldErrorCode("desk", "email", "Email"))
			.andReturn();
		assertThat(FormPage.of(tooLong).errorAt("hoursJa")).isEqualTo(said(tooLong, "hoursJa", Locale.JAPANESE))
			.contains("100");
		assertThat(FormPage.of(tooLong).errorAt("email")).isEqualTo(said(tooLong, "email", Locale.JAPANESE));
		assertThat(FormPage.of(tooLong).valueOf("hoursJa")).isEqualTo(hours);

		MvcResult stale = this.mvc.perform(change("JPCERT").param("version", "-1").param("phone", "03-9999-9999"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(FormPage.of(stale).globalErrors())
			.containsExactly(this.messages.getMessage("form.changedMeanwhile", null, Locale.JAPANESE));
		assertThat(FormPage.of(stale).valueOf("phone")).isEqualTo("03-9999-9999");

		assertThat(desk("JPCERT")).isEqualTo(before);
	}

	@Test
	void aDeskThatDoesNotExistIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/desks/{code}", "NO_SUCH_DESK").with(admin())).andExpect(status().isNotFound());
	}

	private String said(MvcResult result, String field, Locale locale) {
		BindingResult errors = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + "desk");
		return this.messages.getMessage(errors.getFieldError(field), locale);
	}

	private Map<String, Object> desk(String code) {
		return this.jdbc.queryForMap("select * from public_desk where code = ?", code);
	}

	private String version(String code) {
		return desk(code).get("version").toString();
	}

	private MockHttpServletRequestBuilder change(String code) {
		return post("/admin/desks/{code}", code).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(admin());
	}

	private RequestPostProcessor admin() {
		return this.users.signedIn(CompletedSetup.ADMIN);
	}

}
