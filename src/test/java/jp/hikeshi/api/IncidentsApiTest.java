package jp.hikeshi.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The incident resources: the list and the incident as the pages show them to the same person,
 * the moves and the notes, each through the same service call; what the caller may not see is
 * 404, and what a token does is attributed to it on the timeline.
 */
@IntegrationTest
class IncidentsApiTest {

	private static final String INCIDENTS = "/api/v1/incidents";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccountService accounts;

	private UserAccount reporter;

	private UserAccount lead;

	private UserAccount executive;

	private UserAccount responder;

	/** Words only this test's incidents hold, to find them among everyone else's. */
	private String marker;

	@BeforeEach
	void people() {
		this.reporter = this.users.create(Role.REPORTER);
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.executive = this.users.create(Role.EXECUTIVE);
		this.responder = this.users.create(Role.RESPONDER);
		this.marker = "m" + UUID.randomUUID().toString().substring(0, 8);
	}

	// --- GET /api/v1/incidents ---

	@Test
	void aTotalPastTheCountsBoundSaysHowManyThereAreAtLeast(@Autowired IncidentRepresentations representations) {
		Incident one = reported(this.reporter, "数え切れない " + this.marker);
		PageRequest second = PageRequest.of(1, 1);
		IncidentRepresentations.SummaryPage stopped = representations.page(
				new IncidentService.ListPage(new PageImpl<>(List.of(one), second, 1001), true), true);
		assertThat(stopped.total()).isEqualTo(1000);
		assertThat(stopped.totalComplete()).isFalse();
		IncidentRepresentations.SummaryPage counted = representations.page(
				new IncidentService.ListPage(new PageImpl<>(List.of(one), second, 2), false), true);
		assertThat(counted.total()).isEqualTo(2);
		assertThat(counted.totalComplete()).isTrue();
	}

	@Test
	void theLeadListsIncidentsNewestFirstWithTheFiltersOfTheListPage() throws Exception {
		Incident older = reported(this.reporter, "古い " + this.marker);
		Incident newer = reported(this.reporter, "新しい " + this.marker);
		take(newer);
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).with(api(bearer(this.lead))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.totalComplete").value(true))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(25))
			.andExpect(jsonPath("$.items[0].id").value(newer.getId()))
			.andExpect(jsonPath("$.items[0].state").value("TRIAGE"))
			.andExpect(jsonPath("$.items[0].stateLabel").value("判断中"))
			.andExpect(jsonPath("$.items[0].step").value("DETECT"))
			.andExpect(jsonPath("$.items[1].id").value(older.getId()))
			.andExpect(jsonPath("$.items[1].reference").value(older.getReference()));
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).param("state", "REPORTED")
				.header("Accept-Language", "en").with(api(bearer(this.lead))))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(older.getId()))
			.andExpect(jsonPath("$.items[0].stateLabel").value("Reported"));
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).param("size", "1").param("page", "1")
				.with(api(bearer(this.lead))))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(older.getId()));
		LocalDate today = LocalDate.now(this.incidents.zone());
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).param("from", today.toString())
				.param("to", today.toString()).with(api(bearer(this.lead))))
			.andExpect(jsonPath("$.total").value(2));
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).param("from", today.plusDays(1).toString())
				.with(api(bearer(this.lead))))
			.andExpect(jsonPath("$.total").value(0));
		escalate(newer, Category.VIRUS_RANSOMWARE, Severity.HIGH);
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).param("category", "VIRUS_RANSOMWARE")
				.param("severity", "HIGH").param("step", "DETECT").with(api(bearer(this.lead))))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].category").value("VIRUS_RANSOMWARE"))
			.andExpect(jsonPath("$.items[0].severity").value("HIGH"));
	}

	@Test
	void aResponderListsOnlyTheIncidentsOfTheirTeam() throws Exception {
		Incident incident = reported(this.reporter, "チームの " + this.marker);
		String bearer = bearer(this.responder);
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).with(api(bearer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		toTeamFormed(incident);
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).with(api(bearer)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].responsible.username").value(this.lead.getUsername()))
			.andExpect(jsonPath("$.items[0].responsible.displayName").value(this.lead.getDisplayName()));
	}

	@Test
	void staffListTheirOwnReportsWithoutTheTeamsJudgement() throws Exception {
		Incident mine = reported(this.reporter, "自分の " + this.marker);
		reported(this.users.create(Role.REPORTER), "他人の " + this.marker);
		escalate(mine, Category.INFORMATION_LEAK, Severity.CRITICAL);
		String bearer = bearer(this.reporter);
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).with(api(bearer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(mine.getId()))
			.andExpect(jsonPath("$.items[0].state").value("ESCALATED"))
			.andExpect(jsonPath("$.items[0].category").doesNotExist())
			.andExpect(jsonPath("$.items[0].severity").doesNotExist())
			.andExpect(jsonPath("$.items[0].responsible").doesNotExist())
			.andExpect(content().string(not(containsString("CRITICAL"))));
		this.mvc.perform(get(INCIDENTS).param("text", this.marker).param("state", "REPORTED").with(api(bearer)))
			.andExpect(jsonPath("$.total").value(0));
		// the team's judgement is not theirs to filter on
		this.mvc.perform(get(INCIDENTS).param("category", "INFORMATION_LEAK").with(api(bearer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("api.badParameter"))
			.andExpect(jsonPath("$.parameter").value("category"));
	}

	@Test
	void badListParametersAre400() throws Exception {
		String bearer = bearer(this.lead);
		for (String[] parameter : List.of(new String[] { "size", "0" }, new String[] { "size", "101" },
				new String[] { "page", "-1" }, new String[] { "size", "many" }, new String[] { "state", "ON_FIRE" },
				new String[] { "from", "2026-13-01" }, new String[] { "to", "30.11.2026" })) {
			this.mvc.perform(get(INCIDENTS).param(parameter[0], parameter[1]).with(api(bearer)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.code").value("api.badParameter"))
				.andExpect(jsonPath("$.parameter").value(parameter[0]));
		}
		this.mvc.perform(get(INCIDENTS).param("size", "100").with(api(bearer))).andExpect(status().isOk());
		this.mvc.perform(get(INCIDENTS)).andExpect(status().isUnauthorized());
	}

	// --- GET /api/v1/incidents/{id} ---

	@Test
	void theTeamReadsTheIncidentAsItsPageShowsIt() throws Exception {
		Incident incident = reported(this.reporter, "読む " + this.marker);
		take(incident);
		ZoneId zone = this.incidents.zone();
		Incident now = this.incidents.findById(incident.getId()).orElseThrow();
		String offset = now.getReportedAt().atZone(zone).getOffset().getId().replace("Z", "+00:00");
		this.mvc.perform(get(INCIDENTS + "/{id}", incident.getId()).with(api(bearer(this.lead))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.view").value("team"))
			.andExpect(jsonPath("$.id").value(incident.getId()))
			.andExpect(jsonPath("$.reference").value(incident.getReference()))
			.andExpect(jsonPath("$.title").value("読む " + this.marker))
			.andExpect(jsonPath("$.state").value("TRIAGE"))
			.andExpect(jsonPath("$.stateLabel").value("判断中"))
			.andExpect(jsonPath("$.step").value("DETECT"))
			.andExpect(jsonPath("$.categories", hasSize(0)))
			// the same moment, whatever trailing zeros its fraction of a second is written with
			.andExpect(result -> assertThat(java.time.OffsetDateTime
				.parse(com.jayway.jsonpath.JsonPath.<String>read(result.getResponse().getContentAsString(), "$.reportedAt"))
				.toInstant()).isEqualTo(now.getReportedAt()))
			.andExpect(jsonPath("$.reportedAt", endsWith(offset)))
			.andExpect(jsonPath("$.discoveredAt", endsWith(offset)))
			.andExpect(jsonPath("$.occurredAt").doesNotExist())
			.andExpect(jsonPath("$.reportedBy.username").value(this.reporter.getUsername()))
			.andExpect(jsonPath("$.reportedBy.displayName").value(this.reporter.getDisplayName()))
			.andExpect(jsonPath("$.version").value(now.getVersion()))
			.andExpect(jsonPath("$.requiredItems.items", hasSize(13)))
			.andExpect(jsonPath("$.requiredItems.items[0].key").value("CATEGORY"))
			.andExpect(jsonPath("$.requiredItems.items[0].label").value("インシデントの分類"))
			.andExpect(jsonPath("$.requiredItems.items[0].filled").value(false))
			.andExpect(jsonPath("$.requiredItems.items[1].filled").value(true))
			.andExpect(jsonPath("$.requiredItems.complete").value(false))
			.andExpect(jsonPath("$.requiredItems.percent").value(now.completeness()))
			.andExpect(jsonPath("$.allowedTransitions[*].transition").value(contains("DISMISS", "ESCALATE")))
			.andExpect(jsonPath("$.allowedTransitions[0].ready").value(true));
		// another role, another set of moves: the executive has none in triage
		this.mvc.perform(get(INCIDENTS + "/{id}", incident.getId()).with(api(bearer(this.executive))))
			.andExpect(jsonPath("$.view").value("team"))
			.andExpect(jsonPath("$.allowedTransitions", hasSize(0)));
	}

	@Test
	void aMoveThatIsNotReadyNamesWhatIsMissing() throws Exception {
		Incident incident = reported(this.reporter, "初動 " + this.marker);
		toTeamFormed(incident);
		this.incidents.startContainment(incident.getId(), version(incident), actor(this.lead));
		this.mvc.perform(get(INCIDENTS + "/{id}", incident.getId()).header("Accept-Language", "en")
				.with(api(bearer(this.lead))))
			.andExpect(jsonPath("$.state").value("CONTAINMENT"))
			.andExpect(jsonPath("$.stateLabel").value("Containment"))
			.andExpect(jsonPath("$.categories[0].category").value("VIRUS_RANSOMWARE"))
			.andExpect(jsonPath("$.categories[0].label").value("Virus or ransomware"))
			.andExpect(jsonPath("$.severity").value("HIGH"))
			.andExpect(jsonPath("$.severityLabel").value("High"))
			.andExpect(jsonPath("$.responsible.username").value(this.lead.getUsername()))
			.andExpect(jsonPath("$.team[0].person.username").value(this.responder.getUsername()))
			.andExpect(jsonPath("$.team[0].person.displayName").value(this.responder.getDisplayName()))
			.andExpect(jsonPath("$.team[0].duty").value("ログの保全"))
			.andExpect(jsonPath("$.allowedTransitions[0].transition").value("FINISH_CONTAINMENT"))
			.andExpect(jsonPath("$.allowedTransitions[0].label").value("Initial response done: go to reporting"))
			.andExpect(jsonPath("$.allowedTransitions[0].ready").value(false))
			.andExpect(jsonPath("$.allowedTransitions[0].unmet[0].code").value("incident.guard.initialResponseOpen"))
			.andExpect(jsonPath("$.allowedTransitions[0].unmet[0].message", containsString("initial-response items")));
		// a responder on the team reads it too, without moves of their own
		this.mvc.perform(get(INCIDENTS + "/{id}", incident.getId()).with(api(bearer(this.responder))))
			.andExpect(jsonPath("$.view").value("team"))
			.andExpect(jsonPath("$.allowedTransitions", hasSize(0)));
	}

	@Test
	void whoMayNotSeeAnIncidentGets404() throws Exception {
		Incident incident = reported(this.reporter, "見えない " + this.marker);
		for (String bearer : List.of(bearer(this.responder), this.users.bearer(Role.REPORTER),
				this.users.bearer(Role.ADMIN))) {
			this.mvc.perform(get(INCIDENTS + "/{id}", incident.getId()).with(api(bearer)))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.code").value("api.notFound"));
		}
		this.mvc.perform(get(INCIDENTS + "/{id}", Long.MAX_VALUE).with(api(bearer(this.lead))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(INCIDENTS + "/abc").with(api(bearer(this.lead))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("api.badParameter"));
		this.mvc.perform(get(INCIDENTS + "/{id}", incident.getId())).andExpect(status().isUnauthorized());
	}

	@Test
	void theReporterReadsWhatTheyToldNeverTheTeamsNotes() throws Exception {
		Incident incident = reported(this.reporter, "自分の報告 " + this.marker);
		take(incident);
		this.incidents.addNote(incident.getId(), actor(this.lead), "社内メモ：報告者には見せない");
		escalate(incident, Category.INFORMATION_LEAK, Severity.CRITICAL);
		this.mvc.perform(get(INCIDENTS + "/{id}", incident.getId()).with(api(bearer(this.reporter))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.view").value("reporter"))
			.andExpect(jsonPath("$.reference").value(incident.getReference()))
			.andExpect(jsonPath("$.title").value("自分の報告 " + this.marker))
			.andExpect(jsonPath("$.description").value("自分の報告 " + this.marker))
			.andExpect(jsonPath("$.state").value("ESCALATED"))
			.andExpect(jsonPath("$.reportedAt").exists())
			.andExpect(jsonPath("$.discoveredAt").exists())
			.andExpect(jsonPath("$.version").doesNotExist())
			.andExpect(jsonPath("$.allowedTransitions").doesNotExist())
			.andExpect(jsonPath("$.team").doesNotExist())
			.andExpect(jsonPath("$.severity").doesNotExist())
			.andExpect(content().string(not(containsString("社内メモ"))))
			.andExpect(content().string(not(containsString("CRITICAL"))))
			.andExpect(content().string(not(containsString(this.lead.getUsername()))));
	}

	// --- POST /api/v1/incidents/{id}/transitions ---

	@Test
	void aMoveThroughTheApiIsTheMoveOfThePageAttributedToTheToken() throws Exception {
		Incident incident = reported(this.reporter, "動かす " + this.marker);
		String bearer = "Bearer " + this.tokens.create(actor(this.lead), "ticket bridge", 30).secret();
		this.mvc.perform(transition(bearer, incident, "{\"transition\":\"TAKE\",\"version\":%d}".formatted(version(incident))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.view").value("team"))
			.andExpect(jsonPath("$.state").value("TRIAGE"))
			.andExpect(jsonPath("$.version").value(version(incident)));
		this.mvc.perform(transition(bearer, incident, """
				{"transition": "ESCALATE", "version": %d, "category": "VIRUS_RANSOMWARE",
				 "additionalCategories": ["INFORMATION_LEAK"], "leakKind": "MALWARE", "severity": "HIGH",
				 "note": "暗号化を確認"}""".formatted(version(incident))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("ESCALATED"))
			.andExpect(jsonPath("$.categories[*].category").value(contains("VIRUS_RANSOMWARE", "INFORMATION_LEAK")))
			.andExpect(jsonPath("$.leakKind").value("MALWARE"))
			.andExpect(jsonPath("$.severity").value("HIGH"));
		Incident escalated = this.incidents.findForPage(incident.getId(), actor(this.lead));
		List<TimelineEntry> timeline = escalated.getTimeline();
		TimelineEntry last = timeline.stream()
			.filter(entry -> entry.getKind() == TimelineEntry.Kind.STATE_CHANGED
					&& entry.getToState() == IncidentState.ESCALATED)
			.findFirst()
			.orElseThrow();
		assertThat(last.getNote()).isEqualTo("暗号化を確認");
		assertThat(last.getActor()).isEqualTo(this.lead.getUsername());
		assertThat(last.getVia()).isEqualTo("ticket bridge");
		assertThat(timeline.get(0).getVia()).as("the page's report").isNull();
		assertThat(escalated.verifyTimeline().intact()).isTrue();
	}

	@Test
	void theExecutiveFormsTheTeamWithPeopleWhoCanSignIn() throws Exception {
		Incident incident = reported(this.reporter, "体制 " + this.marker);
		take(incident);
		escalate(incident, Category.VIRUS_RANSOMWARE, Severity.HIGH);
		String bearer = bearer(this.executive);
		UserAccount gone = this.users.create(Role.RESPONDER);
		this.accounts.disable(gone.getId(), gone.getVersion(), "test");
		this.mvc.perform(transition(bearer, incident, """
				{"transition": "FORM_TEAM", "version": %d, "responsible": "nobody-%s",
				 "team": [{"username": "%s", "duty": "調査"}, {"username": "%s"}]}"""
			.formatted(version(incident), this.marker, this.responder.getUsername(), gone.getUsername()))
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("api.invalid"))
			.andExpect(jsonPath("$.errors[*].field").value(contains("responsible", "team[1].username")))
			.andExpect(jsonPath("$.errors[*].code").value(contains("incident.team.unknownUser", "incident.team.unknownUser")))
			.andExpect(jsonPath("$.errors[0].message").value("This person is not an active user."));
		assertThat(state(incident)).isEqualTo(IncidentState.ESCALATED);
		this.mvc.perform(transition(bearer, incident, """
				{"transition": "FORM_TEAM", "version": %d, "responsible": "%s",
				 "team": [{"username": "%s", "duty": "調査"}]}"""
			.formatted(version(incident), this.lead.getUsername(), this.responder.getUsername())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("TEAM_FORMED"))
			.andExpect(jsonPath("$.responsible.username").value(this.lead.getUsername()))
			.andExpect(jsonPath("$.team[0].person.username").value(this.responder.getUsername()))
			.andExpect(jsonPath("$.team[0].duty").value("調査"));
	}

	@Test
	void aRefusedMoveListsEveryGuardInTheCallersLanguage() throws Exception {
		Incident incident = reported(this.reporter, "拒否 " + this.marker);
		take(incident);
		String body = "{\"transition\":\"ESCALATE\",\"version\":%d}".formatted(version(incident));
		this.mvc.perform(transition(bearer(this.lead), incident, body).header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("api.transitionRefused"))
			.andExpect(jsonPath("$.unmet[*].code")
				.value(contains("incident.guard.categoryRequired", "incident.guard.severityRequired")))
			.andExpect(jsonPath("$.unmet[*].message").value(contains("Choose a category.", "Choose a severity.")));
		this.mvc.perform(transition(bearer(this.lead), incident, body).header("Accept-Language", "ja"))
			.andExpect(jsonPath("$.unmet[*].message").value(contains("分類を選んでください。", "深刻度を選んでください。")));
		// a move of another role
		this.mvc.perform(transition(bearer(this.executive), incident,
				"{\"transition\":\"DISMISS\",\"version\":%d,\"reason\":\"誤報\"}".formatted(version(incident))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.unmet[*].code").value(contains("incident.guard.role")));
		assertThat(state(incident)).isEqualTo(IncidentState.TRIAGE);
	}

	@Test
	void aStaleVersionIs409AndSaysWhoChangedWhat() throws Exception {
		Incident incident = reported(this.reporter, "古い版 " + this.marker);
		long seen = version(incident);
		take(incident);
		this.mvc.perform(transition(bearer(this.users.create(Role.SECURITY_LEAD)), incident,
				"{\"transition\":\"DISMISS\",\"version\":%d,\"reason\":\"誤報\"}".formatted(seen))
			.header("Accept-Language", "en"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("incident.changedMeanwhile"))
			.andExpect(jsonPath("$.detail", containsString(this.lead.getDisplayName())))
			.andExpect(jsonPath("$.detail", containsString("State changed")))
			.andExpect(jsonPath("$.detail", containsString("Since the version you sent")));
		assertThat(state(incident)).isEqualTo(IncidentState.TRIAGE);
	}

	@Test
	void whatCannotBeReadOrIsIncompleteIsRefused() throws Exception {
		Incident incident = reported(this.reporter, "不正 " + this.marker);
		String bearer = bearer(this.lead);
		for (String body : List.of("{\"transition\":\"FLY\",\"version\":0}", "{\"transition\":\"TAKE\",\"version\":\"x\"}",
				"{\"transition\":\"ESCALATE\",\"version\":0,\"severity\":\"EXTREME\"}", "{\"transition\":")) {
			this.mvc.perform(transition(bearer, incident, body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("api.malformed"));
		}
		this.mvc.perform(transition(bearer, incident, "{\"version\":0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("api.invalid"))
			.andExpect(jsonPath("$.errors[0].field").value("transition"));
		this.mvc.perform(transition(bearer, incident, "{\"transition\":\"TAKE\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		this.mvc.perform(transition(bearer, incident, "{\"transition\":\"DISMISS\",\"version\":0,\"reason\":\"" + "r".repeat(4001) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("Size"));
		this.mvc.perform(post(INCIDENTS + "/{id}/transitions", incident.getId()).with(api(bearer))
				.contentType(MediaType.TEXT_PLAIN).content("TAKE"))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc.perform(transition(bearer, incident, "{\"transition\":\"TAKE\",\"version\":0,\"reason\":\"" + "r".repeat(1024 * 1024) + "\"}"))
			.andExpect(status().isContentTooLarge());
		this.mvc.perform(post(INCIDENTS + "/{id}/transitions", incident.getId()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"transition\":\"TAKE\",\"version\":0}"))
			.andExpect(status().isUnauthorized());
		assertThat(state(incident)).isEqualTo(IncidentState.REPORTED);
	}

	@Test
	void whoMayNotSeeOrWorkAnIncidentCannotMoveIt() throws Exception {
		Incident incident = reported(this.reporter, "動かせない " + this.marker);
		String body = "{\"transition\":\"TAKE\",\"version\":%d}".formatted(version(incident));
		// a responder not on its team, the reporter themselves, another member of staff
		for (String bearer : List.of(bearer(this.responder), bearer(this.reporter), this.users.bearer(Role.REPORTER))) {
			this.mvc.perform(transition(bearer, incident, body))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("api.notFound"));
		}
		this.mvc.perform(post(INCIDENTS + "/{id}/transitions", Long.MAX_VALUE).with(api(bearer(this.lead)))
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isNotFound());
		assertThat(state(incident)).isEqualTo(IncidentState.REPORTED);
	}

	// --- POST /api/v1/incidents/{id}/notes ---

	@Test
	void theTeamAddsNotesThatNeverConflict() throws Exception {
		Incident incident = reported(this.reporter, "メモ " + this.marker);
		toTeamFormed(incident);
		String bearer = "Bearer " + this.tokens.create(actor(this.responder), "siem", 30).secret();
		this.mvc.perform(note(bearer, incident, "{\"text\":\"ログを保全した\\n二行目\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.text").value("ログを保全した\n二行目"))
			.andExpect(jsonPath("$.by.username").value(this.responder.getUsername()))
			.andExpect(jsonPath("$.via").value("siem"))
			.andExpect(jsonPath("$.at").exists())
			.andExpect(jsonPath("$.sequence").isNumber());
		// the incident moved meanwhile: a note carries no version and still lands
		this.incidents.startContainment(incident.getId(), version(incident), actor(this.lead));
		this.mvc.perform(note(bearer(this.lead), incident, "{\"text\":\"封じ込め開始後のメモ\"}"))
			.andExpect(status().isCreated());
		List<TimelineEntry> timeline = this.incidents.findForPage(incident.getId(), actor(this.lead)).getTimeline();
		assertThat(timeline).filteredOn(entry -> entry.getKind() == TimelineEntry.Kind.NOTE)
			.extracting(TimelineEntry::getNote, TimelineEntry::getVia)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ログを保全した\n二行目", "siem"),
					org.assertj.core.groups.Tuple.tuple("封じ込め開始後のメモ", "test script"));
	}

	@Test
	void notesAreCheckedAsOnThePageAndOnlyForTheTeam() throws Exception {
		Incident incident = reported(this.reporter, "メモ不可 " + this.marker);
		String lead = bearer(this.lead);
		this.mvc.perform(note(lead, incident, "{\"text\":\" \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("api.invalid"))
			.andExpect(jsonPath("$.errors[0].field").value("text"))
			.andExpect(jsonPath("$.errors[0].code").value("NotBlank"));
		this.mvc.perform(note(lead, incident, "{\"text\":\"" + "x".repeat(4001) + "\"}"))
			.andExpect(jsonPath("$.errors[0].code").value("Size"));
		this.mvc.perform(note(lead, incident, "{\"text\":\"a\\u0007b\"}"))
			.andExpect(jsonPath("$.errors[0].code").value("PlainText"));
		this.mvc.perform(note(lead, incident, "{\"text\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("api.malformed"));
		this.mvc.perform(post(INCIDENTS + "/{id}/notes", incident.getId()).with(api(lead))
				.contentType(MediaType.TEXT_PLAIN).content("メモ"))
			.andExpect(status().isUnsupportedMediaType());
		this.mvc.perform(note(lead, incident, "{\"text\":\"" + "x".repeat(1024 * 1024) + "\"}"))
			.andExpect(status().isContentTooLarge());
		for (String bearer : List.of(bearer(this.responder), bearer(this.reporter))) {
			this.mvc.perform(note(bearer, incident, "{\"text\":\"見えないはず\"}"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("api.notFound"));
		}
		this.mvc.perform(post(INCIDENTS + "/{id}/notes", incident.getId()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"x\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(this.incidents.findForPage(incident.getId(), actor(this.lead)).getTimeline())
			.noneMatch(entry -> entry.getKind() == TimelineEntry.Kind.NOTE);
	}

	// --- helpers: the workflow through the service, as the pages drive it ---

	private Incident reported(UserAccount by, String description) {
		return this.incidents.report(new Incident.Report(null, description, null, null, null, null, null), actor(by));
	}

	private void take(Incident incident) {
		this.incidents.take(incident.getId(), version(incident), actor(this.lead));
	}

	private void escalate(Incident incident, Category category, Severity severity) {
		if (state(incident) == IncidentState.REPORTED) {
			take(incident);
		}
		this.incidents.escalate(incident.getId(), version(incident), actor(this.lead), category, null, severity, null);
	}

	private void toTeamFormed(Incident incident) {
		escalate(incident, Category.VIRUS_RANSOMWARE, Severity.HIGH);
		this.incidents.formTeam(incident.getId(), version(incident), actor(this.executive), this.lead.getUsername(),
				List.of(new Assignee(this.responder.getUsername(), "ログの保全")));
	}

	private long version(Incident incident) {
		return this.incidents.findById(incident.getId()).orElseThrow().getVersion();
	}

	private IncidentState state(Incident incident) {
		return this.incidents.findById(incident.getId()).orElseThrow().getState();
	}

	private String bearer(UserAccount account) {
		return this.users.bearerOf(account.getUsername());
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), Set.copyOf(account.getRoles()));
	}

	private MockHttpServletRequestBuilder transition(String bearer, Incident incident, String json) {
		return post(INCIDENTS + "/{id}/transitions", incident.getId()).with(api(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
	}

	private MockHttpServletRequestBuilder note(String bearer, Incident incident, String json) {
		return post(INCIDENTS + "/{id}/notes", incident.getId()).with(api(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
	}

}
