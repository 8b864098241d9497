package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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
import jp.hikeshi.incident.TimelineView;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.RegisterRows;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * What the register does for an incident (issue #14): the system a member of staff or the lead
 * names proposes the personal data it holds to step 2, whose reports then appear with their
 * deadlines; the record's items are filled from the register; a vendor's notice is 発覚.
 */
@IntegrationTest
class RegisterForIncidentTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	LegalDeadlines calendar;

	@Autowired
	TimelineView timeline;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	RegisterRows register;

	UserAccount staff;

	UserAccount lead;

	Actor leadActor;

	/** The web shop's customer database: card data of 1,200 customers, run by a vendor. */
	long cardSystem;

	String cardSystemName;

	long vendor;

	String vendorName;

	@BeforeEach
	void aRegisterWithTheCardDataOf1200Customers() {
		this.register = new RegisterRows(this.jdbc);
		this.staff = this.users.create(Role.REPORTER);
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.leadActor = new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.vendorName = RegisterRows.named("みどり保守");
		this.vendor = this.register.vendor(this.vendorName);
		this.cardSystemName = RegisterRows.named("ECサイト顧客DB");
		this.cardSystem = this.register.system(this.cardSystemName, "クラウド（東京リージョン）", this.vendor, true);
		this.register.data(this.cardSystem, "会員のカード情報", "CUSTOMERS", null, 1200, true);
	}

	/**
	 * Staff choose the system on the report form; once the lead escalates, step 2 lists the PPC's
	 * reports with their deadlines from 発覚, counting the proposed card data of 1,200 customers;
	 * the lead confirms the proposal on step 2's page.
	 */
	@Test
	void theSystemChosenOnTheReportFormProposesItsCardDataAndTheDutiesAppearAtEscalation() throws Exception {
		this.mvc.perform(get("/report").with(this.users.signedIn(this.staff.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.cardSystemName)))
			.andExpect(content().string(containsString(say("report.system.none"))));
		String sent = this.mvc.perform(report(this.staff, "description", "カード決済の画面が書き換えられている",
				"systemId", String.valueOf(this.cardSystem)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(sent.replaceAll("\\D+", " ").trim().split(" ")[0]);
		Incident reported = this.incidents.findForPage(id, this.leadActor);
		assertThat(reported.getSystemIds()).containsExactly(this.cardSystem);
		assertThat(reported.getRecord().getAffectedSystemsStatus()).isEqualTo(this.cardSystemName);
		assertThat(reported.getRecord().getSystemConfiguration()).contains(this.cardSystemName, this.vendorName);

		this.incidents.take(id, version(id), this.leadActor);
		this.incidents.escalate(id, version(id), this.leadActor, Category.INFORMATION_LEAK,
				LeakKind.MISSENT_OR_MISPUBLISHED, Severity.HIGH, null);

		ReportingCase opened = this.reporting.caseFor(id, this.leadActor);
		assertThat(opened.getDataSets()).singleElement().satisfies(set -> {
			assertThat(set.isProposed()).isTrue();
			assertThat(set.getProposedFromSystemId()).isEqualTo(this.cardSystem);
			assertThat(set.isFinancial()).isTrue();
			assertThat(set.getMaximumCount()).isEqualTo(1200);
			assertThat(set.getMedium()).isEqualTo(this.cardSystemName);
		});
		DueDuty preliminary = due(id, DutyType.PPC_PRELIMINARY);
		assertThat(preliminary.duty().isProvisional()).as("the leak is not assessed yet").isTrue();
		assertThat(preliminary.deadline().lastDay())
			.isEqualTo(java.time.LocalDate.ofInstant(reported.getDiscoveredAt(), LegalDeadlines.JAPAN).plusDays(4));

		// the lead fears a leak: card data, and more than 1,000 people, make the 速報 owed
		this.reporting.updateFacts(id, opened.getVersion(), this.leadActor, feared(), null);
		assertThat(due(id, DutyType.PPC_PRELIMINARY).duty().getReasons()).contains("duty.reason.financial",
				"duty.reason.overThousand");

		String page = this.mvc.perform(get("/incidents/{id}/reporting", id).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long dataSet = this.reporting.caseFor(id, this.leadActor).getDataSets().get(0).getId();
		assertThat(page).contains(say("dataSet.proposed"), "/reporting/data-sets/" + dataSet + "/confirm");
		this.mvc.perform(post("/incidents/{id}/reporting/data-sets/{d}/confirm", id, dataSet)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.param("version", String.valueOf(this.reporting.caseFor(id, this.leadActor).getVersion())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.reporting.caseFor(id, this.leadActor).getDataSets().get(0).isProposed()).isFalse();

		// the timeline names the system, in words
		String history = String.join("\n", this.timeline.of(this.incidents.findForPage(id, this.leadActor), Locale.JAPANESE)
			.stream()
			.map(TimelineView.Line::asText)
			.toList());
		assertThat(history).contains("影響を受けたシステム：" + this.cardSystemName + "を選択",
				"台帳から" + this.cardSystemName + "の「会員のカード情報」を提案", "台帳からの提案「会員のカード情報」を確認しました")
			.doesNotContain("SYSTEMS_CHOSEN", "CUSTOMERS");

		// unnamed, the system's confirmed data stays
		this.mvc.perform(post("/incidents/{id}/systems", id).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.param("version", String.valueOf(version(id))))
			.andExpect(status().is3xxRedirection());
		assertThat(this.incidents.findForPage(id, this.leadActor).getSystemIds()).isEmpty();
		assertThat(this.reporting.caseFor(id, this.leadActor).getDataSets()).hasSize(1);
	}

	/**
	 * Through the API, on an escalated incident whose leak the lead fears: the PPC's 速報 is owed
	 * the moment the system is named, with its deadline from 発覚; unnamed again, the proposal goes.
	 */
	@Test
	void namingTheSystemThroughTheApiMakesThePpcReportsOwedAtOnce() throws Exception {
		long id = escalatedLeak();
		this.reporting.updateFacts(id, this.reporting.caseFor(id, this.leadActor).getVersion(), this.leadActor,
				feared(), null);
		assertThat(due(id, DutyType.PPC_PRELIMINARY).duty().getReasons()).contains("duty.reason.dataUnknown");
		String bearer = this.users.bearerOf(this.lead.getUsername());

		this.mvc.perform(put("/api/v1/incidents/{id}/systems", id).with(TestUsers.api(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"systemIds\": [" + this.cardSystem + "], \"version\": " + version(id) + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.systems[0].id").value(this.cardSystem))
			.andExpect(jsonPath("$.systems[0].name").value(this.cardSystemName))
			.andExpect(jsonPath("$.systems[0].holdsPersonalData").value(true))
			.andExpect(jsonPath("$.version").value(version(id)));

		this.mvc.perform(get("/api/v1/incidents/{id}", id).with(TestUsers.api(bearer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.systems[0].name").value(this.cardSystemName));
		DueDuty preliminary = due(id, DutyType.PPC_PRELIMINARY);
		assertThat(preliminary.duty().isProvisional()).isFalse();
		assertThat(preliminary.duty().getReasons()).contains("duty.reason.financial", "duty.reason.overThousand");
		Instant discovered = this.incidents.findForPage(id, this.leadActor).getDiscoveredAt();
		assertThat(preliminary.deadline()).isEqualTo(DeadlineRule.DAYS_3_TO_5.due(discovered, this.calendar));
		this.mvc.perform(get("/api/v1/incidents/{id}/facts", id).with(TestUsers.api(bearer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dataSets[0].proposed").value(true))
			.andExpect(jsonPath("$.dataSets[0].fromSystemId").value(this.cardSystem));

		// refused, nothing changes: a system the register does not know, one retired, a stale version
		long retired = this.register.system(RegisterRows.named("旧会計サーバ"), null, null, false);
		this.register.retire(retired);
		this.mvc.perform(put("/api/v1/incidents/{id}/systems", id).with(TestUsers.api(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"systemIds\": [" + this.cardSystem + ", 999999999]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("systemIds[1]"))
			.andExpect(jsonPath("$.errors[0].code").value("incident.systems.unknown"));
		this.mvc.perform(put("/api/v1/incidents/{id}/systems", id).with(TestUsers.api(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"systemIds\": [" + retired + "]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("systemIds[0]"))
			.andExpect(jsonPath("$.errors[0].code").value("incident.systems.retired"));
		this.mvc.perform(put("/api/v1/incidents/{id}/systems", id).with(TestUsers.api(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"systemIds\": [], \"version\": 0}"))
			.andExpect(status().isConflict());
		this.mvc.perform(put("/api/v1/incidents/{id}/systems", id)
			.with(TestUsers.api(this.users.bearer(Role.RESPONDER)))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"systemIds\": []}"))
			.andExpect(status().isNotFound());
		assertThat(this.incidents.findForPage(id, this.leadActor).getSystemIds()).containsExactly(this.cardSystem);

		// unnamed: the unconfirmed proposal goes, and the 速報 waits for what leaked again
		this.mvc.perform(put("/api/v1/incidents/{id}/systems", id).with(TestUsers.api(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"systemIds\": []}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.systems").isEmpty());
		assertThat(this.reporting.caseFor(id, this.leadActor).getDataSets()).isEmpty();
		assertThat(due(id, DutyType.PPC_PRELIMINARY).duty().getReasons()).contains("duty.reason.dataUnknown");
	}

	/**
	 * A vendor told the company three days before anyone entered it: 発覚 is the vendor's notice,
	 * every deadline counts from it, and the vendor is named as 委託先.
	 */
	@Test
	void aVendorReportedIncidentCountsDiscoveryFromTheVendorsNotice() throws Exception {
		LocalDateTime told = LocalDateTime.now(TOKYO).minusDays(3).truncatedTo(ChronoUnit.MINUTES);
		String sent = this.mvc.perform(report(this.staff, "description", "保守会社から、サーバに不正ログインの痕跡があると連絡があった",
				"discoveredAt", told.toString(), "reportedByVendorId", String.valueOf(this.vendor)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(sent.replaceAll("\\D+", " ").trim().split(" ")[0]);
		Incident incident = this.incidents.findForPage(id, this.leadActor);
		Instant notice = told.atZone(TOKYO).toInstant();
		assertThat(incident.getReportedByVendorId()).isEqualTo(this.vendor);
		assertThat(incident.getDiscoveredAt()).isEqualTo(notice);
		assertThat(incident.getRecord().getClientAndParties()).contains(this.vendorName, "委託先");
		this.mvc.perform(get("/incidents/{id}", id).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("委託先（" + this.vendorName + "）からの連絡")));

		this.incidents.take(id, version(id), this.leadActor);
		this.incidents.escalate(id, version(id), this.leadActor, Category.UNAUTHORISED_ACCESS, null, Severity.HIGH,
				null);
		DueDuty preliminary = due(id, DutyType.PPC_PRELIMINARY);
		assertThat(preliminary.deadline()).as("counted from the vendor's notice, not from when it was entered")
			.isEqualTo(DeadlineRule.DAYS_3_TO_5.due(notice, this.calendar))
			.isNotEqualTo(DeadlineRule.DAYS_3_TO_5.due(incident.getReportedAt(), this.calendar));
		assertThat(preliminary.deadline().lastDay())
			.isEqualTo(java.time.LocalDate.ofInstant(notice, LegalDeadlines.JAPAN).plusDays(4));
		// the company is the 委託元: its own reports, no contractor's exemption
		assertThat(this.reporting.caseFor(id, this.leadActor).applicableDuties()).extracting(Duty::getType)
			.contains(DutyType.PPC_PRELIMINARY, DutyType.PPC_FINAL)
			.doesNotContain(DutyType.CLIENT);
	}

	/** The lead says on the incident page that a vendor told the company: named as 委託先, on the timeline. */
	@Test
	void theLeadNamesTheVendorThatToldTheCompany() throws Exception {
		long id = escalatedLeak();
		this.mvc.perform(post("/incidents/{id}/systems", id).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.param("version", String.valueOf(version(id)))
			.param("reportedByVendorId", String.valueOf(this.vendor)))
			.andExpect(status().is3xxRedirection());
		Incident incident = this.incidents.findForPage(id, this.leadActor);
		assertThat(incident.getReportedByVendorId()).isEqualTo(this.vendor);
		assertThat(incident.getRecord().getClientAndParties()).contains(this.vendorName);
		assertThat(this.timeline.of(incident, Locale.JAPANESE)).extracting(TimelineView.Line::asText)
			.anySatisfy(line -> assertThat(line).contains("連絡してきた委託先", this.vendorName));
	}

	/** A report refused for a missing description comes back with the system and the vendor still chosen. */
	@Test
	void aRefusedReportKeepsTheChoice() throws Exception {
		String page = this.mvc.perform(report(this.staff, "description", "", "systemId", String.valueOf(this.cardSystem),
				"reportedByVendorId", String.valueOf(this.vendor)))
			.andExpect(status().isOk())
			.andExpect(view().name("report/form"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("<option value=\"" + this.cardSystem + "\" selected=\"selected\">")
			.containsPattern("<option value=\"" + this.vendor + "\" selected=\"selected\">");
		// a system retired meanwhile is refused beside the choice
		long retired = this.register.system(RegisterRows.named("旧ファイルサーバ"), null, null, false);
		this.register.retire(retired);
		this.mvc.perform(report(this.staff, "description", "ファイルが開けない", "systemId", String.valueOf(retired)))
			.andExpect(status().isOk())
			.andExpect(view().name("report/form"))
			.andExpect(content().string(containsString("systemId-error")));
	}

	private long escalatedLeak() {
		Incident incident = this.incidents.report(new Incident.Report("顧客情報の誤送信", "顧客リストを誤って社外に送った",
				Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES), null, null, null, null),
				new Actor(this.staff.getUsername(), Set.of(Role.REPORTER)));
		long id = incident.getId();
		this.incidents.take(id, version(id), this.leadActor);
		this.incidents.escalate(id, version(id), this.leadActor, Category.INFORMATION_LEAK,
				LeakKind.MISSENT_OR_MISPUBLISHED, Severity.HIGH, null);
		return id;
	}

	/** A leak feared, nothing else known. */
	private static Facts feared() {
		return new Facts(LeakStatus.FEARED, null, false, null, false, false, false, false, false, false, false, false,
				null, null, null, null, null);
	}

	private DueDuty due(long id, DutyType type) {
		List<DueDuty> duties = this.reporting.view(id, this.leadActor).duties();
		return duties.stream().filter(d -> d.duty().getType() == type).findFirst().orElseThrow();
	}

	private long version(long id) {
		return this.incidents.find(id, this.leadActor).getVersion();
	}

	private MockHttpServletRequestBuilder report(UserAccount who, String... fields) {
		MockHttpServletRequestBuilder request = post("/report").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(who.getUsername()));
		if (!List.of(fields).contains("discoveredAt")) {
			request.param("discoveredAt", LocalDateTime.now(TOKYO).truncatedTo(ChronoUnit.MINUTES).toString());
		}
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request;
	}

	private String say(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.JAPANESE);
	}

}
