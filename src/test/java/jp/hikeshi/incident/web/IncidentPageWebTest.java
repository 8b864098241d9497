package jp.hikeshi.incident.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Move;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The incident page's in-place updates (htmx: the fragment, or 422 with the reason beside the
 * field; without htmx the redirect as before), its summary, the team picker and the titles of
 * the pages about one incident.
 */
@IntegrationTest
class IncidentPageWebTest {

	private static final Pattern VERSION = Pattern.compile("data-incident-version=\"(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcTemplate jdbc;

	UserAccount lead;

	Actor leadActor;

	Incident incident;

	@BeforeEach
	void anIncidentInContainment() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.leadActor = new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		this.incident = this.incidents.report(new Incident.Report("ランサムウェアの疑い：経理部のパソコンに脅迫文が表示され、共有フォルダのファイルが開けない",
				"画面に脅迫文", null, "経理部PC", null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		long id = this.incident.getId();
		this.incidents.take(id, version(), this.leadActor);
		this.incidents.escalate(id, version(), this.leadActor, Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS,
				Severity.HIGH, null);
		this.incidents.formTeam(id, version(), new Actor(executive.getUsername(), Set.of(Role.EXECUTIVE)),
				this.lead.getUsername(), List.of(new Assignee(this.lead.getUsername(), "指揮")));
		this.incidents.perform(id, version(), this.leadActor, Move.of(Transition.START_CONTAINMENT));
	}

	@Test
	void theSummaryLinksWhatIsNeededToWhereItIsFixed() throws Exception {
		this.mvc.perform(get("/incidents/{id}", this.incident.getId()).with(signedIn()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<nav class=\"section-menu\"")))
			.andExpect(content().string(containsString("href=\"#checklist\"")))
			.andExpect(content().string(containsString("id=\"work\"")))
			.andExpect(content().string(containsString("id=\"history\"")))
			.andExpect(content().string(containsString("/incidents/" + this.incident.getId() + "/report.pdf")))
			.andExpect(content().string(containsString("/incidents/" + this.incident.getId() + "/record.pdf")))
			// the pom alone names htmx's version: the page's address to it is resolved from the webjar
			.andExpect(content().string(matchesPattern("(?s).*/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js.*")));
		// a refused move: the reasons in the summary, as links
		this.mvc.perform(form("/incidents/{id}/move/FINISH_CONTAINMENT", this.incident.getId()).param("version",
				String.valueOf(version())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("実行されませんでした")))
			.andExpect(content().string(matchesPattern(
					"(?s).*<div class=\"notice notice--error\" role=\"alert\">\\s*<p>[^<]*</p>\\s*<ul>\\s*<li><a href=\"#checklist\">.*")));
	}

	@Test
	void aChecklistItemChangesInPlaceAndTheNextChangeTakesTheNewVersion() throws Exception {
		List<ChecklistItem> items = this.incidents.findForPage(this.incident.getId(), this.leadActor).getChecklist();
		long first = items.get(0).getId();
		long second = items.get(1).getId();
		String answer = this.mvc
			.perform(checklist(first, version()).param("status", "DONE").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"checklist-" + first + "\"")))
			.andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
			.andExpect(content().string(containsString("チェックリストを更新しました。")))
			.andExpect(content().string(not(containsString("<html"))))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		long newVersion = version(answer);
		assertThat(newVersion).isEqualTo(version());
		this.mvc.perform(checklist(second, newVersion).param("status", "DONE").header("HX-Request", "true"))
			.andExpect(status().isOk());
		// and a full form after them, with the version the page's forms took
		this.mvc.perform(form("/incidents/{id}/damage", this.incident.getId()).param("version", String.valueOf(version()))
			.param("directYen", "1000"))
			.andExpect(redirectedUrl("/incidents/" + this.incident.getId()));
	}

	@Test
	void aRefusedChecklistChangeComesBackBesideTheFieldWithWhatWasTyped() throws Exception {
		long item = this.incidents.findForPage(this.incident.getId(), this.leadActor).getChecklist().get(0).getId();
		this.mvc.perform(checklist(item, version()).param("status", "NOT_APPLICABLE").param("reason", "")
			.header("HX-Request", "true"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("該当なしとする理由を入力してください。")))
			.andExpect(content().string(containsString("<option value=\"NOT_APPLICABLE\" selected=\"selected\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		String tooLong = "理由".repeat(501);
		this.mvc.perform(checklist(item, version()).param("status", "NOT_APPLICABLE").param("reason", tooLong)
			.header("HX-Request", "true"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("value=\"" + tooLong + "\"")));
		assertThat(itemStatus(item)).isEqualTo("OPEN");
	}

	@Test
	void aStaleChecklistChangeSaysWhoChangedWhatAndKeepsThePagesVersions() throws Exception {
		long item = this.incidents.findForPage(this.incident.getId(), this.leadActor).getChecklist().get(0).getId();
		long seen = version();
		this.incidents.recordDamage(this.incident.getId(), seen, this.leadActor, 5L, null, null);
		this.mvc.perform(checklist(item, seen).param("status", "DONE").header("HX-Request", "true"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("あなたの操作は保存されていません")))
			.andExpect(content().string(containsString("ページを読み込み直す")))
			.andExpect(content().string(not(containsString("hx-swap-oob=\"true\""))))
			.andExpect(content().string(containsString("name=\"version\" value=\"" + seen + "\"")));
		assertThat(itemStatus(item)).isEqualTo("OPEN");
	}

	@Test
	void withoutHtmxAChecklistChangeRedirectsToTheItem() throws Exception {
		long item = this.incidents.findForPage(this.incident.getId(), this.leadActor).getChecklist().get(0).getId();
		this.mvc.perform(checklist(item, version()).param("status", "DONE"))
			.andExpect(redirectedUrl("/incidents/" + this.incident.getId() + "#checklist-" + item));
		assertThat(itemStatus(item)).isEqualTo("DONE");
	}

	@Test
	void aNoteIsAddedInPlaceAndABlankOneIsRefusedThere() throws Exception {
		this.mvc.perform(form("/incidents/{id}/notes", this.incident.getId()).param("version", String.valueOf(version()))
			.param("text", "ログを保全した").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"history-notes\"")))
			.andExpect(content().string(containsString("ログを保全した")))
			.andExpect(content().string(containsString("メモを追加しました。")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(form("/incidents/{id}/notes", this.incident.getId()).param("version", String.valueOf(version()))
			.param("text", " ").header("HX-Request", "true"))
			.andExpect(status().is(422))
			.andExpect(model().attributeHasFieldErrors("noteForm", "text"))
			.andExpect(content().string(containsString("field-error")));
		this.mvc.perform(form("/incidents/{id}/notes", this.incident.getId()).param("text", "普通のフォームから"))
			.andExpect(redirectedUrl("/incidents/" + this.incident.getId() + "#timeline"));
	}

	@Test
	void eachTimelineEntryIsClassedByItsKindAndShowsAChangeOnlyWhereThereIsOne() throws Exception {
		this.mvc.perform(form("/incidents/{id}/notes", this.incident.getId()).param("version", String.valueOf(version()))
			.param("text", "ログを保全した"));
		String html = html(get("/incidents/{id}", this.incident.getId()));
		// a state change reads as its change; a note has none, only the note itself
		assertThat(html).containsPattern(
				"<li class=\"timeline-state_changed\">\\s*<time [^>]*>[^<]+</time>\\s*<span class=\"timeline-actor\">[^<]+</span>\\s*"
						+ "<strong class=\"timeline-kind\">[^<]+</strong>\\s*<p class=\"multiline timeline-change\">[^<]+</p>");
		assertThat(html).containsPattern("<li class=\"timeline-note\">\\s*<time [^>]*>[^<]+</time>\\s*<span class=\"timeline-actor\">[^<]+</span>\\s*"
				+ "<strong class=\"timeline-kind\">[^<]+</strong>\\s*<p class=\"multiline\">ログを保全した</p>");
	}

	@Test
	void theTeamPickerOffersOnlyThoseWhoCanOpenIncidents() throws Exception {
		TeamScene scene = teamScene("チーム選び");
		UserAccount staffOnly = scene.staffOnly();
		UserAccount responder = scene.responder();
		Incident escalated = scene.escalated();
		Actor leadActor2 = scene.lead();
		long v = scene.version();
		UserAccount executive = scene.executive();
		this.mvc.perform(get("/incidents/{id}", escalated.getId()).with(this.users.signedIn(executive.getUsername())))
			.andExpect(content().string(containsString("value=\"" + responder.getUsername() + "\"")))
			.andExpect(content().string(not(containsString("value=\"" + staffOnly.getUsername() + "\""))));
		this.mvc.perform(post("/incidents/{id}/team", escalated.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(executive.getUsername()))
			.param("version", String.valueOf(v))
			.param("responsible", staffOnly.getUsername()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("teamForm", "responsible", "incident.team.notResponder"))
			.andExpect(content().string(containsString("インシデントを開ける役割")));
		this.mvc.perform(post("/incidents/{id}/team", escalated.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(executive.getUsername()))
			.param("version", String.valueOf(v))
			.param("responsible", responder.getUsername())
			.param("members[0].username", staffOnly.getUsername())
			.param("members[0].selected", "true"))
			.andExpect(model().attributeHasFieldErrorCode("teamForm", "members[0].selected", "incident.team.notResponder"));
		assertThat(this.incidents.find(escalated.getId(), leadActor2).getResponsible()).isNull();
	}

	/** The team form writes its fields itself (not th:field): a refusal must still show each choice and word as sent. */
	@Test
	void aRefusedTeamShowsEveryChoiceAndDutyAsSentAndTheRefusalBesideItsCandidate() throws Exception {
		TeamScene scene = teamScene("体制づくり");
		long id = scene.escalated().getId();
		String responder = scene.responder().getUsername();
		String staffOnly = scene.staffOnly().getUsername();

		String fresh = teamFormOf(this.mvc.perform(get("/incidents/{id}", id).with(this.users.signedIn(scene.executive().getUsername())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(fresh).contains("<option value=\"\" selected=\"selected\">")
			.containsPattern("<input type=\"checkbox\" id=\"members0.selected1\" name=\"members\\[0\\].selected\" value=\"true\">"
					+ "<input type=\"hidden\" name=\"_members\\[0\\].selected\" value=\"on\"/>")
			.doesNotContain("checked=\"checked\"", "field-error", "field--error", "aria-invalid");

		// the responsible person and the second candidate may not open incidents, and a duty may hold no tab: all refused
		String refused = teamFormOf(this.mvc.perform(post("/incidents/{id}/team", id).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(scene.executive().getUsername()))
			.param("version", String.valueOf(scene.version()))
			.param("responsible", staffOnly)
			.param("members[0].username", responder)
			.param("members[0].selected", "true")
			.param("members[0].duty", "<b>ログ</b>の\t保全")
			.param("members[1].username", staffOnly)
			.param("members[1].selected", "true")
			.param("_members[1].selected", "on")
			.param("members[1].duty", "調査"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("teamForm", "responsible", "incident.team.notResponder"))
			.andExpect(model().attributeHasFieldErrorCode("teamForm", "members[1].selected", "incident.team.notResponder"))
			.andExpect(model().attributeHasFieldErrors("teamForm", "members[0].duty"))
			.andReturn().getResponse().getContentAsString());
		assertThat(refused)
			.containsPattern("<p class=\"field-error\" id=\"responsible-error\">[^<]+</p>\\s*"
					+ "<select id=\"responsible\" name=\"responsible\" aria-invalid=\"true\" aria-describedby=\"responsible-error\">")
			.contains("<option value=\"" + staffOnly + "\" selected=\"selected\">")
			.doesNotContain("<option value=\"\" selected=\"selected\">", "<option value=\"" + responder + "\" selected")
			.contains("<input type=\"hidden\" id=\"members1.username\" name=\"members[1].username\" value=\"" + staffOnly + "\">")
			.contains("id=\"members0.selected1\" name=\"members[0].selected\" value=\"true\" checked=\"checked\">"
					+ "<input type=\"hidden\" name=\"_members[0].selected\" value=\"on\"/>")
			.contains("id=\"members1.selected1\" name=\"members[1].selected\" value=\"true\" checked=\"checked\">"
					+ "<input type=\"hidden\" name=\"_members[1].selected\" value=\"on\"/>")
			.containsPattern("<span class=\"field-error\" id=\"members0.duty-error\">[^<]+</span>\\s*"
					+ "<input type=\"text\" maxlength=\"200\" class=\"team-duty\" id=\"members0.duty\" name=\"members\\[0\\].duty\" "
					+ "value=\"&lt;b&gt;ログ&lt;/b&gt;の\t保全\" aria-invalid=\"true\" aria-describedby=\"members0.duty-error\">")
			.contains("id=\"members1.duty\" name=\"members[1].duty\" value=\"調査\">")
			.doesNotContain("<b>ログ</b>");
		// the second candidate's refusal stands in its row, and only there
		assertThat(refused).containsOnlyOnce("team-member field--error").containsOnlyOnce("team-member__error");
		assertThat(refused.substring(refused.indexOf("team-member field--error"))).containsPattern(
				"^team-member field--error\">\\s*<input type=\"hidden\" id=\"members1.username\"[^>]*>\\s*"
						+ "<p class=\"field-error team-member__error\">[^<]+</p>");
		assertThat(this.incidents.find(id, scene.lead()).getResponsible()).isNull();
	}

	/** The team form alone, from its opening tag to its end. */
	private static String teamFormOf(String html) {
		int start = html.indexOf("id=\"move-FORM_TEAM\"");
		assertThat(start).as("the team form is on the page").isNotNegative();
		return html.substring(start, html.indexOf("</form>", start));
	}

	/** An incident escalated by a second lead, waiting for the executive to form its team. */
	private TeamScene teamScene(String title) {
		UserAccount staffOnly = this.users.create(Role.REPORTER);
		UserAccount responder = this.users.create(Role.RESPONDER);
		UserAccount lead2 = this.users.create(Role.SECURITY_LEAD);
		Incident escalated = this.incidents.report(new Incident.Report(null, title, null, null, null, null, null),
				new Actor(staffOnly.getUsername(), Set.of(Role.REPORTER)));
		Actor lead = new Actor(lead2.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.incidents.take(escalated.getId(), 0, lead);
		this.incidents.escalate(escalated.getId(), this.incidents.find(escalated.getId(), lead).getVersion(), lead,
				Category.VIRUS_RANSOMWARE, null, Severity.LOW, null);
		return new TeamScene(staffOnly, responder, lead, escalated, this.incidents.find(escalated.getId(), lead).getVersion(),
				this.users.create(Role.EXECUTIVE));
	}

	private record TeamScene(UserAccount staffOnly, UserAccount responder, Actor lead, Incident escalated, long version,
			UserAccount executive) {
	}

	@Test
	void thePageShowsTheNewestFiftyEntriesAndTheTimelinesOwnPageShowsThemAll() throws Exception {
		long id = this.incident.getId();
		String page = html(get("/incidents/{id}", id));
		// the scene's few entries, all on the page: nothing said of earlier ones
		int before = entries(page);
		assertThat(before).isBetween(3, IncidentController.TIMELINE_ON_PAGE - 1);
		assertThat(page).doesNotContain("timeline-earlier");
		for (int i = before; i < IncidentController.TIMELINE_ON_PAGE; i++) {
			this.incidents.addNote(id, this.leadActor, String.format("経過メモ〔%02d〕<b>ログ</b>", i));
		}
		// fifty: every one of them, still nothing said of earlier ones
		page = html(get("/incidents/{id}", id));
		assertThat(entries(page)).isEqualTo(50);
		assertThat(page).doesNotContain("timeline-earlier").contains("<li class=\"timeline-reported\">");
		// fifty-one: the first is left to the timeline's own page
		this.incidents.addNote(id, this.leadActor, "経過メモ〔50〕<b>ログ</b>");
		page = html(get("/incidents/{id}", id));
		assertThat(entries(page)).isEqualTo(50);
		assertThat(page).contains("<span>これより前の 1 件はここに表示していません。</span>", "対応経過をすべて見る（51 件）")
			.doesNotContain("<li class=\"timeline-reported\">");
		assertThat(html(get("/incidents/{id}", id).locale(Locale.ENGLISH))).contains(
				"<span>1 earlier entry is not shown here.</span>", ">See the whole timeline (51 entries)</a>");
		for (int i = 51; i < 60; i++) {
			this.incidents.addNote(id, this.leadActor, String.format("経過メモ〔%02d〕<b>ログ</b>", i));
		}
		page = html(get("/incidents/{id}", id));
		// the newest fifty, oldest first, after the count of the ten not shown and the way to them
		assertThat(entries(page)).isEqualTo(50);
		assertThat(page).contains("<span>これより前の 10 件はここに表示していません。</span>",
				"<a href=\"/incidents/" + id + "/timeline\">対応経過をすべて見る（60 件）</a>", "経過メモ〔10〕&lt;b&gt;ログ&lt;/b&gt;")
			.doesNotContain("経過メモ〔09〕", "<b>ログ</b>");
		assertThat(page.indexOf("経過メモ〔10〕")).isGreaterThan(page.indexOf("id=\"timeline-earlier\""))
			.isLessThan(page.indexOf("経過メモ〔59〕"));
		String english = html(get("/incidents/{id}", id).locale(Locale.ENGLISH));
		assertThat(english).contains("<span>10 earlier entries are not shown here.</span>", ">See the whole timeline (60 entries)</a>");
		// the timeline's own page: every entry, oldest first, from the report on
		String whole = html(get("/incidents/{id}/timeline", id));
		assertThat(entries(whole)).isEqualTo(60);
		assertThat(whole).contains("<h1>" + this.incident.getReference() + " の対応経過</h1>", "60 件の記録を古い順に表示しています。",
				"経過メモ〔09〕&lt;b&gt;ログ&lt;/b&gt;", "/incidents/" + id + "/timeline/verify")
			.doesNotContain("timeline-earlier", "<b>ログ</b>");
		assertThat(whole.indexOf("<li class=\"timeline-reported\">")).isPositive()
			.isLessThan(whole.indexOf("経過メモ〔" + String.format("%02d", before) + "〕"));
		assertThat(whole.indexOf("経過メモ〔09〕")).isLessThan(whole.indexOf("経過メモ〔10〕"));
		assertThat(html(get("/incidents/{id}/timeline", id).locale(Locale.ENGLISH))).contains("<h1>Timeline of "
				+ this.incident.getReference() + "</h1>", "60 entries, oldest first.");
		// a note added in place answers with the newest fifty too
		String added = this.mvc.perform(form("/incidents/{id}/notes", id).header("HX-Request", "true")
			.param("version", String.valueOf(version()))
			.param("text", "経過メモ〔60〕"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(entries(added)).isEqualTo(50);
		assertThat(added).contains("これより前の 11 件", "（61 件）", "経過メモ〔60〕").doesNotContain("経過メモ〔10〕");
		// a responder who is not on the team finds no such page, as for the incident's own
		this.mvc.perform(get("/incidents/{id}/timeline", id).with(this.users.signedIn(this.users.create(Role.RESPONDER).getUsername())))
			.andExpect(status().isNotFound());
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(signedIn()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static int entries(String html) {
		return (int) Pattern.compile("<li class=\"timeline-").matcher(html).results().count();
	}

	@Test
	void everyPageAboutTheIncidentNamesItInItsTitle() throws Exception {
		long id = this.incident.getId();
		org.springframework.test.web.servlet.MvcResult upload = this.mvc.perform(multipart("/incidents/{id}/evidence", id)
			.file(new MockMultipartFile("file", "x.log", "application/octet-stream", "x".getBytes(StandardCharsets.UTF_8)))
			.param("collectedFrom", "PC-01")
			.with(csrf())
			.with(signedIn()))
			.andReturn();
		String location = upload.getResponse().getRedirectedUrl();
		assertThat(location).as(String.valueOf(upload.getModelAndView() == null ? null : upload.getModelAndView().getModel().get("org.springframework.validation.BindingResult.upload")))
			.matches("/incidents/\\d+/evidence/\\d+");
		String reference = this.incident.getReference();
		for (String page : List.of("/incidents/" + id, "/incidents/" + id + "/investigation",
				"/incidents/" + id + "/evidence", location, "/incidents/" + id + "/prevention-plan",
				"/incidents/" + id + "/reporting", "/incidents/" + id + "/reporting/data-sets/new",
				"/incidents/" + id + "/reporting/texts/IPA_ACCESS", "/incidents/" + id + "/timeline",
				"/incidents/" + id + "/timeline/verify",
				"/incidents/" + id + "/report", "/incidents/" + id + "/record/print")) {
			String html = html(get(page));
			Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(html);
			assertThat(title.find()).as(page).isTrue();
			assertThat(title.group(1)).as(page)
				.startsWith(reference + " ランサムウェアの疑い：経理部のパソコンに脅迫文が表示され、")
				.contains("…")
				.endsWith(" — 火消し");
		}
		// a page about no incident keeps its own title
		this.mvc.perform(get("/incidents").with(signedIn()))
			.andExpect(content().string(containsString("<title>インシデント一覧 — 火消し</title>")));
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn() {
		return this.users.signedIn(this.lead.getUsername());
	}

	private MockHttpServletRequestBuilder checklist(long item, long version) {
		return form("/incidents/{id}/checklist/{item}", this.incident.getId(), item).param("version",
				String.valueOf(version));
	}

	private MockHttpServletRequestBuilder form(String path, Object... variables) {
		return post(path, variables).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(signedIn());
	}

	private long version() {
		return this.jdbc.queryForObject("select version from incident where id = ?", Long.class, this.incident.getId());
	}

	private static long version(String html) {
		Matcher matcher = VERSION.matcher(html);
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private String itemStatus(long item) {
		return this.jdbc.queryForObject("select status from incident_checklist_item where id = ?", String.class, item);
	}

}
