package jp.hikeshi.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.calendar.LegalDeadlines;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.reporting.DataSet;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.LeakStatus;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Step 2's facts through the API: read and replaced whole, data sets included, in one
 * transaction with the page's checks, timeline lines and duties; refusals named by the body's
 * own field paths, and nothing half-saved.
 */
@IntegrationTest
class FactsApiTest {

	/** Yesterday: the 速報's day 5 is still ahead. */
	private static final Instant DISCOVERED = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	Actor lead;

	String bearer;

	long id;

	/** A misdirected mail with a customer list: nothing the category says suggests an improper purpose. */
	@BeforeEach
	void anEscalatedMisdirectedMail() {
		UserAccount account = this.users.create(Role.SECURITY_LEAD);
		this.lead = new Actor(account.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.bearer = this.users.bearerOf(account.getUsername());
		this.id = reported("顧客名簿を誤って社外に送信した").getId();
		this.incidents.take(this.id, version(), this.lead);
		this.incidents.escalate(this.id, version(), this.lead, Category.INFORMATION_LEAK,
				LeakKind.MISSENT_OR_MISPUBLISHED, Severity.HIGH, null);
	}

	@Test
	void theFactsOfAnIncidentNotYetAssessedReadAsUnknown() throws Exception {
		this.mvc.perform(get("/api/v1/incidents/{id}/facts", this.id).with(api(this.bearer)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.personalData").value("UNKNOWN"))
			.andExpect(jsonPath("$.dataSets", hasSize(0)))
			.andExpect(jsonPath("$.improperPurpose").value(false))
			.andExpect(jsonPath("$.workForClient").value(false))
			.andExpect(jsonPath("$.gdpr.applies").value(false))
			.andExpect(jsonPath("$.gdpr.risk").value("UNASSESSED"))
			.andExpect(jsonPath("$.causedBy").value("UNKNOWN"))
			.andExpect(jsonPath("$.version").value(caseVersion()));
	}

	/**
	 * 1,001 customers, a leak that occurred: the PPC's 速報 applies, due by the end of day 5
	 * counting the day of 発覚 as day 1 (DOMAIN.md §4.1), aimed at day 3; the data set without a
	 * name is named in Japanese from its kind and owner.
	 */
	@Test
	void aLeakOfMoreThanAThousandCustomersOwesThePpcItsPreliminaryReportByDayFive() throws Exception {
		putFacts("""
				{"personalData": "OCCURRED",
				 "dataSets": [{"kinds": ["ORDINARY"], "whose": "CUSTOMERS", "peopleConfirmed": 1001, "peopleMaximum": 1001,
				               "encryption": "NONE", "capturedInClear": false}],
				 "gdpr": {"applies": false}, "cause": "宛先の入力誤り", "causedBy": "COMPANY", "version": %d}"""
			.formatted(caseVersion()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.personalData").value("OCCURRED"))
			.andExpect(jsonPath("$.dataSets[0].id").isNumber())
			.andExpect(jsonPath("$.dataSets[0].description").value("顧客の一般の個人データ"))
			.andExpect(jsonPath("$.dataSets[0].kinds", contains("ORDINARY")))
			.andExpect(jsonPath("$.dataSets[0].peopleMaximum").value(1001))
			.andExpect(jsonPath("$.dataSets[0].encryption").value("NONE"))
			.andExpect(jsonPath("$.cause").value("宛先の入力誤り"))
			.andExpect(jsonPath("$.causedBy").value("COMPANY"))
			.andExpect(jsonPath("$.version").value(caseVersion()));

		LocalDate dayOne = LocalDate.ofInstant(DISCOVERED, LegalDeadlines.JAPAN);
		this.mvc.perform(get("/api/v1/incidents/{id}/duties", this.id).with(api(this.bearer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].provisional").value(false))
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].reasons[*].code",
					hasItem("duty.reason.overThousand")))
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].rule").value("DAYS_3_TO_5"))
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].deadline.lastDay")
				.value(dayOne.plusDays(4).toString()))
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].deadline.endsAt")
				.value(dayOne.plusDays(5) + "T00:00:00+09:00"))
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].deadline.zone").value("Asia/Tokyo"))
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].target.lastDay")
				.value(dayOne.plusDays(2).toString()))
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_FINAL')].provisional").value(false))
			.andExpect(jsonPath("$.duties[?(@.type == 'PERSON_NOTICE')].rule").value("PROMPTLY"))
			.andExpect(jsonPath("$.duties[?(@.type == 'PERSON_NOTICE')].urgency").value("PROMPTLY"))
			.andExpect(jsonPath("$.duties[?(@.type == 'PERSON_NOTICE')].deadline", contains(org.hamcrest.Matchers.nullValue())));

		ReportingCase saved = this.reporting.caseFor(this.id, this.lead);
		assertThat(saved.getFacts().leak()).isEqualTo(LeakStatus.OCCURRED);
		assertThat(saved.getDataSets()).singleElement().satisfies(set -> {
			assertThat(set.getWhose()).isEqualTo(DataSet.Owner.CUSTOMERS);
			assertThat(set.isSensitive() || set.isFinancial() || set.isMyNumber() || set.isEncrypted()).isFalse();
		});
		assertThat(timeline()).extracting(TimelineEntry::getKind)
			.contains(TimelineEntry.Kind.FACT_LEAK_CHANGED, TimelineEntry.Kind.DATA_SET_ADDED,
					TimelineEntry.Kind.DUTIES_RECALCULATED);
	}

	/**
	 * Facts wait until the lead has judged the report an incident (#16: posting facts on a report
	 * nobody had looked at made a reporting case with duties); from then on they may be recorded at
	 * once, and the duties show, provisionally, from 発覚.
	 */
	@Test
	void factsMayBeRecordedAsSoonAsTheLeadHasJudgedTheReportAnIncident() throws Exception {
		long fresh = reported("不審なメールの添付ファイルを開いた").getId();
		assertThat(this.incidents.find(fresh, this.lead).getState()).isEqualTo(IncidentState.REPORTED);
		this.mvc.perform(put("/api/v1/incidents/{id}/facts", fresh).with(api(this.bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"personalData": "FEARED", "dataSets": []}"""))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("duty.notTriaged"));
		this.incidents.take(fresh, this.incidents.find(fresh, this.lead).getVersion(), this.lead);
		this.incidents.escalate(fresh, this.incidents.find(fresh, this.lead).getVersion(), this.lead,
				Category.INFORMATION_LEAK, LeakKind.MISSENT_OR_MISPUBLISHED, Severity.HIGH, null);
		this.mvc.perform(put("/api/v1/incidents/{id}/facts", fresh).with(api(this.bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"personalData": "FEARED", "dataSets": []}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.personalData").value("FEARED"));
		this.mvc.perform(get("/api/v1/incidents/{id}/duties", fresh).with(api(this.bearer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].provisional").value(true))
			.andExpect(jsonPath("$.duties[?(@.type == 'PPC_PRELIMINARY')].reasons[0].code").value("duty.reason.dataUnknown"))
			.andExpect(jsonPath("$.duties[?(@.type == 'MY_NUMBER_PRELIMINARY')].provisional").value(true));
	}

	/** A PUT replaces the data sets: one named by id is changed, one without is added, one left out is removed. */
	@Test
	void aPutChangesAddsAndRemovesDataSetsAndASecondIdenticalPutWritesNothing() throws Exception {
		putFacts("""
				{"personalData": "OCCURRED", "dataSets": [
				  {"description": "会員名簿", "kinds": ["ORDINARY"], "whose": "CUSTOMERS", "peopleMaximum": 500},
				  {"description": "給与ファイル", "kinds": ["MY_NUMBER"], "whose": "EMPLOYEES", "peopleMaximum": 40}]}""")
			.andExpect(status().isOk());
		List<DataSet> first = this.reporting.caseFor(this.id, this.lead).getDataSets();
		long members = first.get(0).getId();

		String body = """
				{"personalData": "OCCURRED", "dataSets": [
				  {"id": %d, "description": "会員名簿", "kinds": ["ORDINARY", "SENSITIVE"], "whose": "CUSTOMERS", "peopleMaximum": 600},
				  {"kinds": ["FINANCIAL", "SENSITIVE"], "whose": "CLIENT", "peopleMaximum": 10, "encryption": "STRONG_KEY_UNKNOWN"}],
				 "version": %d}""";
		putFacts(body.formatted(members, caseVersion())).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dataSets[0].kinds"))
			.andExpect(jsonPath("$.errors[0].code").value("api.dataSet.ordinaryWithOthers"));

		body = body.replace("[\"ORDINARY\", \"SENSITIVE\"]", "[\"SENSITIVE\"]");
		putFacts(body.formatted(members, caseVersion())).andExpect(status().isOk())
			.andExpect(jsonPath("$.dataSets", hasSize(2)))
			.andExpect(jsonPath("$.dataSets[0].id").value(members))
			.andExpect(jsonPath("$.dataSets[0].kinds", contains("SENSITIVE")))
			.andExpect(jsonPath("$.dataSets[1].description").value("委託元の個人データ（要配慮、カード・口座）"))
			.andExpect(jsonPath("$.dataSets[1].kinds", contains("SENSITIVE", "FINANCIAL")))
			.andExpect(jsonPath("$.dataSets[1].encryption").value("STRONG_KEY_UNKNOWN"))
			.andExpect(jsonPath("$.workForClient").value(true));

		ReportingCase replaced = this.reporting.caseFor(this.id, this.lead);
		assertThat(replaced.getDataSets()).extracting(DataSet::getDescription)
			.containsExactly("会員名簿", "委託元の個人データ（要配慮、カード・口座）");
		assertThat(replaced.getDataSets().get(1).getKeyState()).isEqualTo(DataSet.KeyState.UNKNOWN);
		assertThat(replaced.applicableDuties()).extracting(Duty::getType).contains(DutyType.CLIENT);
		assertThat(timeline()).extracting(TimelineEntry::getKind, TimelineEntry::getField)
			.contains(org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.DATA_SET_CHANGED, "会員名簿"),
					org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.DATA_SET_ADDED,
							"委託元の個人データ（要配慮、カード・口座）"),
					org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.DATA_SET_REMOVED, "給与ファイル"));

		int entries = timeline().size();
		String again = this.mvc.perform(get("/api/v1/incidents/{id}/facts", this.id).with(api(this.bearer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		putFacts(again).andExpect(status().isOk());
		assertThat(timeline()).as("what it read, sent back unchanged, changes nothing").hasSize(entries);
	}

	/** One data set refused: 422 naming it by its place, and nothing saved — not the facts, not the other data set. */
	@Test
	void anInvalidDataSetIsRefusedByItsPathAndNothingIsHalfSaved() throws Exception {
		putFacts("""
				{"personalData": "FEARED", "dataSets": [
				  {"description": "会員名簿", "kinds": ["ORDINARY"], "whose": "CUSTOMERS", "peopleMaximum": 500}]}""")
			.andExpect(status().isOk());
		long version = caseVersion();
		int entries = timeline().size();

		putFacts("""
				{"personalData": "OCCURRED", "dataSets": [
				  {"description": "会員名簿（全件）", "kinds": ["ORDINARY"], "whose": "CUSTOMERS", "peopleMaximum": 5000},
				  {"description": "問い合わせ履歴", "kinds": ["ORDINARY"], "whose": "CUSTOMERS", "peopleConfirmed": 800, "peopleMaximum": 700}],
				 "version": %d}""".formatted(version))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("dataSet.maximumBelowConfirmed"))
			.andExpect(jsonPath("$.errors[0].field").value("dataSets[1].peopleMaximum"))
			.andExpect(jsonPath("$.errors[0].code").value("dataSet.maximumBelowConfirmed"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("800")));

		ReportingCase unchanged = this.reporting.caseFor(this.id, this.lead);
		assertThat(unchanged.getVersion()).isEqualTo(version);
		assertThat(unchanged.getFacts().leak()).isEqualTo(LeakStatus.FEARED);
		assertThat(unchanged.getDataSets()).singleElement().satisfies(set -> {
			assertThat(set.getDescription()).isEqualTo("会員名簿");
			assertThat(set.getMaximumCount()).isEqualTo(500);
		});
		assertThat(timeline()).hasSize(entries);
	}

	@Test
	void contradictionsAreRefusedOnTheFieldToCorrect() throws Exception {
		putFacts("""
				{"personalData": "RULED_OUT"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ruledOutReason"))
			.andExpect(jsonPath("$.errors[0].code").value("facts.ruledOutReasonRequired"));
		putFacts("""
				{"personalData": "OCCURRED", "workForClient": true,
				 "dataSets": [{"kinds": ["ORDINARY"], "whose": "CUSTOMERS", "peopleMaximum": 3}]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("workForClient"))
			.andExpect(jsonPath("$.errors[0].code").value("api.facts.workForClientDisagrees"));
		putFacts("""
				{"personalData": "OCCURRED", "dataSets": [{"id": 999999999, "kinds": ["ORDINARY"], "whose": "CUSTOMERS"}]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dataSets[0].id"))
			.andExpect(jsonPath("$.errors[0].code").value("dataSet.unknown"));
		putFacts("""
				{"personalData": "OCCURRED", "dataSets": [{"kinds": ["ORDINARY"], "whose": "CUSTOMERS",
				  "encryption": "STRONG_KEY_SAFE", "capturedInClear": true}]}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dataSets[0].encryption"))
			.andExpect(jsonPath("$.errors[0].code").value("dataSet.encryptedButCapturedInClear"));
		putFacts("""
				{"personalData": "OCCURRED", "gdpr": {"applies": true, "establishment": false, "offersToEu": true}}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("gdpr.applies"));
		assertThat(this.reporting.caseFor(this.id, this.lead).getFacts().leak()).isEqualTo(LeakStatus.UNASSESSED);
	}

	/** `applies: true` alone records the commonest ground; the member states are then required. */
	@Test
	void gdprAppliesAloneRecordsTheCommonestGround() throws Exception {
		putFacts("""
				{"personalData": "OCCURRED", "gdpr": {"applies": true}}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("gdpr.memberStates"))
			.andExpect(jsonPath("$.errors[0].code").value("facts.gdprMemberStatesRequired"));
		putFacts("""
				{"personalData": "OCCURRED", "gdpr": {"applies": true, "memberStates": ["DE", "FR"], "risk": "HIGH_RISK"}}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.gdpr.applies").value(true))
			.andExpect(jsonPath("$.gdpr.establishment").value(false))
			.andExpect(jsonPath("$.gdpr.offersToEu").value(true))
			.andExpect(jsonPath("$.gdpr.monitorsEu").value(false))
			.andExpect(jsonPath("$.gdpr.euDataSubjects").value(true))
			.andExpect(jsonPath("$.gdpr.memberStates", contains("DE", "FR")))
			.andExpect(jsonPath("$.gdpr.risk").value("HIGH_RISK"));
		assertThat(this.reporting.caseFor(this.id, this.lead).applicableDuties()).extracting(Duty::getType)
			.contains(DutyType.EU_AUTHORITY, DutyType.EU_SUBJECTS);
		this.mvc.perform(get("/api/v1/incidents/{id}/duties", this.id).with(api(this.bearer)))
			.andExpect(jsonPath("$.duties[?(@.type == 'EU_AUTHORITY')].rule").value("HOURS_72"))
			.andExpect(jsonPath("$.duties[?(@.type == 'EU_AUTHORITY')].deadline.endsAt")
				.value(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
					.format(DISCOVERED.plus(72, ChronoUnit.HOURS).atZone(LegalDeadlines.JAPAN).toOffsetDateTime())))
			.andExpect(jsonPath("$.duties[?(@.type == 'EU_DATA_SUBJECTS')].provisional").value(false));
	}

	@Test
	void whatTheBodyCannotSayIsRefusedByBeanValidationWithItsPath() throws Exception {
		putFacts("""
				{"personalData": "OCCURRED", "dataSets": [{"kinds": ["ORDINARY"], "whose": "CUSTOMERS"}, {"kinds": ["ORDINARY"], "description": "%s"}]}"""
			.formatted("あ".repeat(DataSet.MAX_DESCRIPTION + 1)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("api.invalid"))
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("dataSets[1].description",
					"dataSets[1].whose")));
	}

	@Test
	void malformedJsonAndUnknownValuesAre400() throws Exception {
		putFacts("{\"personalData\": ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("api.malformed"));
		putFacts("""
				{"personalData": "MAYBE"}""").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("api.malformed"));
		putFacts("""
				{"dataSets": [{"kinds": ["PASSWORDS"], "whose": "CUSTOMERS"}]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("api.malformed"));
		putFacts("""
				{"dataSets": [{"kinds": ["ORDINARY"], "whose": "CUSTOMERS", "peopleMaximum": "many"}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("api.malformed"));
		this.mvc.perform(put("/api/v1/incidents/{id}/facts", this.id).with(api(this.bearer))
			.contentType(MediaType.TEXT_PLAIN)
			.content("personalData=OCCURRED")).andExpect(status().isUnsupportedMediaType());
		assertThat(this.reporting.caseFor(this.id, this.lead).getFacts().leak()).isEqualTo(LeakStatus.UNASSESSED);
	}

	@Test
	void aStaleVersionIs409AndAMissingOneTakesTheFactsAsTheyAre() throws Exception {
		long seen = caseVersion();
		putFacts("""
				{"personalData": "FEARED", "version": %d}""".formatted(seen)).andExpect(status().isOk());
		putFacts("""
				{"personalData": "OCCURRED", "version": %d}""".formatted(seen))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("api.conflict"));
		assertThat(this.reporting.caseFor(this.id, this.lead).getFacts().leak()).isEqualTo(LeakStatus.FEARED);
		putFacts("""
				{"personalData": "OCCURRED"}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.personalData").value("OCCURRED"));
	}

	@Test
	void withoutATokenThe401() throws Exception {
		this.mvc.perform(get("/api/v1/incidents/{id}/facts", this.id)).andExpect(status().isUnauthorized());
		this.mvc.perform(put("/api/v1/incidents/{id}/facts", this.id).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized());
	}

	/** Step 2 is the lead's and the executive's: a responder, even on the team, and a reporter get 404, as for an unknown incident. */
	@Test
	void whoMayNotSeeStepTwoGets404() throws Exception {
		for (String other : List.of(this.users.bearer(Role.RESPONDER), this.users.bearer(Role.REPORTER))) {
			this.mvc.perform(get("/api/v1/incidents/{id}/facts", this.id).with(api(other)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("api.notFound"));
			this.mvc.perform(put("/api/v1/incidents/{id}/facts", this.id).with(api(other))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"personalData\": \"OCCURRED\"}")).andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/api/v1/incidents/{id}/facts", Long.MAX_VALUE).with(api(this.bearer)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("api.notFound"));
		putFacts(Long.MAX_VALUE, "{\"personalData\": \"OCCURRED\", \"workForClient\": true}")
			.andExpect(status().isNotFound());
		assertThat(this.reporting.caseFor(this.id, this.lead).getFacts().leak()).isEqualTo(LeakStatus.UNASSESSED);
	}

	/** The executive reads step 2; deciding it is the lead's, as on the page. */
	@Test
	void theExecutiveReadsTheFactsButDoesNotDecideThem() throws Exception {
		String executive = this.users.bearer(Role.EXECUTIVE);
		this.mvc.perform(get("/api/v1/incidents/{id}/facts", this.id).with(api(executive))).andExpect(status().isOk());
		this.mvc.perform(put("/api/v1/incidents/{id}/facts", this.id).with(api(executive))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"personalData\": \"OCCURRED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("duty.leadOnly"));
	}

	private ResultActions putFacts(String body) throws Exception {
		return putFacts(this.id, body);
	}

	private ResultActions putFacts(long incident, String body) throws Exception {
		return this.mvc.perform(put("/api/v1/incidents/{id}/facts", incident).with(api(this.bearer))
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private Incident reported(String description) {
		return this.incidents.report(new Incident.Report(null, description, DISCOVERED, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
	}

	private long version() {
		return this.incidents.find(this.id, this.lead).getVersion();
	}

	private long caseVersion() {
		return this.reporting.caseFor(this.id, this.lead).getVersion();
	}

	private List<TimelineEntry> timeline() {
		return this.incidents.findForPage(this.id, this.lead).getTimeline();
	}

}
