package jp.hikeshi.incident.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.ChecklistPoint;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentEvents;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The incident pages' answers to good and bad input, through the real web layer and database. */
@IntegrationTest
@RecordApplicationEvents
class IncidentWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aReportGetsAReferenceAndIsPublished() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		this.mvc.perform(report(staff, "description", "不審なメールの添付を開いてしまった"))
			.andExpect(redirectedUrlPattern("/reports/*/sent"));
		assertThat(this.events.stream(IncidentEvents.Reported.class)).hasSize(1);
		Long id = this.jdbc.queryForObject("select id from incident where reported_by = ?", Long.class,
				staff.getUsername());
		this.mvc.perform(get("/reports/{id}/sent", id).with(this.users.signedIn(staff.getUsername())))
			.andExpect(content().string(containsString("INC-")))
			.andExpect(content().string(containsString("機器の電源を切らないでください")));
	}

	@Test
	void badReportsAreExplainedAndNothingIsSaved() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		this.mvc.perform(report(staff, "description", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "description", "NotBlank"));
		this.mvc.perform(report(staff, "description", "x".repeat(4001)))
			.andExpect(model().attributeHasFieldErrorCode("form", "description", "Size"));
		this.mvc.perform(report(staff, "description", "制御\u001b[31m文字"))
			.andExpect(model().attributeHasFieldErrorCode("form", "description", "PlainText"));
		this.mvc.perform(report(staff, "description", "未来", "discoveredAt", "2999-01-01T00:00"))
			.andExpect(model().attributeHasFieldErrorCode("form", "discoveredAt", "incident.report.discoveredInFuture"));
		this.mvc.perform(report(staff, "description", "形式", "discoveredAt", "昨日の朝"))
			.andExpect(model().attributeHasFieldErrorCode("form", "discoveredAt", "typeMismatch"));
		this.mvc.perform(report(staff, "description", "値", "stillHappening", "MAYBE"))
			.andExpect(model().attributeHasFieldErrorCode("form", "stillHappening", "typeMismatch"));
		assertThat(this.jdbc.queryForObject("select count(*) from incident where reported_by = ?", Long.class,
				staff.getUsername())).isZero();
	}

	@Test
	void scriptInAReportIsShownAsText() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		Incident incident = reportAs(staff, "<script>alert('x')</script>");
		this.mvc.perform(get("/incidents/{id}", incident.getId()).with(this.users.as(Role.SECURITY_LEAD)))
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void unknownAndInvisibleIncidentsAreNotFound() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		Incident incident = reportAs(staff, "見えないはず");
		this.mvc.perform(get("/incidents/{id}", Long.MAX_VALUE).with(this.users.as(Role.SECURITY_LEAD)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/incidents/{id}", incident.getId()).with(this.users.as(Role.RESPONDER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/reports/{id}", incident.getId()).with(this.users.as(Role.REPORTER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/reports/{id}", incident.getId()).with(this.users.signedIn(staff.getUsername())))
			.andExpect(status().isOk());
	}

	@Test
	void aMoveFromAStalePageSaysWhoChangedWhatAndKeepsWhatWasTyped() throws Exception {
		Incident incident = reportAs(this.users.create(Role.REPORTER), "古い画面");
		UserAccount first = this.users.create(Role.SECURITY_LEAD);
		this.mvc.perform(move(incident, "TAKE", incident.getVersion()).with(this.users.signedIn(first.getUsername())))
			.andExpect(redirectedUrl("/incidents/" + incident.getId()))
			.andExpect(flash().attribute("notice", Notice.of("Transition.TAKE.done")));
		// a second lead still has the page as it was before the take
		this.mvc.perform(move(incident, "DISMISS", incident.getVersion()).param("reason", "誤報と判断した")
				.with(this.users.as(Role.SECURITY_LEAD)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("moveForm"))
			.andExpect(content().string(containsString(first.getDisplayName() + "さんが「状態の変更」を行いました")))
			.andExpect(content().string(containsString("誤報と判断した</textarea>")));
		assertThat(state(incident)).isEqualTo(IncidentState.TRIAGE);
	}

	@Test
	void aRefusedMoveShowsItsGuardInItsOwnFormWithItsArguments() throws Exception {
		Incident incident = reportAs(this.users.create(Role.REPORTER), "理由なし");
		RequestPostProcessor lead = this.users.as(Role.SECURITY_LEAD);
		this.mvc.perform(move(incident, "TAKE", incident.getVersion()).with(lead));
		long version = version(incident);
		this.mvc.perform(move(incident, "DISMISS", version).param("reason", "  ").with(lead))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("moveForm", "reason", "incident.guard.reasonRequired"))
			.andExpect(content().string(containsString("id=\"reason-DISMISS-error\"")))
			.andExpect(content().string(containsString("aria-describedby=\"reason-DISMISS-error\"")));
		this.mvc.perform(move(incident, "CLOSE", version).with(lead))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("moveForm"))
			.andExpect(content().string(containsString("インシデントが「判断中」の状態では、この操作はできません。")));
		this.mvc.perform(move(incident, "NO_SUCH_MOVE", version).with(lead)).andExpect(status().isBadRequest());
		assertThat(state(incident)).isEqualTo(IncidentState.TRIAGE);
		assertThat(version(incident)).isEqualTo(version);
	}

	@Test
	void anExecutiveCannotTriageAndIsToldWhichRoleCan() throws Exception {
		Incident incident = reportAs(this.users.create(Role.REPORTER), "役割");
		this.mvc.perform(move(incident, "TAKE", incident.getVersion()).with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("この操作には「情報セキュリティ責任者」の役割が必要です。")));
		assertThat(state(incident)).isEqualTo(IncidentState.REPORTED);
	}

	@Test
	void aHappenedDateInTheFutureIsRefusedNextToTheFieldWithEverythingTypedKept() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Actor actor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		Incident incident = escalatedAs(lead, "未来の発生日時");
		LocalDateTime discovered = LocalDateTime.ofInstant(incident.getDiscoveredAt(), ZoneId.of("Asia/Tokyo"));
		this.mvc.perform(post("/incidents/{id}/record", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(lead.getUsername()))
				.param("version", String.valueOf(version(incident)))
				.param("discoveredAt", discovered.toString().substring(0, 16))
				.param("occurredAt", "2999-12-31T23:59")
				.param("assumedCause", "添付ファイル経由の感染<b>")
				.param("disclosureStatus", "UNDECIDED"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("recordForm", "occurredAt", "incident.record.occurredInFuture"))
			.andExpect(content().string(containsString("id=\"occurredAt-error\"")))
			.andExpect(content().string(containsString("value=\"2999-12-31T23:59\"")))
			.andExpect(content().string(containsString("添付ファイル経由の感染&lt;b&gt;</textarea>")));
		assertThat(this.jdbc.queryForObject("select occurred_at is null and assumed_cause is null from incident where id = ?",
				Boolean.class, incident.getId())).isTrue();
	}

	@Test
	void aDiscoveryAfterTheReportWithoutAReasonIsRefusedNextToTheReason() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Incident incident = escalatedAs(lead, "発覚日時の訂正");
		// reported an hour ago; 発覚 moved to a minute after that, still in the past
		this.jdbc.update("update incident set reported_at = reported_at - interval '1 hour' where id = ?", incident.getId());
		LocalDateTime afterTheReport = LocalDateTime
			.ofInstant(incident.getReportedAt().minusSeconds(3600), ZoneId.of("Asia/Tokyo"))
			.plusMinutes(1);
		this.mvc.perform(post("/incidents/{id}/record", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(lead.getUsername()))
				.param("version", String.valueOf(version(incident)))
				.param("discoveredAt", afterTheReport.toString().substring(0, 16))
				.param("discoveredLateReason", " ")
				.param("assumedCause", "不明")
				.param("disclosureStatus", "UNDECIDED"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("recordForm", "discoveredLateReason",
					"incident.record.discoveredAfterReport"))
			.andExpect(content().string(containsString("id=\"discoveredLateReason-error\"")))
			.andExpect(content().string(containsString("value=\"" + afterTheReport.toString().substring(0, 16) + "\"")));
		assertThat(this.jdbc.queryForObject("select discovered_at = ? and assumed_cause is null from incident where id = ?",
				Boolean.class, java.sql.Timestamp.from(incident.getDiscoveredAt()), incident.getId())).isTrue();
	}

	@Test
	void anEscalationOfTwoCategoriesIsReadBackAndTheLeadAddsAThirdLater() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Actor actor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		Incident incident = reportAs(this.users.create(Role.REPORTER), "身代金要求、顧客名簿も持ち出された");
		this.incidents.take(incident.getId(), incident.getVersion(), actor);
		this.mvc.perform(post("/incidents/{id}/escalate", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(lead.getUsername()))
				.param("version", String.valueOf(version(incident)))
				.param("category", "VIRUS_RANSOMWARE")
				.param("additionalCategories", "INFORMATION_LEAK")
				.param("leakKind", "MALWARE")
				.param("severity", "CRITICAL"))
			.andExpect(flash().attribute("notice", Notice.of("Transition.ESCALATE.done")));

		Incident escalated = this.incidents.findForPage(incident.getId(), actor);
		assertThat(escalated.getCategory()).isEqualTo(Category.VIRUS_RANSOMWARE);
		assertThat(escalated.getCategories()).containsExactly(Category.VIRUS_RANSOMWARE, Category.INFORMATION_LEAK);
		assertThat(escalated.getLeakKind()).isEqualTo(LeakKind.MALWARE);
		assertThat(escalated.getChecklist()).extracting(ChecklistItem::getItem)
			.contains(ChecklistPoint.ASSESS_AFFECTED_DATA, ChecklistPoint.DO_NOT_PAY_OR_CONTACT_ATTACKER,
					ChecklistPoint.IDENTIFY_LEAKED_DATA)
			.doesNotHaveDuplicates();
		this.mvc.perform(get("/incidents/{id}", incident.getId()).with(this.users.signedIn(lead.getUsername())))
			.andExpect(content().string(containsString("ウイルス・ランサムウェア感染")))
			.andExpect(content().string(containsString("情報漏えい")))
			.andExpect(content().string(containsString("（漏えいの種類：マルウェア）")));

		this.mvc.perform(post("/incidents/{id}/categories", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(lead.getUsername()))
				.param("version", String.valueOf(version(incident)))
				.param("category", "VIRUS_RANSOMWARE")
				.param("additionalCategories", "INFORMATION_LEAK", "SYSTEM_OUTAGE")
				.param("leakKind", "MALWARE"))
			.andExpect(flash().attribute("notice", Notice.of("incident.categories.saved")));
		Incident changed = this.incidents.findForPage(incident.getId(), actor);
		assertThat(changed.getCategories()).containsExactly(Category.VIRUS_RANSOMWARE, Category.INFORMATION_LEAK,
				Category.SYSTEM_OUTAGE);
		assertThat(changed.getChecklist()).extracting(ChecklistItem::getItem).contains(ChecklistPoint.CONTACT_ISP_OR_HOSTING);
		assertThat(changed.getTimeline()).last()
			.satisfies(entry -> assertThat(entry.getAfter()).isEqualTo("INFORMATION_LEAK, SYSTEM_OUTAGE"));

		// a main category is needed
		this.mvc.perform(post("/incidents/{id}/categories", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(lead.getUsername()))
				.param("version", String.valueOf(version(incident)))
				.param("category", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("categoriesForm", "category", "incident.guard.categoryRequired"));
		assertThat(this.incidents.findForPage(incident.getId(), actor).getCategories()).hasSize(3);
	}

	@Test
	void anEscalationWithoutCategoryOrSeveritySaysSoNextToEachAndKeepsTheNote() throws Exception {
		Incident incident = reportAs(this.users.create(Role.REPORTER), "分類なし");
		RequestPostProcessor lead = this.users.as(Role.SECURITY_LEAD);
		this.mvc.perform(move(incident, "TAKE", incident.getVersion()).with(lead));
		this.mvc.perform(post("/incidents/{id}/escalate", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(lead)
				.param("version", String.valueOf(version(incident)))
				.param("leakKind", "")
				.param("note", "社長に電話で一報済み"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("escalateForm", "category", "incident.guard.categoryRequired"))
			.andExpect(model().attributeHasFieldErrorCode("escalateForm", "severity", "incident.guard.severityRequired"))
			.andExpect(content().string(containsString("id=\"category-error\"")))
			.andExpect(content().string(containsString("社長に電話で一報済み</textarea>")));
		assertThat(state(incident)).isEqualTo(IncidentState.TRIAGE);
	}

	@Test
	void aChecklistItemNotApplicableWithoutAReasonIsRefusedAtThatItem() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Incident incident = escalatedAs(lead, "チェックリスト");
		long item = this.jdbc.queryForObject(
				"select id from incident_checklist_item where incident_id = ? order by position limit 1", Long.class,
				incident.getId());
		this.mvc.perform(post("/incidents/{id}/checklist/{item}", incident.getId(), item)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(lead.getUsername()))
				.param("version", String.valueOf(version(incident)))
				.param("status", "NOT_APPLICABLE")
				.param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("checklistForm", "reason", "incident.checklist.reasonRequired"))
			.andExpect(content().string(containsString("id=\"reason-" + item + "-error\"")))
			.andExpect(content().string(containsString("<option value=\"NOT_APPLICABLE\" selected=\"selected\"")));
		assertThat(this.jdbc.queryForObject("select status from incident_checklist_item where id = ?", String.class, item))
			.isEqualTo("OPEN");
	}

	@Test
	void anEmptyNoteIsRefusedNextToTheBox() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Incident incident = reportAs(this.users.create(Role.REPORTER), "メモ");
		int before = entries(incident);
		this.mvc.perform(post("/incidents/{id}/notes", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(lead.getUsername()))
				.param("text", "   "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("noteForm", "text", "NotBlank"))
			.andExpect(content().string(containsString("id=\"text-error\"")));
		assertThat(entries(incident)).isEqualTo(before);
	}

	@Test
	void aTeamWithoutAResponsiblePersonIsRefusedNextToTheChoiceWithTheDutiesKept() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		UserAccount member = this.users.create(Role.RESPONDER);
		Incident incident = escalatedAs(lead, "体制");
		MockHttpServletRequestBuilder request = post("/incidents/{id}/team", incident.getId())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.as(Role.EXECUTIVE))
			.param("version", String.valueOf(version(incident)))
			.param("responsible", "")
			.param("members[0].username", member.getUsername())
			.param("members[0].selected", "true")
			.param("members[0].duty", "ログの保全と調査");
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("teamForm", "responsible", "incident.guard.responsibleRequired"))
			.andExpect(content().string(containsString("責任者を指名してください。")))
			.andExpect(content().string(containsString("value=\"ログの保全と調査\"")))
			.andExpect(content().string(containsString(member.getDisplayName())))
			.andExpect(content().string(not(containsString(">" + member.getUsername() + "<"))));
		assertThat(state(incident)).isEqualTo(IncidentState.ESCALATED);
	}

	@Test
	void aRecoveryWithoutWhatWasCheckedIsRefusedNextToTheBox() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD, Role.EXECUTIVE);
		Actor actor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD, Role.EXECUTIVE));
		Incident incident = reportAs(this.users.create(Role.REPORTER), "復旧");
		long id = incident.getId();
		this.incidents.take(id, version(incident), actor);
		this.incidents.escalate(id, version(incident), actor, jp.hikeshi.incident.Category.OTHER, null,
				jp.hikeshi.incident.Severity.LOW, null);
		this.incidents.formTeam(id, version(incident), actor, lead.getUsername(), List.of());
		this.incidents.startContainment(id, version(incident), actor);
		this.jdbc.update("update incident_checklist_item set status = 'DONE' where incident_id = ?", id);
		this.incidents.finishContainment(id, version(incident), actor);
		this.jdbc.update("update incident set disclosure_status = 'NOT_REQUIRED' where id = ?", id);
		// step 2's provisional duties (no leak assessed yet) are decided: not what this test is about
		this.jdbc.update("update notification_duty set state = 'WAIVED', waiver_reason = 'test'"
				+ " where case_id = (select id from reporting_case where incident_id = ?)", id);
		this.incidents.startRecovery(id, version(incident), actor);
		this.mvc.perform(post("/incidents/{id}/recovery", id).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(lead.getUsername()))
				.param("version", String.valueOf(version(incident)))
				.param("checks", "  ")
				.param("reportedToExecutive", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("recoveryForm", "checks", "incident.recovery.checksRequired"))
			.andExpect(content().string(containsString("id=\"checks-error\"")))
			.andExpect(content().string(containsString("checked=\"checked\"")));
		assertThat(this.jdbc.queryForObject("select recovery_confirmed_at is null from incident where id = ?", Boolean.class,
				id)).isTrue();
	}

	/** Issue #9's regression: history added meanwhile never makes someone else's open page stale. */
	@Test
	void aNoteAddedWhileAnotherLeadHasThePageOpenDoesNotStopTheirMove() throws Exception {
		Incident incident = reportAs(this.users.create(Role.REPORTER), "同時に開いている画面");
		long seen = version(incident);
		this.mvc.perform(post("/incidents/{id}/notes", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.as(Role.SECURITY_LEAD))
				.param("text", "送信元に電話で確認中"))
			.andExpect(redirectedUrl("/incidents/" + incident.getId() + "#timeline"));
		this.mvc.perform(move(incident, "TAKE", seen).with(this.users.as(Role.SECURITY_LEAD)))
			.andExpect(redirectedUrl("/incidents/" + incident.getId()))
			.andExpect(flash().attribute("notice", Notice.of("Transition.TAKE.done")));
		assertThat(state(incident)).isEqualTo(IncidentState.TRIAGE);
	}

	@Test
	void damageMustBePlausible() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Actor actor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		Incident incident = reportAs(this.users.create(Role.REPORTER), "被害の記録");
		this.incidents.take(incident.getId(), incident.getVersion(), actor);
		this.incidents.escalate(incident.getId(), version(incident), actor, jp.hikeshi.incident.Category.OTHER, null,
				jp.hikeshi.incident.Severity.LOW, null);
		this.mvc.perform(damage(incident, lead).param("directYen", "-5").param("indirectYen", "100000000000000")
				.param("disruptionDays", "1.25"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("damageForm", "directYen", "Min"))
			.andExpect(model().attributeHasFieldErrorCode("damageForm", "indirectYen", "Max"))
			.andExpect(model().attributeHasFieldErrorCode("damageForm", "disruptionDays", "Digits"))
			.andExpect(content().string(containsString("金額にマイナスは指定できません。")));
		this.mvc.perform(damage(incident, lead).param("directYen", "百万").param("disruptionDays", "2"))
			.andExpect(model().attributeHasFieldErrorCode("damageForm", "directYen", "typeMismatch"))
			.andExpect(content().string(containsString("id=\"directYen-error\"")))
			// a number field can't hold letters in a browser; the other fields keep what was typed
			.andExpect(content().string(containsString("value=\"2\"")));
		assertThat(this.jdbc.queryForObject("select damage_direct_yen is null from incident where id = ?", Boolean.class,
				incident.getId())).isTrue();

		this.mvc.perform(damage(incident, lead).param("directYen", "1500000").param("disruptionDays", "2.5"))
			.andExpect(flash().attribute("notice", Notice.of("incident.damage.saved")));
		assertThat(this.jdbc.queryForObject("select damage_direct_yen from incident where id = ?", Long.class,
				incident.getId())).isEqualTo(1_500_000L);
	}

	private MockHttpServletRequestBuilder damage(Incident incident, UserAccount lead) {
		return post("/incidents/{id}/damage", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(lead.getUsername()))
			.param("version", String.valueOf(version(incident)));
	}

	@Test
	void theListFiltersAndPages() throws Exception {
		String marker = "filter-" + System.nanoTime();
		reportAs(this.users.create(Role.REPORTER), marker + " one");
		reportAs(this.users.create(Role.REPORTER), marker + " two");
		this.mvc.perform(get("/incidents").param("text", marker).with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(marker + " one")))
			.andExpect(content().string(containsString(marker + " two")));
		this.mvc.perform(get("/incidents").param("text", marker).param("state", "CLOSED").with(this.users.as(Role.EXECUTIVE)))
			.andExpect(content().string(not(containsString(marker + " one"))));
		this.mvc.perform(get("/incidents").param("state", "NOPE").param("page", "-5").with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("解釈できない条件")));
		this.mvc.perform(get("/incidents").param("text", marker).with(this.users.as(Role.RESPONDER)))
			.andExpect(content().string(not(containsString(marker + " one"))));
	}

	/** A report form; pairs of name and value replace the defaults. */
	private MockHttpServletRequestBuilder report(UserAccount staff, String... fields) {
		java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
		values.put("discoveredAt", LocalDateTime.now(ZoneId.of("Asia/Tokyo")).minusMinutes(5).toString().substring(0, 16));
		values.put("stillHappening", "UNKNOWN");
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/report").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(staff.getUsername()));
		values.forEach(request::param);
		return request;
	}

	private static MockHttpServletRequestBuilder move(Incident incident, String transition, long version) {
		return post("/incidents/{id}/move/{transition}", incident.getId(), transition)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.param("version", String.valueOf(version));
	}

	private Incident reportAs(UserAccount staff, String description) {
		return this.incidents.report(new Incident.Report(null, description, null, "PC", null, null, null),
				new Actor(staff.getUsername(), Set.of(Role.REPORTER)));
	}

	private IncidentState state(Incident incident) {
		return IncidentState.valueOf(this.jdbc.queryForObject("select state from incident where id = ?", String.class,
				incident.getId()));
	}

	private Incident escalatedAs(UserAccount lead, String description) {
		Actor actor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		Incident incident = reportAs(this.users.create(Role.REPORTER), description);
		this.incidents.take(incident.getId(), incident.getVersion(), actor);
		this.incidents.escalate(incident.getId(), version(incident), actor, jp.hikeshi.incident.Category.VIRUS_RANSOMWARE,
				null, jp.hikeshi.incident.Severity.HIGH, null);
		return incident;
	}

	private int entries(Incident incident) {
		return this.jdbc.queryForObject("select count(*) from incident_timeline_entry where incident_id = ?",
				Integer.class, incident.getId());
	}

	private long version(Incident incident) {
		return this.jdbc.queryForObject("select version from incident where id = ?", Long.class, incident.getId());
	}

}
