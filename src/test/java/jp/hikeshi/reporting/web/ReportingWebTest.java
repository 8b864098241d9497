package jp.hikeshi.reporting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import jp.hikeshi.reporting.DataSet;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.Facts;
import jp.hikeshi.reporting.LeakStatus;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The reporting pages' answers to bad input: the page comes back with the message next to the
 * field it concerns, its arguments filled in, everything typed still there, and nothing saved.
 * A button with a date beside it is such a form; buttons on their own say why at the top of the
 * page. Data sets have a page of their own, for the security lead only.
 */
@IntegrationTest
class ReportingWebTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	/** How a Japanese office worker reads a legal deadline (DOMAIN.md §4.1), written out here, not asked of the app. */
	private static final DateTimeFormatter DEADLINE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日（E）", Locale.JAPANESE);

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
	MessageSource messages;

	UserAccount lead;

	Actor leadActor;

	Incident incident;

	LocalDate discovered;

	/**
	 * An unauthorised access, escalated: IPA and the police are owed, and until the leak is
	 * assessed the PPC's reports and the notice to the people are 要判断 — five filing forms.
	 */
	@BeforeEach
	void anEscalatedUnauthorisedAccess() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.leadActor = new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.incident = escalatedIncident("会員サイトへの不正アクセス");
		this.discovered = LocalDate.ofInstant(this.incident.getDiscoveredAt(), TOKYO);
		assertThat(reportingCase().applicableDuties()).extracting(Duty::getType, Duty::isProvisional)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(DutyType.PPC_PRELIMINARY, true),
					org.assertj.core.groups.Tuple.tuple(DutyType.PPC_FINAL, true),
					org.assertj.core.groups.Tuple.tuple(DutyType.PERSON_NOTICE, true),
					org.assertj.core.groups.Tuple.tuple(DutyType.IPA, false),
					org.assertj.core.groups.Tuple.tuple(DutyType.POLICE, false));
	}

	// --- the page ---

	/** The page offers each person only what the service would let them do. */
	@Test
	void thePageOffersTheLeadTheDecisionsAndTheExecutiveOnlyTheApprovals() throws Exception {
		String page = "/incidents/" + this.incident.getId() + "/reporting";
		this.mvc.perform(get(page).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/reporting/facts\"")))
			.andExpect(content().string(containsString("/file\"")))
			.andExpect(content().string(containsString("/reporting/data-sets/new\"")));
		this.mvc.perform(get(page).with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/reporting/facts\""))))
			.andExpect(content().string(not(containsString("/file\""))))
			.andExpect(content().string(not(containsString("/reporting/data-sets"))));
	}

	/**
	 * Each duty's deadline reads as a calendar day in Japan, counted from 発覚 as day 1 (the
	 * 確報's 60 days rolled past closed days), and the duties the facts cannot decide yet say 要判断.
	 */
	@Test
	void deadlinesReadAsCalendarDaysAndUndecidedDutiesAsToBeDecided() throws Exception {
		String page = this.mvc.perform(get("/incidents/{id}/reporting", this.incident.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Instant knew = this.incident.getDiscoveredAt();

		String preliminary = dutyBox(page, DutyType.PPC_PRELIMINARY);
		assertThat(preliminary).contains(say("deadline.target", byEndOf(this.calendar.day(knew, 3))))
			.contains(say("deadline.limit", byEndOf(this.calendar.day(knew, 5))))
			.contains(say("duty.provisional"))
			.contains(say("duty.reason.leakUnassessed"));
		assertThat(byEndOf(this.calendar.day(knew, 5))).matches("\\d{4}年\\d{1,2}月\\d{1,2}日（[月火水木金土日]）中");
		assertThat(dutyBox(page, DutyType.PPC_FINAL)).as("60 days: an improper purpose is possible")
			.contains(byEndOf(this.calendar.dayRolledForward(knew, 60)))
			.contains(say("duty.provisional"));
		assertThat(dutyBox(page, DutyType.PERSON_NOTICE)).contains(say("duty.provisional"))
			.contains(say("deadline.promptly"));
		assertThat(dutyBox(page, DutyType.IPA)).doesNotContain(say("duty.provisional")).contains(say("deadline.none"));
		assertThat(dutyBox(page, DutyType.POLICE)).doesNotContain(say("duty.provisional"));
	}

	// --- the facts ---

	/** おそれはない needs its reason: the message stands next to the reason, the answer still on RULED_OUT. */
	@Test
	void aLeakRuledOutWithoutAReasonComesBackWithTheAnswerAsGiven() throws Exception {
		ReportingCase before = reportingCase();
		FormPage page = refused(facts().param("leak", "RULED_OUT")
			.param("leakRuledOutReason", " ")
			.param("improperPurpose", "true")
			.param("crimeSuspected", "true")
			.param("cause", "VPN機器の<b>脆弱性</b>")
			.param("causedBy", "THIRD_PARTY"));
		Html html = new Html(page.html());

		assertThat(page.errorAt("leakRuledOutReason")).isEqualTo(say("facts.ruledOutReasonRequired"));
		assertThat(html.named("leak")).filteredOn(Html.Element::checked)
			.extracting(Html.Element::value)
			.containsExactly("RULED_OUT");
		assertThat(checkbox(html, "improperPurpose").checked()).isTrue();
		assertThat(checkbox(html, "crimeSuspected").checked()).isTrue();
		assertThat(checkbox(html, "virusOrUnauthorisedAccess").checked()).as("not sent: unticked").isFalse();
		assertThat(page.valueOf("cause")).isEqualTo("VPN機器の<b>脆弱性</b>");
		assertThat(page.html()).doesNotContain("<b>脆弱性</b>");
		assertThat(page.selected("causedBy")).isEqualTo("THIRD_PARTY");
		unchanged(before);
	}

	@Test
	void contradictoryFactsAreRefusedOnTheAnswerToCorrect() throws Exception {
		ReportingCase before = reportingCase();
		// the category suggests an improper purpose: unticking it needs a reason
		FormPage unticked = refused(facts().param("leak", "OCCURRED"));
		assertThat(unticked.errorAt("improperPurposeReason")).isEqualTo(say("facts.improperPurposeReasonRequired"));

		// GDPR applies (an EU establishment): the member states are needed
		FormPage gdpr = refused(facts().param("leak", "FEARED")
			.param("improperPurpose", "true")
			.param("crimeSuspected", "true")
			.param("gdprEstablishment", "true")
			.param("euDataSubjects", "true")
			.param("gdprMemberStates", " ")
			.param("gdprRisk", "HIGH_RISK"));
		assertThat(gdpr.errorAt("gdprMemberStates")).isEqualTo(say("facts.gdprMemberStatesRequired"));
		Html gdprHtml = new Html(gdpr.html());
		assertThat(checkbox(gdprHtml, "gdprEstablishment").checked()).isTrue();
		assertThat(checkbox(gdprHtml, "euDataSubjects").checked()).isTrue();
		assertThat(gdpr.selected("gdprRisk")).isEqualTo("HIGH_RISK");
		assertThat(gdprHtml.named("leak")).filteredOn(Html.Element::checked)
			.extracting(Html.Element::value)
			.containsExactly("FEARED");

		Html noAnswer = new Html(refused(facts().param("leak", "PERHAPS")).html());
		assertThat(noAnswer.id("leak-error").text()).isEqualTo(say("typeMismatch"));
		assertThat(noAnswer.named("leak")).allSatisfy(radio -> {
			assertThat(radio.attribute("aria-invalid")).isEqualTo("true");
			assertThat(radio.attribute("aria-describedby")).isEqualTo("leak-error");
		});
		Html none = new Html(refused(facts().param("improperPurpose", "true")).html());
		assertThat(none.id("leak-error").text()).isNotBlank();
		unchanged(before);
	}

	@Test
	void factsChangedMeanwhileKeepWhatWasTypedAndCanBeSentAgain() throws Exception {
		long stale = caseVersion();
		this.reporting.updateInquiryDesk(this.incident.getId(), stale, this.leadActor, null, "総務部", 0);
		ReportingCase before = reportingCase();

		FormPage page = refused(post("/incidents/{id}/reporting/facts", this.incident.getId()).with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(stale))
			.param("leak", "OCCURRED")
			.param("improperPurpose", "true")
			.param("cause", "委託先の設定ミス"));
		Html html = new Html(page.html());
		assertThat(html.named("version")).extracting(Html.Element::value).containsOnly(String.valueOf(caseVersion()));
		assertThat(page.valueOf("cause")).isEqualTo("委託先の設定ミス");
		assertThat(html.id("cause").attribute("aria-invalid")).isNull();
		assertThat(html.named("leak")).filteredOn(Html.Element::checked)
			.extracting(Html.Element::value)
			.containsExactly("OCCURRED");
		assertThat(pageText(html)).contains(say("form.changedMeanwhile"));
		unchanged(before);
	}

	@Test
	void factsAcceptedRedirectBackWithANotice() throws Exception {
		this.mvc.perform(facts().param("leak", "FEARED")
			.param("improperPurpose", "true")
			.param("crimeSuspected", "true")
			.param("cause", "不明"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/incidents/" + this.incident.getId() + "/reporting"))
			.andExpect(flash().attribute("notice", Notice.of("reporting.facts.saved")));
		assertThat(reportingCase().getFacts().leak()).isEqualTo(LeakStatus.FEARED);
		assertThat(reportingCase().getFacts().cause()).isEqualTo("不明");
		// the PPC's reports apply; マイナンバー may be among what leaked until the data sets are listed
		assertThat(reportingCase().applicableDuties()).filteredOn(Duty::isProvisional)
			.extracting(Duty::getType)
			.containsExactlyInAnyOrder(jp.hikeshi.reporting.DutyType.MYNUMBER_PRELIMINARY,
					jp.hikeshi.reporting.DutyType.MYNUMBER_FINAL);
	}

	// --- the data sets, on a page of their own ---

	/** A maximum below the confirmed count: the message beside the maximum, every field as typed. */
	@Test
	void aDataSetWithAMaximumBelowTheConfirmedCountComesBackAsTyped() throws Exception {
		ReportingCase before = reportingCase();
		FormPage page = refused(newDataSetOf("EMPLOYEES").param("description", "会員名簿")
			.param("items", "氏名、<b>メールアドレス</b>")
			.param("medium", "会員データベース")
			.param("sensitive", "true")
			.param("myNumber", "true")
			.param("confirmedCount", "1200")
			.param("maximumCount", "1000")
			.param("encrypted", "true")
			.param("encryptionMethod", "AES-256")
			.param("keyState", "LEAKED"), "reporting/data-set");
		Html html = new Html(page.html());

		assertThat(page.errorAt("maximumCount")).isEqualTo(say("dataSet.maximumBelowConfirmed", 1200))
			.contains("1,200");
		assertThat(page.valueOf("maximumCount")).isEqualTo("1000");
		assertThat(page.valueOf("confirmedCount")).isEqualTo("1200");
		assertThat(page.hasErrorAt("confirmedCount")).isFalse();
		assertThat(page.valueOf("description")).isEqualTo("会員名簿");
		assertThat(page.valueOf("items")).isEqualTo("氏名、<b>メールアドレス</b>");
		assertThat(page.valueOf("medium")).isEqualTo("会員データベース");
		assertThat(page.selected("whose")).isEqualTo("EMPLOYEES");
		assertThat(page.selected("keyState")).isEqualTo("LEAKED");
		assertThat(page.valueOf("encryptionMethod")).isEqualTo("AES-256");
		assertThat(checkbox(html, "sensitive").checked()).isTrue();
		assertThat(checkbox(html, "myNumber").checked()).isTrue();
		assertThat(checkbox(html, "encrypted").checked()).isTrue();
		assertThat(checkbox(html, "financial").checked()).isFalse();
		assertThat(html.named("version")).extracting(Html.Element::value).containsOnly(String.valueOf(caseVersion()));
		assertThat(page.html()).contains("action=\"/incidents/" + this.incident.getId() + "/reporting/data-sets\"");
		unchanged(before);
	}

	/** Counts are text fields: a count that is not a number comes back as typed, with the rest. */
	@Test
	void aCountThatIsNotANumberComesBackAsTyped() throws Exception {
		ReportingCase before = reportingCase();
		FormPage page = refused(newDataSet().param("description", "会員名簿")
			.param("confirmedCount", "many")
			.param("maximumCount", "2000")
			.param("financial", "true"), "reporting/data-set");

		assertThat(page.errorAt("confirmedCount")).isEqualTo(say("typeMismatch"));
		assertThat(page.valueOf("confirmedCount")).isEqualTo("many");
		assertThat(page.valueOf("maximumCount")).isEqualTo("2000");
		assertThat(page.hasErrorAt("maximumCount")).isFalse();
		assertThat(page.valueOf("description")).isEqualTo("会員名簿");
		assertThat(checkbox(new Html(page.html()), "financial").checked()).isTrue();

		FormPage absurd = refused(newDataSet().param("description", "会員名簿").param("maximumCount", "-4"),
				"reporting/data-set");
		assertThat(absurd.errorAt("maximumCount")).isEqualTo(say("facts.peopleCountAbsurd", 0, Facts.MAX_PEOPLE))
			.contains("100,000,000");
		assertThat(absurd.valueOf("maximumCount")).isEqualTo("-4");

		FormPage nameless = refused(newDataSet().param("description", " ").param("maximumCount", "5"),
				"reporting/data-set");
		assertThat(nameless.errorAt("description")).isEqualTo(say("dataSet.descriptionRequired"));
		assertThat(nameless.valueOf("maximumCount")).isEqualTo("5");
		unchanged(before);
	}

	/** Texts over their length and a missing owner come back next to their fields, as typed, and save nothing. */
	@Test
	void overlongTextsAndAMissingOwnerAreRefusedOnTheirFields() throws Exception {
		ReportingCase before = reportingCase();
		String name = "名".repeat(DataSet.MAX_DESCRIPTION + 1);
		FormPage page = refused(form("/incidents/{id}/reporting/data-sets", this.incident.getId())
			.param("description", name)
			.param("items", "項".repeat(DataSet.MAX_ITEMS + 1))
			.param("medium", "媒".repeat(DataSet.MAX_MEDIUM + 1))
			.param("encryptionMethod", "A".repeat(201))
			.param("maximumCount", "5"), "reporting/data-set");
		assertThat(page.errorAt("description")).isEqualTo(sayField("Size", DataSet.MAX_DESCRIPTION));
		assertThat(page.errorAt("items")).isEqualTo(sayField("Size", DataSet.MAX_ITEMS));
		assertThat(page.errorAt("medium")).isEqualTo(sayField("Size", DataSet.MAX_MEDIUM));
		assertThat(page.errorAt("encryptionMethod")).isEqualTo(sayField("Size", 200));
		assertThat(page.errorAt("whose")).isEqualTo(say("NotNull"));
		assertThat(page.valueOf("description")).isEqualTo(name);
		assertThat(page.valueOf("maximumCount")).isEqualTo("5");

		FormPage facts = refused(facts().param("leak", "RULED_OUT")
			.param("leakRuledOutReason", "理".repeat(Facts.MAX_REASON + 1))
			.param("gdprMemberStates", "国".repeat(301))
			.param("cause", "因".repeat(2001)));
		assertThat(facts.errorAt("leakRuledOutReason")).isEqualTo(sayField("Size", Facts.MAX_REASON));
		assertThat(facts.errorAt("gdprMemberStates")).isEqualTo(sayField("Size", 300));
		assertThat(facts.errorAt("cause")).isEqualTo(sayField("Size", 2000));
		assertThat(facts.valueOf("cause")).isEqualTo("因".repeat(2001));
		unchanged(before);
	}

	/** Data captured in clear text (skimming, a tampered form) cannot claim the encryption exemption. */
	@Test
	void encryptionOnDataCapturedInClearIsRefusedOnTheEncryption() throws Exception {
		ReportingCase before = reportingCase();
		Html page = new Html(refused(newDataSet().param("description", "カード情報")
			.param("financial", "true")
			.param("confirmedCount", "5")
			.param("encrypted", "true")
			.param("keyState", "SAFE")
			.param("capturedInClear", "true"), "reporting/data-set").html());

		assertThat(page.id("encrypted-error").text()).isEqualTo(say("dataSet.encryptedButCapturedInClear"));
		Html.Element encrypted = checkbox(page, "encrypted");
		assertThat(encrypted.checked()).isTrue();
		assertThat(encrypted.attribute("aria-invalid")).isEqualTo("true");
		assertThat(encrypted.attribute("aria-describedby")).isEqualTo("encrypted-error");
		assertThat(checkbox(page, "capturedInClear").checked()).isTrue();
		assertThat(page.id("confirmedCount").value()).isEqualTo("5");
		assertThat(page.id("description").value()).isEqualTo("カード情報");
		unchanged(before);
	}

	/** A data set saved shows in the list, escaped; its own page holds it, and a refused change keeps that page. */
	@Test
	void aDataSetIsAddedChangedAndRemovedOnItsOwnPage() throws Exception {
		this.mvc.perform(get("/incidents/{id}/reporting/data-sets/new", this.incident.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andExpect(view().name("reporting/data-set"));
		String script = "<script>alert('x')</script>会員名簿";
		this.mvc.perform(newDataSet().param("description", script)
			.param("medium", "<img src=x onerror=alert(1)>")
			.param("confirmedCount", "800")
			.param("maximumCount", "1001"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/incidents/" + this.incident.getId() + "/reporting"))
			.andExpect(flash().attribute("notice", Notice.of("dataSet.saved")));
		DataSet saved = reportingCase().getDataSets().get(0);
		assertThat(saved.getDescription()).isEqualTo(script);
		assertThat(saved.peopleAtMost()).isEqualTo(1001);

		String page = this.mvc.perform(get("/incidents/{id}/reporting", this.incident.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;会員名簿")
			.contains("&lt;img src=x onerror=alert(1)&gt;")
			.doesNotContain("<script>alert", "<img src=x");

		String own = "/incidents/{id}/reporting/data-sets/{d}";
		FormPage shown = FormPage.of(this.mvc.perform(get(own, this.incident.getId(), saved.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(shown.valueOf("description")).isEqualTo(script);
		assertThat(shown.valueOf("maximumCount")).isEqualTo("1001");
		assertThat(shown.html()).doesNotContain("<script>alert");

		ReportingCase before = reportingCase();
		FormPage change = refused(form(own, this.incident.getId(), saved.getId()).param("whose", "CUSTOMERS").param("description", "会員名簿")
			.param("confirmedCount", "800")
			.param("maximumCount", "700"), "reporting/data-set");
		assertThat(change.errorAt("maximumCount")).isEqualTo(say("dataSet.maximumBelowConfirmed", 800));
		assertThat(change.html()).contains("action=\"/incidents/" + this.incident.getId() + "/reporting/data-sets/"
				+ saved.getId() + "\"");
		unchanged(before);

		this.mvc.perform(form(own, this.incident.getId(), saved.getId()).param("whose", "CUSTOMERS").param("description", "会員名簿")
			.param("confirmedCount", "800")
			.param("maximumCount", "900"))
			.andExpect(flash().attribute("notice", Notice.of("dataSet.saved")));
		assertThat(reportingCase().getDataSets()).singleElement()
			.satisfies(set -> assertThat(set.peopleAtMost()).isEqualTo(900));
		this.mvc.perform(form(own + "/delete", this.incident.getId(), saved.getId()))
			.andExpect(redirectedUrl("/incidents/" + this.incident.getId() + "/reporting"))
			.andExpect(flash().attribute("notice", Notice.of("dataSet.removed")));
		assertThat(reportingCase().getDataSets()).isEmpty();
	}

	/** A data-set form sent from a page left open while the case changed: refused, as typed, and can be sent again. */
	@Test
	void aDataSetFromAPageLeftOpenIsRefusedAsChangedMeanwhile() throws Exception {
		long stale = caseVersion();
		this.reporting.updateInquiryDesk(this.incident.getId(), stale, this.leadActor, null, "総務部", 0);
		ReportingCase before = reportingCase();

		FormPage page = refused(post("/incidents/{id}/reporting/data-sets", this.incident.getId()).with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(stale))
			.param("whose", "CUSTOMERS")
			.param("description", "会員名簿")
			.param("maximumCount", "1200"), "reporting/data-set");
		assertThat(page.globalErrors()).containsExactly(say("form.changedMeanwhile"));
		assertThat(page.valueOf("description")).isEqualTo("会員名簿");
		assertThat(page.valueOf("maximumCount")).isEqualTo("1200");
		assertThat(new Html(page.html()).named("version")).extracting(Html.Element::value)
			.containsOnly(String.valueOf(caseVersion()));
		unchanged(before);
	}

	/** Another incident's data set is not this incident's: its page is not found, and it cannot be changed from here. */
	@Test
	void anotherIncidentsDataSetIsNotFoundHere() throws Exception {
		Incident other = escalatedIncident("別のインシデント");
		this.reporting.addDataSet(other.getId(), this.reporting.caseFor(other.getId(), this.leadActor).getVersion(),
				this.leadActor, new DataSet.Details("給与台帳", null, null, DataSet.Owner.EMPLOYEES, false, false, true, 50,
						50, false, null, null, false, false));
		long theirs = this.reporting.caseFor(other.getId(), this.leadActor).getDataSets().get(0).getId();
		String own = "/incidents/{id}/reporting/data-sets/{d}";

		this.mvc.perform(get(own, this.incident.getId(), theirs).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(own, this.incident.getId(), Long.MAX_VALUE)
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(own, this.incident.getId(), "abc").with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isBadRequest());

		ReportingCase before = reportingCase();
		FormPage change = refused(form(own, this.incident.getId(), theirs).param("whose", "CUSTOMERS").param("description", "乗っ取り")
			.param("maximumCount", "1"), "reporting/data-set");
		assertThat(change.globalErrors()).containsExactly(say("dataSet.unknown"));
		assertThat(change.valueOf("description")).isEqualTo("乗っ取り");
		this.mvc.perform(form(own + "/delete", this.incident.getId(), theirs))
			.andExpect(flash().attribute("problem", Notice.of("dataSet.unknown")));
		unchanged(before);
		assertThat(this.reporting.caseFor(other.getId(), this.leadActor).getDataSets()).singleElement()
			.satisfies(set -> {
				assertThat(set.getDescription()).isEqualTo("給与台帳");
				assertThat(set.peopleAtMost()).isEqualTo(50);
			});
	}

	/**
	 * Data sets are the security lead's: the executive's changes are refused by the service and
	 * the pages are not shown to them (403); responders and staff do not reach step 2 at all.
	 */
	@Test
	void onlyTheLeadRecordsDataSets() throws Exception {
		this.reporting.addDataSet(this.incident.getId(), caseVersion(), this.leadActor, new DataSet.Details("会員名簿",
				null, null, null, false, false, false, 10, 10, false, null, null, false, false));
		long dataSet = reportingCase().getDataSets().get(0).getId();
		ReportingCase before = reportingCase();
		long id = this.incident.getId();
		String executive = this.users.create(Role.EXECUTIVE).getUsername();

		this.mvc.perform(get("/incidents/{id}/reporting/data-sets/new", id).with(this.users.signedIn(executive)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/incidents/{id}/reporting/data-sets/{d}", id, dataSet)
				.with(this.users.signedIn(executive)))
			.andExpect(status().isForbidden());
		FormPage added = refused(formBy(executive, "/incidents/{id}/reporting/data-sets", id).param("whose", "CUSTOMERS").param("description", "顧客名簿")
			.param("maximumCount", "5"),
				"reporting/data-set");
		assertThat(added.globalErrors()).containsExactly(say("duty.leadOnly"));
		FormPage changed = refused(formBy(executive, "/incidents/{id}/reporting/data-sets/{d}", id, dataSet).param("whose", "CUSTOMERS")
			.param("description", "顧客名簿")
			.param("maximumCount", "5000"), "reporting/data-set");
		assertThat(changed.globalErrors()).containsExactly(say("duty.leadOnly"));
		this.mvc.perform(formBy(executive, "/incidents/{id}/reporting/data-sets/{d}/delete", id, dataSet))
			.andExpect(flash().attribute("problem", Notice.of("duty.leadOnly")));

		for (Role role : List.of(Role.RESPONDER, Role.REPORTER)) {
			String someone = this.users.create(role).getUsername();
			// a responder sees the incident but step 2's data sets are the lead's (403); staff see no incident (404)
			var refused = (role == Role.REPORTER) ? status().isNotFound() : status().isForbidden();
			this.mvc.perform(get("/incidents/{id}/reporting/data-sets/new", id).with(this.users.signedIn(someone)))
				.andExpect(refused);
			this.mvc.perform(get("/incidents/{id}/reporting/data-sets/{d}", id, dataSet)
					.with(this.users.signedIn(someone)))
				.andExpect(refused);
			this.mvc.perform(formBy(someone, "/incidents/{id}/reporting/data-sets", id).param("whose", "CUSTOMERS").param("description", "顧客名簿")
				.param("maximumCount", "5"))
				.andExpect(refused);
			this.mvc.perform(formBy(someone, "/incidents/{id}/reporting/data-sets/{d}", id, dataSet).param("whose", "CUSTOMERS")
				.param("description", "顧客名簿")
				.param("maximumCount", "5000")).andExpect(refused);
			this.mvc.perform(formBy(someone, "/incidents/{id}/reporting/data-sets/{d}/delete", id, dataSet))
				.andExpect(refused);
		}
		unchanged(before);
	}

	// --- a filing, next to the duty it concerns ---

	@Test
	void aRefusedFilingShowsItsErrorNextToThatDutysForm() throws Exception {
		long ipa = duty(DutyType.IPA);
		long police = duty(DutyType.POLICE);
		ReportingCase before = reportingCase();

		Html early = html(refused(duty(police, "file").param("filedOn", this.discovered.minusDays(3).toString())
			.param("filingReference", "警-2026-1")));
		assertThat(early.id("filedOn-" + police + "-error").text()).isEqualTo(say("duty.filedBeforeDiscovery"));
		assertThat(early.id("filedOn-" + police).value()).isEqualTo(this.discovered.minusDays(3).toString());
		assertThat(early.id("filedOn-" + police).attribute("aria-describedby")).isEqualTo("filedOn-" + police + "-error");
		assertThat(early.id("ref-" + police).value()).isEqualTo("警-2026-1");
		assertThat(early.byId("filedOn-" + ipa + "-error")).isEmpty();
		assertThat(early.id("filedOn-" + ipa).value()).isEmpty();
		assertThat(early.id("ref-" + ipa).value()).isEmpty();

		String tomorrow = LocalDate.now(TOKYO).plusDays(1).toString();
		Html future = html(refused(duty(police, "file").param("filedOn", tomorrow).param("filingReference", "警-2026-1")));
		assertThat(future.id("filedOn-" + police + "-error").text()).isEqualTo(say("duty.filedInFuture"));
		assertThat(future.id("filedOn-" + police).value()).isEqualTo(tomorrow);
		assertThat(future.id("ref-" + police).value()).isEqualTo("警-2026-1");

		Html notADate = html(refused(duty(police, "file").param("filedOn", "明日").param("filingReference", "警-2026-1")));
		assertThat(notADate.id("filedOn-" + police + "-error").text()).isEqualTo(say("typeMismatch"));
		assertThat(notADate.id("filedOn-" + police).value()).isEqualTo("明日");
		assertThat(notADate.id("ref-" + police).value()).isEqualTo("警-2026-1");

		Html tooLong = html(refused(duty(police, "file").param("filedOn", this.discovered.toString())
			.param("filingReference", "R".repeat(Duty.MAX_REFERENCE_LENGTH + 1))));
		assertThat(tooLong.id("ref-" + police + "-error").text()).isEqualTo(sayField("Size", Duty.MAX_REFERENCE_LENGTH))
			.contains("100");
		assertThat(tooLong.id("ref-" + police).value()).isEqualTo("R".repeat(Duty.MAX_REFERENCE_LENGTH + 1));
		assertThat(tooLong.id("filedOn-" + police).value()).isEqualTo(this.discovered.toString());

		// a duty no longer on the page: the refusal stands at the top of the list
		Html gone = html(refused(duty(Long.MAX_VALUE, "file").param("filedOn", this.discovered.toString())));
		assertThat(pageText(gone)).contains(say("duty.unknown"));
		unchanged(before);
	}

	/**
	 * The notice to the people names how they were told: without an outcome the message stands
	 * next to it; an alternative measure must be chosen, and be in place, where not all were reached.
	 */
	@Test
	void theNoticeFiledWithoutItsOutcomeOrAnAlternativeInPlaceComesBackBesideIt() throws Exception {
		long notice = duty(DutyType.PERSON_NOTICE);
		ReportingCase before = reportingCase();

		FormPage noOutcome = refused(duty(notice, "file").param("filedOn", this.discovered.toString())
			.param("filingReference", "通知-1"));
		assertThat(noOutcome.errorAt("outcome")).isEqualTo(say("duty.noticeOutcomeRequired"));
		assertThat(noOutcome.valueOf("filedOn-" + notice)).isEqualTo(this.discovered.toString());
		assertThat(noOutcome.valueOf("ref-" + notice)).isEqualTo("通知-1");

		FormPage noAlternative = refused(duty(notice, "file").param("filedOn", this.discovered.toString())
			.param("outcome", "PARTLY_WITH_ALTERNATIVE"));
		assertThat(noAlternative.errorAt("alternative")).isEqualTo(say("duty.alternativeRequired"));
		assertThat(noAlternative.selected("outcome")).isEqualTo("PARTLY_WITH_ALTERNATIVE");

		FormPage notInPlace = refused(duty(notice, "file").param("filedOn", this.discovered.toString())
			.param("outcome", "ALTERNATIVE_ONLY")
			.param("alternative", "INQUIRY_DESK"));
		assertThat(notInPlace.errorAt("alternative")).isEqualTo(say("duty.alternativeNotInPlace.INQUIRY_DESK"));
		assertThat(notInPlace.selected("outcome")).isEqualTo("ALTERNATIVE_ONLY");
		assertThat(notInPlace.selected("alternative")).isEqualTo("INQUIRY_DESK");
		assertThat(notInPlace.valueOf("filedOn-" + notice)).isEqualTo(this.discovered.toString());
		unchanged(before);

		// once the desk is open, it serves
		this.reporting.updateInquiryDesk(this.incident.getId(), caseVersion(), this.leadActor, this.discovered,
				"0120-000-000", 0);
		this.mvc.perform(duty(notice, "file").param("filedOn", this.discovered.toString())
			.param("outcome", "ALTERNATIVE_ONLY")
			.param("alternative", "INQUIRY_DESK"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", Notice.of("duty.filed")));
		Duty filed = reportingCase().applicableDuties()
			.stream()
			.filter(d -> d.getType() == DutyType.PERSON_NOTICE)
			.findFirst()
			.orElseThrow();
		assertThat(filed.getNoticeOutcome()).isEqualTo(Duty.NoticeOutcome.ALTERNATIVE_ONLY);
		assertThat(filed.getAlternativeMeasure()).isEqualTo(Duty.AlternativeMeasure.INQUIRY_DESK);
	}

	/** GDPR's 72 hours passed: the notice to the EU authority needs the reason it is late, beside that field. */
	@Test
	void aLateNoticeToTheEuAuthorityNeedsItsReasonBesideIt() throws Exception {
		Incident late = escalatedIncident("EU拠点の顧客データ", Instant.now().minus(java.time.Duration.ofDays(5)));
		this.reporting.updateFacts(late.getId(), this.reporting.caseFor(late.getId(), this.leadActor).getVersion(),
				this.leadActor, new Facts(LeakStatus.OCCURRED, null, true, null, true, true, false, false, true, false,
						false, true, "DE", jp.hikeshi.reporting.GdprRisk.RISK, null, null, null), null);
		ReportingCase before = this.reporting.caseFor(late.getId(), this.leadActor);
		long eu = before.applicableDuties()
			.stream()
			.filter(d -> d.getType() == DutyType.EU_AUTHORITY)
			.findFirst()
			.orElseThrow()
			.getId();
		String today = LocalDate.now(TOKYO).toString();

		FormPage page = refused(post("/incidents/{id}/reporting/duties/{d}/file", late.getId(), eu).with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(before.getVersion()))
			.param("filedOn", today)
			.param("filingReference", "DE-1")
			.param("lateReason", " "));
		assertThat(page.errorAt("late-" + eu)).isEqualTo(say("duty.lateReasonRequired"));
		assertThat(page.valueOf("filedOn-" + eu)).isEqualTo(today);
		assertThat(page.valueOf("ref-" + eu)).isEqualTo("DE-1");
		assertThat(this.reporting.caseFor(late.getId(), this.leadActor).getVersion()).isEqualTo(before.getVersion());

		this.mvc.perform(post("/incidents/{id}/reporting/duties/{d}/file", late.getId(), eu).with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(before.getVersion()))
			.param("filedOn", today)
			.param("lateReason", "影響範囲の特定に時間を要したため"))
			.andExpect(flash().attribute("notice", Notice.of("duty.filed")));
		assertThat(this.reporting.caseFor(late.getId(), this.leadActor).applicableDuties())
			.filteredOn(d -> d.getType() == DutyType.EU_AUTHORITY)
			.singleElement()
			.extracting(Duty::getLateReason)
			.isEqualTo("影響範囲の特定に時間を要したため");
	}

	@Test
	void aRefusedWaiverShowsItsErrorNextToThatDutysReason() throws Exception {
		long ipa = duty(DutyType.IPA);
		long police = duty(DutyType.POLICE);
		ReportingCase before = reportingCase();

		Html blank = html(refused(duty(ipa, "waive").param("reason", "  ")));
		assertThat(blank.id("reason-" + ipa + "-error").text()).isEqualTo(say("duty.waiverReasonRequired"));
		assertThat(blank.id("reason-" + ipa).attribute("aria-invalid")).isEqualTo("true");
		assertThat(blank.byId("reason-" + police + "-error")).isEmpty();

		String long1001 = "理由".repeat(500) + "。";
		Html tooLong = html(refused(duty(ipa, "waive").param("reason", long1001)));
		assertThat(tooLong.id("reason-" + ipa + "-error").text()).isEqualTo(sayField("Size", 1000)).contains("1,000");
		assertThat(tooLong.id("reason-" + ipa).value()).isEqualTo(long1001);
		unchanged(before);
	}

	@Test
	void anAcceptedFilingRedirectsAndASecondClickIsRefusedAsChangedMeanwhile() throws Exception {
		long police = duty(DutyType.POLICE);
		long version = caseVersion();
		this.mvc.perform(duty(police, "file").param("filedOn", this.discovered.toString()).param("filingReference", "警-1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", Notice.of("duty.filed")));
		ReportingCase before = reportingCase();

		Html again = html(refused(post("/incidents/{id}/reporting/duties/{d}/waive", this.incident.getId(), police)
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(version))
			.param("reason", "やはり不要")));
		assertThat(pageText(again)).contains(say("form.changedMeanwhile"));
		assertThat(again.id("reason-" + police).value()).isEqualTo("やはり不要");
		unchanged(before);
	}

	// --- buttons without a form ---

	@Test
	void refusedButtonsSayWhyAtTheTopOfThePage() throws Exception {
		long ipa = duty(DutyType.IPA);
		this.mvc.perform(duty(ipa, "not-yet-due"))
			.andExpect(flash().attribute("problem", Notice.of("duty.notYetDueOnlyForFinal")));
		this.mvc.perform(duty(ipa, "reopen")).andExpect(flash().attribute("problem", Notice.of("duty.notDecided")));
		this.mvc.perform(duty(Long.MAX_VALUE, "reopen")).andExpect(flash().attribute("problem", Notice.of("duty.unknown")));

		this.reporting.draftAnnouncement(this.incident.getId(), caseVersion(), this.leadActor,
				jp.hikeshi.reporting.Announcement.Kind.FIRST, "【第一報】お知らせ");
		long announcement = reportingCase().getAnnouncements().get(0).getId();
		Html notApproved = html(refused(announcement(announcement, "publish").param("publishedOn", this.discovered.toString())));
		assertThat(pageText(notApproved)).contains(say("announcement.notApproved"));
		this.mvc.perform(announcement(announcement, "approve"))
			.andExpect(flash().attribute("problem", Notice.of("announcement.executiveOnly")));

		this.mvc.perform(post("/incidents/{id}/reporting/duties/{d}/waive", this.incident.getId(), ipa).with(csrf())
				.with(this.users.signedIn(this.lead.getUsername()))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"x\"}"))
			.andExpect(status().isUnsupportedMediaType());
		assertThat(reportingCase().applicableDuties()).allSatisfy(d -> assertThat(d.getState()).isEqualTo(Duty.State.TO_DO));
		assertThat(reportingCase().getAnnouncements()).allSatisfy(a -> assertThat(a.isApproved()).isFalse());
	}

	@Test
	void aPublicationDateThatIsNoDateOrOutOfRangeComesBackBesideIt() throws Exception {
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		this.reporting.draftAnnouncement(this.incident.getId(), caseVersion(), this.leadActor,
				jp.hikeshi.reporting.Announcement.Kind.FIRST, "【第一報】お知らせ");
		long announcement = reportingCase().getAnnouncements().get(0).getId();
		this.reporting.approveAnnouncement(this.incident.getId(), caseVersion(),
				new Actor(executive.getUsername(), Set.of(Role.EXECUTIVE)), announcement);
		ReportingCase before = reportingCase();
		String field = "published-" + announcement;

		Html letters = html(refused(announcement(announcement, "publish").param("publishedOn", "昨日")));
		assertThat(letters.id(field + "-error").text()).isEqualTo(say("typeMismatch"));
		assertThat(letters.id(field).value()).isEqualTo("昨日");
		assertThat(letters.id(field).attribute("aria-invalid")).isEqualTo("true");
		assertThat(letters.id(field).attribute("aria-describedby")).isEqualTo(field + "-error");

		String early = this.discovered.minusDays(1).toString();
		Html tooEarly = html(refused(announcement(announcement, "publish").param("publishedOn", early)));
		assertThat(tooEarly.id(field + "-error").text()).isEqualTo(say("announcement.publishedOnInvalid"));
		assertThat(tooEarly.id(field).value()).isEqualTo(early);
		assertThat(tooEarly.id(field).attribute("aria-describedby")).isEqualTo(field + "-error");
		assertThat(reportingCase().getAnnouncements().get(0).getPublishedOn()).isNull();
		unchanged(before);

		this.mvc.perform(announcement(announcement, "publish").param("publishedOn", this.discovered.toString()))
			.andExpect(redirectedUrl("/incidents/" + this.incident.getId() + "/reporting"))
			.andExpect(flash().attribute("notice", Notice.of("announcement.published")));
		assertThat(reportingCase().getAnnouncements().get(0).getPublishedOn()).isEqualTo(this.discovered);
	}

	// --- a draft announcement, on the page of the text it started from ---

	@Test
	void aRefusedDraftComesBackOnItsTextPageAsTyped() throws Exception {
		ReportingCase before = reportingCase();
		String tooLong = "【第一報】" + "あ".repeat(8000);
		Html page = html(refused(draft().param("kind", "FIRST").param("draft", tooLong), "reporting/text"));
		assertThat(page.id("draft-error").text()).isEqualTo(sayField("Size", 8000)).contains("8,000");
		assertThat(page.id("draft").value()).isEqualTo(tooLong);
		assertThat(page.id("draft").attribute("aria-describedby")).isEqualTo("draft-error");

		Html blank = html(refused(draft().param("kind", "FINAL").param("draft", " \n "), "reporting/text"));
		assertThat(blank.id("draft-error").text()).isEqualTo(say("announcement.draftRequired"));
		assertThat(blank.named("kind")).extracting(Html.Element::value).containsExactly("FINAL");

		this.mvc.perform(draft().param("draft", "種類のない下書き")).andExpect(status().isBadRequest());
		unchanged(before);
	}

	@Test
	void anAcceptedDraftIsShownAsText() throws Exception {
		this.mvc.perform(draft().param("kind", "FIRST").param("draft", "<script>alert('x')</script>お知らせ"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", Notice.of("announcement.drafted")));
		this.mvc.perform(get("/incidents/{id}/reporting", this.incident.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;お知らせ")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void thePreparedTextsMarkTheirGaps() throws Exception {
		this.mvc.perform(get("/incidents/{id}/reporting/texts/IPA_ACCESS", this.incident.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("【要記入：侵入経路】")));
		this.mvc.perform(get("/incidents/{id}/reporting/texts/NOPE", this.incident.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isBadRequest());
	}

	// --- the inquiry desk ---

	@Test
	void aRefusedInquiryDeskComesBackAsTyped() throws Exception {
		ReportingCase before = reportingCase();
		Html early = html(refused(inquiryDesk().param("openedOn", this.discovered.minusDays(1).toString())
			.param("contact", "0120-000-000")
			.param("inquiries", "5")));
		assertThat(early.id("openedOn-error").text()).isEqualTo(say("inquiryDesk.openedOnInvalid"));
		assertThat(early.id("openedOn").value()).isEqualTo(this.discovered.minusDays(1).toString());
		assertThat(early.id("contact").value()).isEqualTo("0120-000-000");
		assertThat(early.id("inquiries").value()).isEqualTo("5");

		Html negative = html(refused(inquiryDesk().param("contact", "0120-000-000").param("inquiries", "-1")));
		assertThat(negative.id("inquiries-error").text())
			.isEqualTo(say("inquiryDesk.negative", 0, ReportingCase.MAX_INQUIRIES))
			.contains("10,000,000");
		assertThat(negative.id("inquiries").value()).isEqualTo("-1");

		Html notANumber = html(refused(inquiryDesk().param("contact", "0120-000-000").param("inquiries", "たくさん")));
		assertThat(notANumber.id("inquiries-error").text()).isEqualTo(say("typeMismatch"));
		assertThat(notANumber.id("inquiries").value()).isEqualTo("たくさん");
		assertThat(notANumber.id("contact").value()).isEqualTo("0120-000-000");
		unchanged(before);
	}

	@Test
	void anAcceptedInquiryDeskShowsAsSavedOnThePage() throws Exception {
		this.mvc.perform(inquiryDesk().param("openedOn", this.discovered.toString())
			.param("contact", "0120-000-000")
			.param("inquiries", "7"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", Notice.of("inquiryDesk.saved")));
		Html page = new Html(this.mvc.perform(get("/incidents/{id}/reporting", this.incident.getId())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.id("openedOn").value()).isEqualTo(this.discovered.toString());
		assertThat(page.id("contact").value()).isEqualTo("0120-000-000");
		assertThat(page.id("inquiries").value()).isEqualTo("7");
	}

	// --- helpers ---

	/** Sends a form that must be refused: the page comes back (200, no redirect). */
	private FormPage refused(MockHttpServletRequestBuilder request) throws Exception {
		return refused(request, "reporting/page");
	}

	private FormPage refused(MockHttpServletRequestBuilder request, String page) throws Exception {
		FormPage form = FormPage.of(this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(view().name(page))
			.andReturn());
		assertThat(form.html()).doesNotContain("{0}", "{1}");
		return form;
	}

	private static Html html(FormPage page) {
		return new Html(page.html());
	}

	/** The page's main content, markup and all. */
	private static String pageText(Html page) {
		return page.id("main").text();
	}

	/** A yes/no box of a form (not the hidden field that says it was on the page). */
	private static Html.Element checkbox(Html page, String name) {
		return page.named(name)
			.stream()
			.filter(e -> "checkbox".equals(e.attribute("type")))
			.reduce((a, b) -> {
				throw new AssertionError("more than one checkbox " + name);
			})
			.orElseThrow(() -> new AssertionError("no checkbox " + name));
	}

	/** One duty's box on the reporting page, from its heading to the next duty's. */
	private String dutyBox(String page, DutyType type) {
		List<Integer> starts = new ArrayList<>();
		for (int at = page.indexOf("<div class=\"duty "); at >= 0; at = page.indexOf("<div class=\"duty ", at + 1)) {
			starts.add(at);
		}
		starts.add(page.indexOf("id=\"data-sets\""));
		String label = "<span>" + say("DutyType." + type.name()) + "</span>";
		for (int i = 0; i < starts.size() - 1; i++) {
			String box = page.substring(starts.get(i), starts.get(i + 1));
			if (box.contains(label)) {
				return box;
			}
		}
		throw new AssertionError("no box for " + type);
	}

	/** 「2026年12月5日（土）中」. */
	private static String byEndOf(LocalDate day) {
		return DEADLINE_DAY.format(day) + "中";
	}

	private void unchanged(ReportingCase before) {
		ReportingCase now = reportingCase();
		assertThat(now.getVersion()).isEqualTo(before.getVersion());
		assertThat(now.getFacts()).isEqualTo(before.getFacts());
		assertThat(now.getSecondaryDamage()).isEqualTo(before.getSecondaryDamage());
		assertThat(now.getDataSets()).extracting(DataSet::getId, DataSet::getDescription, DataSet::getConfirmedCount,
				DataSet::getMaximumCount, DataSet::isEncrypted, DataSet::isCapturedInClear)
			.containsExactlyElementsOf(before.getDataSets()
				.stream()
				.map(d -> org.assertj.core.groups.Tuple.tuple(d.getId(), d.getDescription(), d.getConfirmedCount(),
						d.getMaximumCount(), d.isEncrypted(), d.isCapturedInClear()))
				.toList());
		assertThat(now.getInquiryDeskContact()).isEqualTo(before.getInquiryDeskContact());
		assertThat(now.getInquiryDeskOpenedOn()).isEqualTo(before.getInquiryDeskOpenedOn());
		assertThat(now.getInquiryCount()).isEqualTo(before.getInquiryCount());
		assertThat(now.getAnnouncements()).hasSameSizeAs(before.getAnnouncements());
		assertThat(now.applicableDuties()).extracting(Duty::getType, Duty::getState, Duty::isProvisional)
			.containsExactlyElementsOf(before.applicableDuties()
				.stream()
				.map(d -> org.assertj.core.groups.Tuple.tuple(d.getType(), d.getState(), d.isProvisional()))
				.toList());
	}

	/** A message as the page says it (Japanese, the default). */
	private String say(String code, Object... args) {
		return this.messages.getMessage(code, args, Locale.JAPANESE);
	}

	/** A Bean Validation message: its first argument is the field, then the constraint's attributes. */
	private String sayField(String code, Object max) {
		return this.messages.getMessage(new DefaultMessageSourceResolvable(new String[] { code },
				new Object[] { "field", max, 0 }), Locale.JAPANESE);
	}

	private Incident escalatedIncident(String description) {
		return escalatedIncident(description, null);
	}

	private Incident escalatedIncident(String description, Instant discoveredAt) {
		Incident reported = this.incidents.report(
				new Incident.Report(null, description, discoveredAt, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(reported.getId(), 0, this.leadActor);
		this.incidents.escalate(reported.getId(), this.incidents.find(reported.getId(), this.leadActor).getVersion(),
				this.leadActor, Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS, Severity.HIGH, null);
		return reported;
	}

	private MockHttpServletRequestBuilder facts() {
		return form("/incidents/{id}/reporting/facts", this.incident.getId());
	}

	/** A new data set's form as the page sends it: whose data is chosen (customers, as the page preselects). */
	private MockHttpServletRequestBuilder newDataSet() {
		return newDataSetOf("CUSTOMERS");
	}

	private MockHttpServletRequestBuilder newDataSetOf(String whose) {
		return form("/incidents/{id}/reporting/data-sets", this.incident.getId()).param("whose", whose);
	}

	private MockHttpServletRequestBuilder duty(long dutyId, String action) {
		return form("/incidents/{id}/reporting/duties/{d}/" + action, this.incident.getId(), dutyId);
	}

	private MockHttpServletRequestBuilder announcement(long announcementId, String action) {
		return form("/incidents/{id}/reporting/announcements/{a}/" + action, this.incident.getId(), announcementId);
	}

	private MockHttpServletRequestBuilder draft() {
		return form("/incidents/{id}/reporting/announcements", this.incident.getId());
	}

	private MockHttpServletRequestBuilder inquiryDesk() {
		return form("/incidents/{id}/reporting/inquiry-desk", this.incident.getId());
	}

	/** A form sent by the security lead, with the case's version as the page had it. */
	private MockHttpServletRequestBuilder form(String path, Object... variables) {
		return formBy(this.lead.getUsername(), path, variables);
	}

	private MockHttpServletRequestBuilder formBy(String username, String path, Object... variables) {
		return post(path, variables).with(csrf())
			.with(this.users.signedIn(username))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(caseVersion()));
	}

	private ReportingCase reportingCase() {
		return this.reporting.caseFor(this.incident.getId(), this.leadActor);
	}

	private long caseVersion() {
		return reportingCase().getVersion();
	}

	private long duty(DutyType type) {
		return reportingCase().applicableDuties()
			.stream()
			.filter(d -> d.getType() == type)
			.findFirst()
			.map(Duty::getId)
			.orElseThrow();
	}

}
