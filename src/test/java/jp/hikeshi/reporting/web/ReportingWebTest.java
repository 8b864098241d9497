package jp.hikeshi.reporting.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The reporting page's answers to bad input: a clear message, and nothing changed. */
@IntegrationTest
class ReportingWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	UserAccount lead;

	Actor leadActor;

	Incident incident;

	@BeforeEach
	void anEscalatedIncident() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.leadActor = new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.incident = this.incidents.report(new Incident.Report(null, "ランサムウェア", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(this.incident.getId(), 0, this.leadActor);
		this.incidents.escalate(this.incident.getId(), version(), this.leadActor, Category.VIRUS_RANSOMWARE, null,
				Severity.HIGH, null);
	}

	@Test
	void contradictoryOrAbsurdFactsAreRefused() throws Exception {
		long before = caseVersion();
		this.mvc.perform(facts().param("personalData", "NO").param("peopleCount", "30"))
			.andExpect(flash().attribute("problem", "facts.countWithoutPersonalData"));
		this.mvc.perform(facts().param("personalData", "YES").param("peopleCount", "-4"))
			.andExpect(flash().attribute("problem", "facts.peopleCountAbsurd"));
		this.mvc.perform(facts().param("personalData", "YES").param("peopleCount", "many"))
			.andExpect(flash().attribute("problem", "facts.peopleCountAbsurd"));
		this.mvc.perform(facts().param("personalData", "PERHAPS"))
			.andExpect(flash().attribute("problem", "incident.invalidInput"));
		assertThat(caseVersion()).isEqualTo(before);
	}

	@Test
	void badFilingsAreRefused() throws Exception {
		long ipa = this.reporting.caseFor(this.incident.getId(), this.leadActor)
			.applicableDuties()
			.stream()
			.filter(d -> d.getType() == DutyType.IPA)
			.findFirst()
			.map(Duty::getId)
			.orElseThrow();
		LocalDate discovered = LocalDate.ofInstant(this.incident.getDiscoveredAt(), ZoneId.of("Asia/Tokyo"));
		this.mvc.perform(duty(ipa, "file").param("filedOn", discovered.minusDays(3).toString()))
			.andExpect(flash().attribute("problem", "duty.filedBeforeDiscovery"));
		this.mvc.perform(duty(ipa, "file").param("filedOn", discovered.toString()).param("filingReference", "R".repeat(101)))
			.andExpect(flash().attribute("problem", "duty.referenceTooLong"));
		this.mvc.perform(duty(ipa, "file").param("filedOn", "明日"))
			.andExpect(flash().attribute("problem", "duty.filedOnRequired"));
		this.mvc.perform(duty(ipa, "waive").param("reason", ""))
			.andExpect(flash().attribute("problem", "duty.waiverReasonRequired"));
		this.mvc.perform(duty(ipa, "not-yet-due")).andExpect(flash().attribute("problem", "duty.notYetDueOnlyForFinal"));
		this.mvc.perform(duty(Long.MAX_VALUE, "waive").param("reason", "x"))
			.andExpect(flash().attribute("problem", "duty.unknown"));
		this.mvc.perform(post("/incidents/{id}/reporting/duties/{d}/waive", this.incident.getId(), ipa).with(csrf())
				.with(this.users.signedIn(this.lead.getUsername()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"x\"}"))
			.andExpect(status().isUnsupportedMediaType());
		assertThat(this.reporting.caseFor(this.incident.getId(), this.leadActor).applicableDuties())
			.allSatisfy(d -> assertThat(d.getState()).isEqualTo(Duty.State.TO_DO));
	}

	@Test
	void announcementsNeedTheExecutiveAndAreShownAsText() throws Exception {
		this.mvc.perform(post("/incidents/{id}/reporting/announcements", this.incident.getId()).with(csrf())
				.with(this.users.signedIn(this.lead.getUsername()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("version", String.valueOf(caseVersion()))
				.param("kind", "FIRST")
				.param("draft", "<script>alert('x')</script>お知らせ"))
			.andExpect(flash().attribute("notice", "announcement.drafted"));
		long announcement = this.reporting.caseFor(this.incident.getId(), this.leadActor).getAnnouncements().get(0).getId();
		this.mvc.perform(post("/incidents/{id}/reporting/announcements/{a}/publish", this.incident.getId(), announcement)
				.with(csrf())
				.with(this.users.signedIn(this.lead.getUsername()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("version", String.valueOf(caseVersion()))
				.param("publishedOn", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()))
			.andExpect(flash().attribute("problem", "announcement.notApproved"));
		this.mvc.perform(post("/incidents/{id}/reporting/announcements/{a}/approve", this.incident.getId(), announcement)
				.with(csrf())
				.with(this.users.signedIn(this.lead.getUsername()))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("version", String.valueOf(caseVersion())))
			.andExpect(flash().attribute("problem", "announcement.executiveOnly"));
		this.mvc.perform(get("/incidents/{id}/reporting", this.incident.getId()).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;お知らせ")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void thePreparedTextsMarkTheirGaps() throws Exception {
		this.mvc.perform(get("/incidents/{id}/reporting/texts/IPA", this.incident.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("【要記入：侵入経路】")));
		this.mvc.perform(get("/incidents/{id}/reporting/texts/NOPE", this.incident.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isBadRequest());
	}

	private MockHttpServletRequestBuilder facts() {
		return post("/incidents/{id}/reporting/facts", this.incident.getId()).with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(caseVersion()));
	}

	private MockHttpServletRequestBuilder duty(long dutyId, String action) {
		return post("/incidents/{id}/reporting/duties/{d}/" + action, this.incident.getId(), dutyId).with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(caseVersion()));
	}

	private long caseVersion() {
		return this.reporting.caseFor(this.incident.getId(), this.leadActor).getVersion();
	}

	private long version() {
		return this.incidents.find(this.incident.getId(), this.leadActor).getVersion();
	}

}
