package jp.hikeshi.reporting.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.Facts;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.shared.web.Notice;
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
 * The reporting page's answers to bad input: the page comes back with the message next to the
 * field it concerns, its arguments filled in, everything typed still there, and nothing saved.
 * A button with a date beside it is such a form; buttons on their own say why at the top of the
 * page.
 */
@IntegrationTest
class ReportingWebTest {

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
	MessageSource messages;

	UserAccount lead;

	Actor leadActor;

	Incident incident;

	LocalDate discovered;

	/** Owes two reports, IPA and the police: two filing forms on the page. */
	@BeforeEach
	void anEscalatedUnauthorisedAccess() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.leadActor = new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.incident = this.incidents.report(new Incident.Report(null, "会員サイトへの不正アクセス", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(this.incident.getId(), 0, this.leadActor);
		this.incidents.escalate(this.incident.getId(), this.incidents.find(this.incident.getId(), this.leadActor)
			.getVersion(), this.leadActor, Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS, Severity.HIGH, null);
		this.discovered = LocalDate.ofInstant(this.incident.getDiscoveredAt(), TOKYO);
		assertThat(reportingCase().applicableDuties()).extracting(Duty::getType)
			.containsExactly(DutyType.IPA, DutyType.POLICE);
	}

	// --- the facts ---

	/** The page offers each person only what the service would let them do. */
	@Test
	void thePageOffersTheLeadTheDecisionsAndTheExecutiveOnlyTheApprovals() throws Exception {
		String page = "/incidents/" + this.incident.getId() + "/reporting";
		this.mvc.perform(get(page).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/reporting/facts\"")))
			.andExpect(content().string(containsString("/file\"")));
		this.mvc.perform(get(page).with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/reporting/facts\""))))
			.andExpect(content().string(not(containsString("/file\""))));
	}

	@Test
	void factsThatAreNotANumberComeBackAsTyped() throws Exception {
		ReportingCase before = reportingCase();
		Html page = refused(facts().param("personalData", "YES")
			.param("peopleCount", "many")
			.param("financialData", "true")
			.param("dataItems", "氏名、<b>カード番号</b>"));

		assertThat(page.id("peopleCount-error").text()).isEqualTo(say("typeMismatch"));
		assertThat(page.id("peopleCount").value()).isEqualTo("many");
		assertThat(page.id("peopleCount").attribute("aria-invalid")).isEqualTo("true");
		assertThat(page.id("peopleCount").attribute("aria-describedby")).isEqualTo("peopleCount-error");
		assertThat(page.named("personalData")).filteredOn(Html.Element::checked)
			.extracting(Html.Element::value)
			.containsExactly("YES");
		assertThat(page.named("financialData")).filteredOn(e -> "checkbox".equals(e.attribute("type")))
			.singleElement()
			.satisfies(box -> assertThat(box.checked()).isTrue());
		assertThat(page.id("dataItems").value()).isEqualTo("氏名、<b>カード番号</b>");
		unchanged(before);
	}

	@Test
	void contradictoryFactsAreRefusedOnTheAnswerToCorrect() throws Exception {
		ReportingCase before = reportingCase();
		Html absurd = refused(facts().param("personalData", "YES").param("peopleCount", "-4"));
		assertThat(absurd.id("peopleCount-error").text())
			.isEqualTo(say("facts.peopleCountAbsurd", 0, Facts.MAX_PEOPLE))
			.contains("100,000,000");
		assertThat(absurd.id("peopleCount").value()).isEqualTo("-4");

		Html countWithoutData = refused(facts().param("personalData", "NO").param("peopleCount", "30"));
		assertThat(countWithoutData.id("peopleCount-error").text()).isEqualTo(say("facts.countWithoutPersonalData"));
		assertThat(countWithoutData.id("peopleCount").value()).isEqualTo("30");

		Html kindsWithoutData = refused(facts().param("personalData", "NO").param("sensitiveData", "true"));
		assertThat(kindsWithoutData.id("personalData-error").text()).isEqualTo(say("facts.kindsWithoutPersonalData"));

		Html clientInformed = refused(facts().param("personalData", "UNKNOWN").param("clientInformed", "true"));
		assertThat(clientInformed.id("clientInformed-error").text()).isEqualTo(say("facts.clientInformedWithoutClient"));
		assertThat(clientInformed.named("clientInformed")).filteredOn(Html.Element::checked).hasSize(1);

		Html noAnswer = refused(facts().param("personalData", "PERHAPS"));
		assertThat(noAnswer.id("personalData-error").text()).isEqualTo(say("typeMismatch"));
		unchanged(before);
	}

	@Test
	void factsChangedMeanwhileKeepWhatWasTypedAndCanBeSentAgain() throws Exception {
		long stale = caseVersion();
		this.reporting.updateInquiryDesk(this.incident.getId(), stale, this.leadActor, null, "総務部", 0);
		ReportingCase before = reportingCase();

		Html page = refused(post("/incidents/{id}/reporting/facts", this.incident.getId()).with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(stale))
			.param("personalData", "YES")
			.param("peopleCount", "1200"));
		assertThat(page.named("version")).extracting(Html.Element::value).containsOnly(String.valueOf(caseVersion()));
		assertThat(page.id("peopleCount").value()).isEqualTo("1200");
		assertThat(page.id("peopleCount").attribute("aria-invalid")).isNull();
		assertThat(pageText(page)).contains(say("form.changedMeanwhile"));
		unchanged(before);
	}

	@Test
	void factsAcceptedRedirectBackWithANotice() throws Exception {
		this.mvc.perform(facts().param("personalData", "YES").param("peopleCount", "1200").param("financialData", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/incidents/" + this.incident.getId() + "/reporting"))
			.andExpect(flash().attribute("notice", Notice.of("reporting.facts.saved")));
		assertThat(reportingCase().getFacts().peopleCount()).isEqualTo(1200);
	}

	// --- a filing, next to the duty it concerns ---

	@Test
	void aRefusedFilingShowsItsErrorNextToThatDutysForm() throws Exception {
		long ipa = duty(DutyType.IPA);
		long police = duty(DutyType.POLICE);
		ReportingCase before = reportingCase();

		Html early = refused(duty(police, "file").param("filedOn", this.discovered.minusDays(3).toString())
			.param("filingReference", "警-2026-1"));
		assertThat(early.id("filedOn-" + police + "-error").text()).isEqualTo(say("duty.filedBeforeDiscovery"));
		assertThat(early.id("filedOn-" + police).value()).isEqualTo(this.discovered.minusDays(3).toString());
		assertThat(early.id("filedOn-" + police).attribute("aria-describedby")).isEqualTo("filedOn-" + police + "-error");
		assertThat(early.id("ref-" + police).value()).isEqualTo("警-2026-1");
		assertThat(early.byId("filedOn-" + ipa + "-error")).isEmpty();
		assertThat(early.id("filedOn-" + ipa).value()).isEmpty();
		assertThat(early.id("ref-" + ipa).value()).isEmpty();

		Html notADate = refused(duty(police, "file").param("filedOn", "明日").param("filingReference", "警-2026-1"));
		assertThat(notADate.id("filedOn-" + police + "-error").text()).isEqualTo(say("typeMismatch"));
		assertThat(notADate.id("filedOn-" + police).value()).isEqualTo("明日");
		assertThat(notADate.id("ref-" + police).value()).isEqualTo("警-2026-1");

		Html tooLong = refused(duty(police, "file").param("filedOn", this.discovered.toString())
			.param("filingReference", "R".repeat(Duty.MAX_REFERENCE_LENGTH + 1)));
		assertThat(tooLong.id("ref-" + police + "-error").text()).isEqualTo(sayField("Size", Duty.MAX_REFERENCE_LENGTH))
			.contains("100");
		assertThat(tooLong.id("ref-" + police).value()).isEqualTo("R".repeat(Duty.MAX_REFERENCE_LENGTH + 1));
		assertThat(tooLong.id("filedOn-" + police).value()).isEqualTo(this.discovered.toString());

		// a duty no longer on the page: the refusal stands at the top of the list
		Html gone = refused(duty(Long.MAX_VALUE, "file").param("filedOn", this.discovered.toString()));
		assertThat(pageText(gone)).contains(say("duty.unknown"));
		unchanged(before);
	}

	@Test
	void aRefusedWaiverShowsItsErrorNextToThatDutysReason() throws Exception {
		long ipa = duty(DutyType.IPA);
		long police = duty(DutyType.POLICE);
		ReportingCase before = reportingCase();

		Html blank = refused(duty(ipa, "waive").param("reason", "  "));
		assertThat(blank.id("reason-" + ipa + "-error").text()).isEqualTo(say("duty.waiverReasonRequired"));
		assertThat(blank.id("reason-" + ipa).attribute("aria-invalid")).isEqualTo("true");
		assertThat(blank.byId("reason-" + police + "-error")).isEmpty();

		String long1001 = "理由".repeat(500) + "。";
		Html tooLong = refused(duty(ipa, "waive").param("reason", long1001));
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

		Html again = refused(post("/incidents/{id}/reporting/duties/{d}/waive", this.incident.getId(), police).with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", String.valueOf(version))
			.param("reason", "やはり不要"));
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
		Html notApproved = refused(announcement(announcement, "publish").param("publishedOn", this.discovered.toString()));
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

		Html letters = refused(announcement(announcement, "publish").param("publishedOn", "昨日"));
		assertThat(letters.id(field + "-error").text()).isEqualTo(say("typeMismatch"));
		assertThat(letters.id(field).value()).isEqualTo("昨日");
		assertThat(letters.id(field).attribute("aria-invalid")).isEqualTo("true");
		assertThat(letters.id(field).attribute("aria-describedby")).isEqualTo(field + "-error");

		String early = this.discovered.minusDays(1).toString();
		Html tooEarly = refused(announcement(announcement, "publish").param("publishedOn", early));
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
		Html page = refused(draft().param("kind", "FIRST").param("draft", tooLong), "reporting/text");
		assertThat(page.id("draft-error").text()).isEqualTo(sayField("Size", 8000)).contains("8,000");
		assertThat(page.id("draft").value()).isEqualTo(tooLong);
		assertThat(page.id("draft").attribute("aria-describedby")).isEqualTo("draft-error");

		Html blank = refused(draft().param("kind", "FINAL").param("draft", " \n "), "reporting/text");
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
		Html early = refused(inquiryDesk().param("openedOn", this.discovered.minusDays(1).toString())
			.param("contact", "0120-000-000")
			.param("inquiries", "5"));
		assertThat(early.id("openedOn-error").text()).isEqualTo(say("inquiryDesk.openedOnInvalid"));
		assertThat(early.id("openedOn").value()).isEqualTo(this.discovered.minusDays(1).toString());
		assertThat(early.id("contact").value()).isEqualTo("0120-000-000");
		assertThat(early.id("inquiries").value()).isEqualTo("5");

		Html negative = refused(inquiryDesk().param("contact", "0120-000-000").param("inquiries", "-1"));
		assertThat(negative.id("inquiries-error").text())
			.isEqualTo(say("inquiryDesk.negative", 0, ReportingCase.MAX_INQUIRIES))
			.contains("10,000,000");
		assertThat(negative.id("inquiries").value()).isEqualTo("-1");

		Html notANumber = refused(inquiryDesk().param("contact", "0120-000-000").param("inquiries", "たくさん"));
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
	private Html refused(MockHttpServletRequestBuilder request) throws Exception {
		return refused(request, "reporting/page");
	}

	private Html refused(MockHttpServletRequestBuilder request, String page) throws Exception {
		String html = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(view().name(page))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("{0}", "{1}");
		return new Html(html);
	}

	/** The page's main content, markup and all. */
	private static String pageText(Html page) {
		return page.id("main").text();
	}

	private void unchanged(ReportingCase before) {
		ReportingCase now = reportingCase();
		assertThat(now.getVersion()).isEqualTo(before.getVersion());
		assertThat(now.getFacts()).isEqualTo(before.getFacts());
		assertThat(now.getDataItems()).isEqualTo(before.getDataItems());
		assertThat(now.getInquiryDeskContact()).isEqualTo(before.getInquiryDeskContact());
		assertThat(now.getInquiryDeskOpenedOn()).isEqualTo(before.getInquiryDeskOpenedOn());
		assertThat(now.getInquiryCount()).isEqualTo(before.getInquiryCount());
		assertThat(now.getAnnouncements()).hasSameSizeAs(before.getAnnouncements());
		assertThat(now.applicableDuties()).extracting(Duty::getState)
			.containsExactlyElementsOf(before.applicableDuties().stream().map(Duty::getState).toList());
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

	private MockHttpServletRequestBuilder facts() {
		return form("/incidents/{id}/reporting/facts", this.incident.getId());
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

	private MockHttpServletRequestBuilder form(String path, Object... variables) {
		return post(path, variables).with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
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
