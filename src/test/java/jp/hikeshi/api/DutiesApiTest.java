package jp.hikeshi.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.calendar.LegalDeadlines;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reports owed through the API: an incident's, with deadlines as the law counts them and
 * labels in the caller's language; filings and waivers with the page's guards; and every report
 * still owed across incidents, filtered by how due it is.
 */
@IntegrationTest
class DutiesApiTest {

	/** Ten days ago: the 速報's day 5 has passed. */
	private static final Instant TEN_DAYS_AGO = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	MessageSource messages;

	Actor lead;

	String bearer;

	long id;

	/**
	 * An unauthorised access found ten days ago, escalated: IPA and the police are owed, and
	 * until the leak is assessed the PPC's reports and the notice to the people are 要判断.
	 */
	@BeforeEach
	void anEscalatedUnauthorisedAccess() {
		UserAccount account = this.users.create(Role.SECURITY_LEAD);
		this.lead = new Actor(account.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.bearer = this.users.bearerOf(account.getUsername());
		this.id = escalated("会員サイトへの不正アクセス", TEN_DAYS_AGO);
	}

	@Test
	void anIncidentsDutiesWithTheirDeadlinesReasonsAndLabelsInTheCallersLanguage() throws Exception {
		LocalDate dayOne = LocalDate.ofInstant(TEN_DAYS_AGO, LegalDeadlines.JAPAN);
		for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
			this.mvc.perform(get("/api/v1/incidents/{id}/duties", this.id).with(api(this.bearer))
				.header("Accept-Language", locale.getLanguage()))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(jsonPath("$.incidentId").value(this.id))
				.andExpect(jsonPath("$.reference").value(this.incidents.find(this.id, this.lead).getReference()))
				.andExpect(jsonPath("$.version").value(caseVersion()))
				.andExpect(jsonPath("$.duties[*].type", containsInAnyOrder("PPC_PRELIMINARY", "PPC_FINAL",
						"PERSON_NOTICE", "IPA", "POLICE")))
				.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].id").value(dutyId(DutyType.POLICE).intValue()))
				.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].label").value(say("DutyType.POLICE", locale)))
				.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].provisional").value(false))
				.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].state").value("TO_DO"))
				.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].stateLabel").value(say("DutyState.TO_DO", locale)))
				.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].source").value(say("DutyType.POLICE.source", locale)))
				.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].urgency").value("PROMPTLY"))
				.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].urgencyLabel").value(say("Urgency.PROMPTLY", locale)))
				.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].provisional").value(true))
				.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].reasons[0].code")
					.value("duty.reason.leakUnassessed"))
				.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].reasons[0].message")
					.value(say("duty.reason.leakUnassessed", locale)))
				.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].deadline.lastDay")
					.value(dayOne.plusDays(4).toString()))
				.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].urgency").value("OVERDUE"))
				.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].daysLeft").value(-6))
				.andExpect(jsonPath("$.duties[?(@.type == 'IPA')].rule").value("NONE"))
				.andExpect(jsonPath("$.duties[?(@.type == 'IPA')].urgency").value("NO_DEADLINE"))
				.andExpect(jsonPath("$.duties[?(@.type == 'IPA')].filing").value(hasItem(org.hamcrest.Matchers.nullValue())));
		}
	}

	@Test
	void aReportFiledThroughTheApiIsRecordedAndAttributedToTheToken() throws Exception {
		LocalDate today = LocalDate.now(this.incidents.zone());
		file("POLICE", """
				{"version": %d, "filedOn": "%s", "reference": "警視庁 相談受理 123"}""".formatted(caseVersion(), today))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(caseVersion()))
			.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].state").value("FILED"))
			.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].filing.filedOn").value(today.toString()))
			.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].filing.reference").value("警視庁 相談受理 123"))
			.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].decidedBy.username").value(this.lead.username()))
			.andExpect(jsonPath("$.duties[?(@.type == 'POLICE')].urgency").value("ON_TRACK"));

		Duty police = duty(DutyType.POLICE);
		assertThat(police.getState()).isEqualTo(Duty.State.FILED);
		assertThat(police.getFilingReference()).isEqualTo("警視庁 相談受理 123");
		assertThat(this.incidents.findForPage(this.id, this.lead).getTimeline())
			.filteredOn(entry -> entry.getKind() == TimelineEntry.Kind.DUTY_FILED)
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.getField()).isEqualTo("POLICE");
				assertThat(entry.getVia()).isEqualTo("test script");
			});
	}

	@Test
	void aWaiverIsRecordedWithItsReason() throws Exception {
		waive("IPA", """
				{"version": %d, "reason": "任意の届出であり、今回は行わない"}""".formatted(caseVersion()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.duties[?(@.type == 'IPA')].state").value("WAIVED"))
			.andExpect(jsonPath("$.duties[?(@.type == 'IPA')].waiver.reason").value("任意の届出であり、今回は行わない"));
		assertThat(duty(DutyType.IPA).getState()).isEqualTo(Duty.State.WAIVED);
	}

	/** The page's guards, each on the field to correct; nothing recorded. */
	@Test
	void whatThePageRefusesIsRefusedOnTheFieldToCorrect() throws Exception {
		LocalDate today = LocalDate.now(this.incidents.zone());
		file("POLICE", """
				{"version": %d, "filedOn": "%s"}""".formatted(caseVersion(), today.plusDays(2)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("duty.filedInFuture"))
			.andExpect(jsonPath("$.errors[0].field").value("filedOn"))
			.andExpect(jsonPath("$.errors[0].message").value(say("duty.filedInFuture", Locale.ENGLISH)));
		file("POLICE", """
				{"version": %d}""".formatted(caseVersion()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("filedOn"))
			.andExpect(jsonPath("$.errors[0].code").value("duty.filedOnRequired"));
		file("PERSON_NOTICE", """
				{"version": %d, "filedOn": "%s"}""".formatted(caseVersion(), today))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("outcome"))
			.andExpect(jsonPath("$.errors[0].code").value("duty.noticeOutcomeRequired"));
		file("PERSON_NOTICE", """
				{"version": %d, "filedOn": "%s", "outcome": "ALTERNATIVE_ONLY", "alternative": "INQUIRY_DESK"}"""
			.formatted(caseVersion(), today))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("alternative"))
			.andExpect(jsonPath("$.errors[0].code").value("duty.alternativeNotInPlace.INQUIRY_DESK"));
		file("POLICE", """
				{"version": %d, "filedOn": "%s", "reference": "%s"}""".formatted(caseVersion(), today,
				"x".repeat(Duty.MAX_REFERENCE_LENGTH + 1)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("api.invalid"))
			.andExpect(jsonPath("$.errors[0].field").value("reference"));
		file("POLICE", """
				{"filedOn": "%s"}""".formatted(today))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		waive("IPA", """
				{"version": %d, "reason": "  "}""".formatted(caseVersion()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].code").value("duty.waiverReasonRequired"));
		assertThat(this.reporting.caseFor(this.id, this.lead).applicableDuties()).allSatisfy(
				duty -> assertThat(duty.getState()).isEqualTo(Duty.State.TO_DO));
	}

	@Test
	void aStaleVersionIs409() throws Exception {
		long seen = caseVersion();
		waive("IPA", """
				{"version": %d, "reason": "任意の届出"}""".formatted(seen)).andExpect(status().isOk());
		file("POLICE", """
				{"version": %d, "filedOn": "%s"}""".formatted(seen, LocalDate.now(this.incidents.zone())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("api.conflict"));
		assertThat(duty(DutyType.POLICE).getState()).isEqualTo(Duty.State.TO_DO);
	}

	@Test
	void malformedBodiesAndUnknownValuesAre400() throws Exception {
		file("POLICE", "{\"version\": ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("api.malformed"));
		file("PERSON_NOTICE", """
				{"version": %d, "filedOn": "2026-01-01", "outcome": "SOME"}""".formatted(caseVersion()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("api.malformed"));
		file("POLICE", """
				{"version": %d, "filedOn": "yesterday"}""".formatted(caseVersion()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("api.malformed"));
	}

	/** A type the API does not name, one the incident does not owe, an unknown incident: nothing there. */
	@Test
	void whatThePathDoesNotNameIs404() throws Exception {
		String body = """
				{"version": %d, "reason": "x"}""".formatted(caseVersion());
		for (String type : List.of("NOPE", "police", "EU_AUTHORITY", "MY_NUMBER_PERSON_NOTICE", "MYNUMBER_FINAL")) {
			waive(type, body).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("api.notFound"));
		}
		this.mvc.perform(post("/api/v1/incidents/{id}/duties/IPA/waiver", Long.MAX_VALUE).with(api(this.bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/incidents/{id}/duties", Long.MAX_VALUE).with(api(this.bearer)))
			.andExpect(status().isNotFound());
		assertThat(duty(DutyType.IPA).getState()).isEqualTo(Duty.State.TO_DO);
	}

	@Test
	void whoMayNotSeeStepTwoGets404() throws Exception {
		this.mvc.perform(get("/api/v1/incidents/{id}/duties", this.id)).andExpect(status().isUnauthorized());
		for (String other : List.of(this.users.bearer(Role.RESPONDER), this.users.bearer(Role.REPORTER))) {
			this.mvc.perform(get("/api/v1/incidents/{id}/duties", this.id).with(api(other)))
				.andExpect(status().isNotFound());
			this.mvc.perform(post("/api/v1/incidents/{id}/duties/IPA/waiver", this.id).with(api(other))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": %d, \"reason\": \"x\"}".formatted(caseVersion())))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/api/v1/duties").with(api(other))).andExpect(status().isNotFound());
		}
		String executive = this.users.bearer(Role.EXECUTIVE);
		this.mvc.perform(get("/api/v1/incidents/{id}/duties", this.id).with(api(executive))).andExpect(status().isOk());
		this.mvc.perform(post("/api/v1/incidents/{id}/duties/IPA/waiver", this.id).with(api(executive))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": %d, \"reason\": \"x\"}".formatted(caseVersion())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("duty.leadOnly"));
		assertThat(duty(DutyType.IPA).getState()).isEqualTo(Duty.State.TO_DO);
	}

	/**
	 * Across incidents: {@code overdue} is past the limit; {@code soon} is due now — near its limit,
	 * or 「速やかに」 — but not past it; {@code all} is everything still owed, also what has no deadline.
	 */
	@Test
	void everyReportStillOwedFilteredByHowDueItIs() throws Exception {
		long near = escalated("社内PCのマルウェア感染", Instant.now().minus(3, ChronoUnit.DAYS));
		waive("POLICE", """
				{"version": %d, "reason": "相談済み"}""".formatted(caseVersion())).andExpect(status().isOk());
		String mine = "@.incident.id == " + this.id;
		String theirs = "@.incident.id == " + near;

		this.mvc.perform(get("/api/v1/duties?due=overdue").with(api(this.bearer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.due").value("overdue"))
			.andExpect(jsonPath("$.duties[*].urgency", not(hasItem("DUE_SOON"))))
			.andExpect(jsonPath("$.duties[?(" + mine + ")].type", containsInAnyOrder("PPC_PRELIMINARY")))
			.andExpect(jsonPath("$.duties[?(" + theirs + ")]", empty()));

		this.mvc.perform(get("/api/v1/duties?due=soon").with(api(this.bearer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.duties[*].urgency", not(hasItem("OVERDUE"))))
			.andExpect(jsonPath("$.duties[*].urgency", not(hasItem("ON_TRACK"))))
			.andExpect(jsonPath("$.duties[?(" + mine + ")].type", containsInAnyOrder("PERSON_NOTICE")))
			.andExpect(jsonPath("$.duties[?(" + theirs + ")].type",
					containsInAnyOrder("PPC_PRELIMINARY", "PERSON_NOTICE", "POLICE")))
			.andExpect(jsonPath("$.duties[?(" + theirs + " && @.type == 'PPC_PRELIMINARY')].urgency").value("DUE_SOON"))
			.andExpect(jsonPath("$.duties[?(" + theirs + " && @.type == 'PPC_PRELIMINARY')].daysLeft").value(1))
			.andExpect(jsonPath("$.duties[?(" + theirs + " && @.type == 'POLICE')].urgency").value("PROMPTLY"))
			.andExpect(jsonPath("$.duties[?(" + theirs + " && @.type == 'POLICE')].incident.reference")
				.value(this.incidents.find(near, this.lead).getReference()));

		for (String all : List.of("/api/v1/duties", "/api/v1/duties?due=all")) {
			this.mvc.perform(get(all).with(api(this.bearer)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.due").value("all"))
				.andExpect(jsonPath("$.duties[?(" + mine + ")].type",
						containsInAnyOrder("PPC_PRELIMINARY", "PPC_FINAL", "PERSON_NOTICE", "IPA")))
				.andExpect(jsonPath("$.duties[?(" + theirs + ")].type",
						containsInAnyOrder("PPC_PRELIMINARY", "PPC_FINAL", "PERSON_NOTICE", "IPA", "POLICE")));
		}
	}

	@Test
	void anUnknownDueIs400() throws Exception {
		this.mvc.perform(get("/api/v1/duties?due=tomorrow").with(api(this.bearer)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("api.badParameter"))
			.andExpect(jsonPath("$.parameter").value("due"));
	}

	/** Each route of step 2 and the timeline is described: a summary, a description, its answer's shape, its errors as problems. */
	@Test
	void theOpenApiDescriptionDocumentsEachRoute() throws Exception {
		String doc = this.mvc.perform(get("/v3/api-docs").with(this.users.as(Role.SECURITY_LEAD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, List<String>> routes = Map.of("/api/v1/incidents/{id}/facts", List.of("get", "put"),
				"/api/v1/incidents/{id}/duties", List.of("get"), "/api/v1/incidents/{id}/duties/{type}/filing",
				List.of("post"), "/api/v1/incidents/{id}/duties/{type}/waiver", List.of("post"), "/api/v1/duties",
				List.of("get"), "/api/v1/incidents/{id}/timeline", List.of("get"),
				"/api/v1/incidents/{id}/timeline/verification", List.of("get"));
		routes.forEach((path, methods) -> methods.forEach(method -> {
			Map<String, Object> operation = JsonPath.read(doc, "$.paths['" + path + "']." + method);
			assertThat(operation).as(method + " " + path).containsKeys("summary", "description");
			Map<String, Map<String, Object>> responses = JsonPath.read(doc, "$.paths['" + path + "']." + method + ".responses");
			assertThat(responses).as(method + " " + path).containsKeys("200", "401", "404");
			assertThat(JsonPath.<Object>read(doc, "$.paths['" + path + "']." + method
					+ ".responses.200.content['application/json'].schema['$ref']")).as(method + " " + path).isNotNull();
			assertThat(JsonPath.<Object>read(doc, "$.paths['" + path + "']." + method
					+ ".responses.200.content['application/json'].example")).as(method + " " + path).isNotNull();
			responses.forEach((code, response) -> {
				if (code.startsWith("4") && !code.equals("409") || code.equals("409") && !method.equals("get")) {
					assertThat(JsonPath.<Map<String, Object>>read(doc, "$.paths['" + path + "']." + method + ".responses."
							+ code + ".content")).as(method + " " + path + " " + code).containsKey("application/problem+json");
				}
			});
		}));
		assertThat(JsonPath.<List<String>>read(doc, "$.components.schemas.Duty.properties.type.enum"))
			.contains("MY_NUMBER_PRELIMINARY", "EU_DATA_SUBJECTS", "MINISTRY_FINAL")
			.doesNotContain("MYNUMBER_PRELIMINARY", "EU_SUBJECTS");
	}

	private ResultActions file(String type, String body) throws Exception {
		return decide(type, "filing", body);
	}

	private ResultActions waive(String type, String body) throws Exception {
		return decide(type, "waiver", body);
	}

	private ResultActions decide(String type, String what, String body) throws Exception {
		return this.mvc.perform(post("/api/v1/incidents/{id}/duties/{type}/" + what, this.id, type)
			.with(api(this.bearer))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private long escalated(String description, Instant discoveredAt) {
		Incident reported = this.incidents.report(new Incident.Report(null, description, discoveredAt, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(reported.getId(), 0, this.lead);
		this.incidents.escalate(reported.getId(), this.incidents.find(reported.getId(), this.lead).getVersion(), this.lead,
				Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS, Severity.HIGH, null);
		return reported.getId();
	}

	private long caseVersion() {
		return this.reporting.caseFor(this.id, this.lead).getVersion();
	}

	private Duty duty(DutyType type) {
		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		return reportingCase.applicableDuties().stream().filter(d -> d.getType() == type).findFirst().orElseThrow();
	}

	private Long dutyId(DutyType type) {
		return duty(type).getId();
	}

	private String say(String code, Locale locale) {
		return this.messages.getMessage(code, null, locale);
	}

}
