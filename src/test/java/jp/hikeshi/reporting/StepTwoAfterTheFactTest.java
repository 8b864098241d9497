package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Step 2 before triage and after closing (#16): no case with duties is made from posted facts on
 * an untriaged report; a closed incident takes a late supplementary report (追完) with its reason
 * and a timeline line, and refuses every other change, on the page's service and through the API.
 */
@IntegrationTest
class StepTwoAfterTheFactTest {

	private static final Instant DISCOVERED = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

	@Autowired
	ReportingService reporting;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	Actor lead;

	String bearer;

	Actor staff;

	@BeforeEach
	void people() {
		UserAccount account = this.users.create(Role.SECURITY_LEAD);
		this.lead = new Actor(account.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.bearer = this.users.bearerOf(account.getUsername());
		this.staff = new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER));
	}

	@Test
	void factsPostedOnAnUntriagedReportMakeNoCase() {
		long id = reported();

		assertThatThrownBy(() -> this.reporting.updateFacts(id, 0, this.lead, Facts.unknown(), null))
			.isInstanceOf(BusinessRuleViolation.class)
			.extracting(violation -> ((BusinessRuleViolation) violation).code())
			.isEqualTo("duty.notTriaged");
		assertThat(this.jdbc.queryForObject("select count(*) from reporting_case where incident_id = ?", Integer.class,
				id)).isZero();
	}

	@Test
	void aClosedIncidentRefusesReopeningAReportAndChangingFactsAlsoThroughTheApi() throws Exception {
		long id = closedWithIpaFiled();
		ReportingCase before = this.reporting.caseFor(id, this.lead);
		long ipa = duty(before, DutyType.IPA).getId();

		assertThatThrownBy(() -> this.reporting.reopen(id, before.getVersion(), this.lead, ipa))
			.isInstanceOf(BusinessRuleViolation.class)
			.extracting(violation -> ((BusinessRuleViolation) violation).code())
			.isEqualTo("duty.incidentClosed");
		assertThatThrownBy(() -> this.reporting.updateFacts(id, before.getVersion(), this.lead, Facts.unknown(), null))
			.isInstanceOf(BusinessRuleViolation.class);
		this.mvc.perform(post("/api/v1/incidents/{id}/duties/POLICE/filing", id).with(api(this.bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version": %d, "filedOn": "%s"}""".formatted(before.getVersion(), LocalDate.now(this.incidents.zone()))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("duty.incidentClosed"));

		ReportingCase after = this.reporting.caseFor(id, this.lead);
		assertThat(after.getVersion()).isEqualTo(before.getVersion());
		assertThat(duty(after, DutyType.IPA).getState()).isEqualTo(Duty.State.FILED);
	}

	@Test
	void aClosedIncidentTakesALateSupplementaryReportWithItsReason() throws Exception {
		long id = closedWithIpaFiled();
		ReportingCase reportingCase = this.reporting.caseFor(id, this.lead);
		long ipa = duty(reportingCase, DutyType.IPA).getId();
		LocalDate today = LocalDate.now(this.incidents.zone());

		assertThatThrownBy(() -> this.reporting.supplement(id, reportingCase.getVersion(), this.lead, ipa, today,
				null, " "))
			.isInstanceOf(BusinessRuleViolation.class)
			.extracting(violation -> ((BusinessRuleViolation) violation).code())
			.isEqualTo("duty.supplement.reasonRequired");

		// through the API: the same rule, as problem details
		this.mvc.perform(post("/api/v1/incidents/{id}/duties/IPA/supplement", id).with(api(this.bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version": %d, "filedOn": "%s"}""".formatted(reportingCase.getVersion(), today)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("duty.supplement.reasonRequired"));
		this.mvc.perform(post("/api/v1/incidents/{id}/duties/IPA/supplement", id).with(api(this.bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version": %d, "filedOn": "%s", "reference": "IPA-2026-0042", "reason": "侵入経路が後から判明したため"}"""
				.formatted(reportingCase.getVersion(), today)))
			.andExpect(status().isOk());

		List<TimelineEntry> supplements = this.incidents.findForPage(id, this.lead)
			.getTimeline()
			.stream()
			.filter(entry -> entry.getKind() == TimelineEntry.Kind.DUTY_SUPPLEMENTED)
			.toList();
		assertThat(supplements).singleElement().satisfies(entry -> {
			assertThat(entry.getField()).isEqualTo("IPA");
			assertThat(entry.getNote()).isEqualTo("侵入経路が後から判明したため");
			assertThat(entry.getAfter()).isEqualTo(today.toString());
		});
	}

	private long reported() {
		return this.incidents.report(new Incident.Report(null, "不審なログイン通知が届いた", DISCOVERED, null, null, null, null),
				this.staff).getId();
	}

	/**
	 * An unauthorised access, escalated, its IPA report filed, then closed. Closing is set on the
	 * row here: the whole response to it is walked in TimelineIntegrationTest, and step 2 reads
	 * only the state.
	 */
	private long closedWithIpaFiled() {
		long id = reported();
		this.incidents.take(id, version(id), this.lead);
		this.incidents.escalate(id, version(id), this.lead, Category.UNAUTHORISED_ACCESS, LeakKind.UNAUTHORISED_ACCESS,
				Severity.HIGH, null);
		ReportingCase reportingCase = this.reporting.caseFor(id, this.lead);
		this.reporting.file(id, reportingCase.getVersion(), this.lead, duty(reportingCase, DutyType.IPA).getId(),
				new ReportingCase.Filing(LocalDate.now(this.incidents.zone()), null, null, null, null));
		this.jdbc.update("update incident set state = 'CLOSED' where id = ?", id);
		return id;
	}

	private long version(long id) {
		return this.incidents.find(id, this.lead).getVersion();
	}

	private static Duty duty(ReportingCase reportingCase, DutyType type) {
		return reportingCase.getDuties().stream().filter(duty -> duty.getType() == type).findFirst().orElseThrow();
	}

}
