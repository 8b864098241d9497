package jp.hikeshi.incident.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.web.Notice;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff's two forms refused — the report and the information added to it: the reason next
 * to its field with its arguments filled in, everything typed still there, nothing saved.
 */
@IntegrationTest
class ReportWebTest {

	private static final String DESCRIPTION = "請求書のメールを開いたら <画面> が暗くなった & \"至急\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aTimeThatIsNotATimeIsExplainedWithTheTypedTextStillThere() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		String html = this.mvc.perform(report(staff, "discoveredAt", "昨日の朝"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "discoveredAt", "typeMismatch"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("discoveredAt")).isEqualTo("値の形式が正しくありません。");
		assertThat(page.valueOf("discoveredAt")).isEqualTo("昨日の朝");
		assertThat(page.valueOf("description")).isEqualTo(DESCRIPTION);
		assertThat(page.valueOf("affectedSystem")).isEqualTo("経理部の共有PC");
		assertThat(page.isChecked("stillHappening1")).as("YES").isTrue();
		assertThat(page.isChecked("stillHappening3")).as("UNKNOWN").isFalse();
		assertThat(reportsBy(staff)).isZero();
	}

	@Test
	void badTextAndAFutureTimeAreExplainedNextToTheirFields() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		String html = this.mvc.perform(report(staff, "description", "長".repeat(4001), "title", "件\u0001名"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("description")).isEqualTo("4,000文字以内で入力してください。");
		assertThat(page.errorAt("title")).isEqualTo("制御文字や見えない書式文字が含まれています。取り除いてください。");
		assertThat(page.valueOf("description")).isEqualTo("長".repeat(4001));

		html = this.mvc.perform(report(staff, "discoveredAt", "2999-01-01T00:00"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "discoveredAt", "incident.report.discoveredInFuture"))
			.andReturn().getResponse().getContentAsString();
		page = FormPage.of(html);
		assertThat(page.errorAt("discoveredAt")).isEqualTo("気づいた日時に未来の日時は指定できません。");
		assertThat(page.valueOf("discoveredAt")).isEqualTo("2999-01-01T00:00");
		assertThat(page.valueOf("description")).isEqualTo(DESCRIPTION);
		assertThat(reportsBy(staff)).isZero();
	}

	@Test
	void informationRefusedIsExplainedAndKept() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		Incident incident = this.incidents.report(new Incident.Report(null, "不審なメール", null, null, null, null, null),
				new Actor(staff.getUsername(), Set.of(Role.REPORTER)));
		long entries = timelineOf(incident);
		String typed = "追記です <b>太字</b>\n" + "あ".repeat(4000);
		String html = this.mvc.perform(information(staff, incident, typed))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "text", "Size"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("text")).isEqualTo("4,000文字以内で入力してください。");
		assertThat(page.valueOf("text")).isEqualTo(typed);
		assertThat(timelineOf(incident)).isEqualTo(entries);

		this.mvc.perform(information(staff, incident, "サーバーの再起動後も続いています。"))
			.andExpect(redirectedUrl("/reports/" + incident.getId()))
			.andExpect(flash().attribute("notice", Notice.of("report.informationAdded")));
		assertThat(timelineOf(incident)).isEqualTo(entries + 1);
	}

	private MockHttpServletRequestBuilder report(UserAccount staff, String... replacements) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("description", DESCRIPTION);
		fields.put("discoveredAt", LocalDateTime.now(ZoneId.of("Asia/Tokyo")).minusHours(1).toString().substring(0, 16));
		fields.put("affectedSystem", "経理部の共有PC");
		fields.put("stillHappening", "YES");
		for (int i = 0; i < replacements.length; i += 2) {
			fields.put(replacements[i], replacements[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/report").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(staff.getUsername()));
		fields.forEach(request::param);
		return request;
	}

	private MockHttpServletRequestBuilder information(UserAccount staff, Incident incident, String text) {
		return post("/reports/{id}/information", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(staff.getUsername()))
			.param("text", text);
	}

	private long reportsBy(UserAccount staff) {
		return this.jdbc.queryForObject("select count(*) from incident where reported_by = ?", Long.class,
				staff.getUsername());
	}

	private long timelineOf(Incident incident) {
		return this.jdbc.queryForObject("select count(*) from incident_timeline_entry where incident_id = ?", Long.class,
				incident.getId());
	}

}
