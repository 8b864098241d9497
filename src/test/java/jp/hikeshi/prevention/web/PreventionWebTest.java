package jp.hikeshi.prevention.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionPlan;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.prevention.RootCause;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Each form of the prevention plan, refused: the page comes back (200) with the message next to
 * the field it concerns, its arguments filled in, everything typed still in the inputs, and
 * nothing saved. The "done" buttons with their day beside them are such forms too, on the plan
 * and on the list of open measures.
 */
@IntegrationTest
class PreventionWebTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	PreventionService prevention;

	@Autowired
	MessageSource messages;

	UserAccount lead;

	Actor leadActor;

	UserAccount owner;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.leadActor = new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.owner = this.users.create(Role.RESPONDER);
		this.incident = this.incidents.report(new Incident.Report(null, "社外秘の資料を誤って公開した", null, null, null, null,
				null), new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	// --- the root cause ---

	@Test
	void theRootCauseIsSavedAndTheTimelineSaysSo() throws Exception {
		this.mvc.perform(rootCauses("0").param("causes", "MISCONFIGURATION", "HUMAN_ERROR").param("note", "公開範囲の設定を確認しなかった"))
			.andExpect(redirectedUrl("/incidents/" + this.incident + "/prevention-plan"))
			.andExpect(flash().attribute("notice", Notice.of("rootCauses.saved")));

		PreventionPlan plan = plan();
		assertThat(plan.rootCauses()).containsExactly(RootCause.MISCONFIGURATION, RootCause.HUMAN_ERROR);
		assertThat(plan.rootCauseNote()).isEqualTo("公開範囲の設定を確認しなかった");
		String page = page();
		assertThat(checkbox(page, "MISCONFIGURATION")).contains("checked");
		assertThat(checkbox(page, "UNKNOWN")).doesNotContain("checked");
		assertThat(text(page, "note")).isEqualTo("公開範囲の設定を確認しなかった");
	}

	@Test
	void aTooLongExplanationComesBackNextToItsFieldWithTheCausesChosen() throws Exception {
		String typed = "設定".repeat(2001);
		String page = refused(rootCauses("0").param("causes", "THIRD_PARTY").param("note", typed));

		assertThat(text(page, "note-error")).isEqualTo(say("Size", null, "note", 4000, 0)).contains("4,000");
		assertThat(tag(page, "note")).contains("aria-invalid=\"true\"").contains("aria-describedby=\"note-error\"");
		assertThat(text(page, "note")).isEqualTo(typed);
		assertThat(checkbox(page, "THIRD_PARTY")).contains("checked");
		assertThat(checkbox(page, "INSIDER")).doesNotContain("checked");
		assertThat(plan().rootCauses()).isEmpty();
		assertThat(plan().rootCauseNote()).isNull();
	}

	@Test
	void anExplanationWithControlCharactersIsRefusedNextToIt() throws Exception {
		String page = refused(rootCauses("0").param("note", "説明\u202Eです"));

		assertThat(text(page, "note-error")).isEqualTo(say("PlainText"));
		assertThat(plan().rootCauseNote()).isNull();
	}

	@Test
	void aStalePlanIsToldWithWhatWasTypedKept() throws Exception {
		this.prevention.recordRootCauses(this.incident, this.leadActor,
				new PreventionService.RootCauses(Set.of(RootCause.UNKNOWN), null, 0));

		String page = refused(rootCauses("0").param("causes", "INSIDER").param("note", "退職者のアカウントが残っていた"));

		assertThat(page).contains(say("form.changedMeanwhile"));
		assertThat(checkbox(page, "INSIDER")).contains("checked");
		assertThat(text(page, "note")).isEqualTo("退職者のアカウントが残っていた");
		assertThat(plan().rootCauses()).containsExactly(RootCause.UNKNOWN);
	}

	// --- a new measure ---

	@Test
	void aMeasureIsAddedAndShown() throws Exception {
		this.mvc.perform(measure("TRAINING", "公開前の確認手順を全員に教える", this.owner.getUsername(), TODAY.plusDays(30).toString()))
			.andExpect(redirectedUrl("/incidents/" + this.incident + "/prevention-plan"))
			.andExpect(flash().attribute("notice", Notice.of("measure.added")));

		assertThat(plan().measures()).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo(Measure.Kind.TRAINING);
			assertThat(m.owner()).isEqualTo(this.owner.getUsername());
		});
		assertThat(page()).contains("公開前の確認手順を全員に教える");
	}

	@Test
	void aMeasureWithoutOwnerComesBackWithEverythingTyped() throws Exception {
		String due = TODAY.plusDays(10).toString();
		String page = refused(measure("TECHNICAL", "公開範囲の既定値を社内限定にする", null, due));

		assertThat(text(page, "owner-error")).isEqualTo(say("measure.ownerRequired"));
		assertThat(tag(page, "owner")).contains("aria-invalid=\"true\"").contains("aria-describedby=\"owner-error\"");
		assertThat(selected(page, "kind")).isEqualTo("TECHNICAL");
		assertThat(text(page, "description")).isEqualTo("公開範囲の既定値を社内限定にする");
		assertThat(attribute(tag(page, "dueOn"), "value")).isEqualTo(due);
		assertThat(plan().measures()).isEmpty();
	}

	@Test
	void aDueDateTooFarOutSaysHowFarItMayBe() throws Exception {
		String page = refused(measure("RULES", "資料公開の承認規程", this.owner.getUsername(), TODAY.plusYears(6).toString()));

		assertThat(text(page, "dueOn-error")).isEqualTo(say("measure.dueOnInvalid", null, 5))
			.contains("5")
			.doesNotContain("{0}");
		assertThat(tag(page, "dueOn")).contains("aria-invalid=\"true\"").contains("aria-describedby=\"dueOn-error\"");
		assertThat(selected(page, "owner")).isEqualTo(this.owner.getUsername());
		assertThat(plan().measures()).isEmpty();

		String english = refused(measure("RULES", "資料公開の承認規程", this.owner.getUsername(), TODAY.plusYears(6).toString())
			.header("Accept-Language", "en"));
		assertThat(text(english, "dueOn-error")).isEqualTo(say("measure.dueOnInvalid", Locale.ENGLISH, 5)).contains("5");
	}

	@Test
	void lettersInTheDueDateComeBackAsTypedNextToTheField() throws Exception {
		String page = refused(measure("RULES", "資料公開の承認規程", this.owner.getUsername(), "来月末"));

		assertThat(text(page, "dueOn-error")).isEqualTo(say("typeMismatch"));
		assertThat(attribute(tag(page, "dueOn"), "value")).isEqualTo("来月末");
		assertThat(selected(page, "kind")).isEqualTo("RULES");
		assertThat(selected(page, "owner")).isEqualTo(this.owner.getUsername());
		assertThat(text(page, "description")).isEqualTo("資料公開の承認規程");
		assertThat(plan().measures()).isEmpty();
	}

	@Test
	void anUnknownKindIsToldAtItsFieldWithTheRestKept() throws Exception {
		String page = refused(measure("SOMETHING", "資料公開の承認規程", this.owner.getUsername(), TODAY.toString()));

		assertThat(text(page, "kind-error")).isEqualTo(say("typeMismatch"));
		assertThat(tag(page, "kind")).contains("aria-invalid=\"true\"");
		assertThat(text(page, "description")).isEqualTo("資料公開の承認規程");
		assertThat(selected(page, "owner")).isEqualTo(this.owner.getUsername());
		assertThat(plan().measures()).isEmpty();
	}

	@Test
	void anOverlongDescriptionIsToldAtItsFieldWithTheLimit() throws Exception {
		String page = refused(measure("RULES", "x".repeat(1001), this.owner.getUsername(), TODAY.toString()));

		assertThat(text(page, "description-error")).isEqualTo(say("Size", null, "description", 1000, 0))
			.contains("1,000");
		assertThat(text(page, "description")).isEqualTo("x".repeat(1001));
		assertThat(selected(page, "kind")).isEqualTo("RULES");
		assertThat(plan().measures()).isEmpty();
	}

	@Test
	void theExecutiveIsToldOnTheFormThatOnlyTheTeamRecordsThePlan() throws Exception {
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		String page = this.mvc
			.perform(post("/incidents/{id}/measures", this.incident).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(executive.getUsername()))
				.param("kind", "RULES")
				.param("description", "規程の改定")
				.param("owner", this.owner.getUsername())
				.param("dueOn", TODAY.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains(say("incident.guard.notOnTeam"));
		assertThat(text(page, "description")).isEqualTo("規程の改定");
		assertThat(plan().measures()).isEmpty();
	}

	// --- the buttons with a date: mark done ---

	@Test
	void aMeasureMarkedDoneOnABadDayComesBackBesideItsDay() throws Exception {
		long id = this.prevention.addMeasure(this.incident, this.leadActor, new PreventionService.NewMeasure(
				Measure.Kind.RULES, "資料公開の承認規程", this.owner.getUsername(), TODAY.plusDays(30)));
		String tomorrow = TODAY.plusDays(1).toString();

		MvcResult future = this.mvc.perform(done("/incidents/{i}/measures/{m}/done", id, this.lead.getUsername(), tomorrow))
			.andExpect(status().isOk())
			.andExpect(view().name("prevention/plan"))
			.andExpect(model().attributeHasFieldErrorCode("doneForm", "doneOn", "measure.doneOnInvalid"))
			.andReturn();
		FormPage page = FormPage.of(future);
		assertThat(page.errorAt("done-" + id)).isEqualTo(said(future, "doneOn"))
			.isEqualTo(this.messages.getMessage("measure.doneOnInvalid", null, Locale.JAPANESE));
		assertThat(page.valueOf("done-" + id)).isEqualTo(tomorrow);
		assertThat(page.html()).doesNotContain("{0}");

		MvcResult letters = this.mvc.perform(done("/incidents/{i}/measures/{m}/done", id, this.lead.getUsername(), "明日"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("doneForm", "doneOn", "typeMismatch"))
			.andReturn();
		assertThat(FormPage.of(letters).errorAt("done-" + id)).isEqualTo(said(letters, "doneOn"));
		assertThat(FormPage.of(letters).valueOf("done-" + id)).isEqualTo("明日");
		assertThat(plan().planned()).hasSize(1);
		assertThat(plan().done()).isEmpty();
	}

	@Test
	void markingDoneFromTheListOfOpenMeasures() throws Exception {
		long id = this.prevention.addMeasure(this.incident, this.leadActor, new PreventionService.NewMeasure(
				Measure.Kind.RULES, "資料公開の承認規程", this.owner.getUsername(), TODAY.plusDays(30)));

		MvcResult letters = this.mvc.perform(done("/measures/{i}/{m}/done", id, this.owner.getUsername(), "明日"))
			.andExpect(status().isOk())
			.andExpect(view().name("prevention/measures"))
			.andExpect(model().attributeHasFieldErrorCode("doneForm", "doneOn", "typeMismatch"))
			.andReturn();
		assertThat(FormPage.of(letters).errorAt("done-" + id)).isEqualTo(said(letters, "doneOn"));
		assertThat(FormPage.of(letters).valueOf("done-" + id)).isEqualTo("明日");

		String tomorrow = TODAY.plusDays(1).toString();
		MvcResult future = this.mvc.perform(done("/measures/{i}/{m}/done", id, this.owner.getUsername(), tomorrow))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("doneForm", "doneOn", "measure.doneOnInvalid"))
			.andReturn();
		assertThat(FormPage.of(future).errorAt("done-" + id))
			.isEqualTo(this.messages.getMessage("measure.doneOnInvalid", null, Locale.JAPANESE));
		assertThat(FormPage.of(future).valueOf("done-" + id)).isEqualTo(tomorrow);
		assertThat(plan().planned()).hasSize(1);
		assertThat(plan().done()).isEmpty();

		this.mvc.perform(done("/measures/{i}/{m}/done", id, this.owner.getUsername(), TODAY.toString()))
			.andExpect(redirectedUrl("/measures"))
			.andExpect(flash().attribute("notice", Notice.of("measure.done")));
		MvcResult twice = this.mvc
			.perform(done("/incidents/{i}/measures/{m}/done", id, this.lead.getUsername(), TODAY.toString()))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(FormPage.of(twice).globalErrors())
			.containsExactly(this.messages.getMessage("measure.alreadyDone", null, Locale.JAPANESE));
		assertThat(plan().done()).singleElement()
			.satisfies(m -> assertThat(m.doneBy()).isEqualTo(this.owner.getUsername()));
	}

	/** The message the reader was meant to see for this field of the "done" form, arguments filled in. */
	private String said(MvcResult result, String field) {
		BindingResult errors = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + "doneForm");
		return this.messages.getMessage(errors.getFieldError(field), Locale.JAPANESE);
	}

	// --- helpers ---

	private MockHttpServletRequestBuilder rootCauses(String version) {
		return post("/incidents/{id}/root-causes", this.incident).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.param("version", version);
	}

	private MockHttpServletRequestBuilder measure(String kind, String description, String owner, String dueOn) {
		MockHttpServletRequestBuilder request = post("/incidents/{id}/measures", this.incident)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()))
			.param("kind", kind)
			.param("description", description)
			.param("dueOn", dueOn);
		return (owner == null) ? request : request.param("owner", owner);
	}

	private MockHttpServletRequestBuilder done(String path, long measure, String who, String doneOn) {
		return post(path, this.incident, measure).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(who))
			.param("doneOn", doneOn);
	}

	/** Posts a form that must be refused: the page again, 200. */
	private String refused(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String page() throws Exception {
		return this.mvc
			.perform(get("/incidents/{id}/prevention-plan", this.incident).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private PreventionPlan plan() {
		return this.prevention.plan(this.incident, this.leadActor);
	}

	private String say(String code) {
		return say(code, null);
	}

	/** The message as the page renders it, HTML-escaped as Thymeleaf escapes text. */
	private String say(String code, Locale locale, Object... args) {
		return escape(this.messages.getMessage(code, args, (locale == null) ? Locale.JAPANESE : locale));
	}

	/** The opening tag of the element with this id. */
	private static String tag(String html, String id) {
		Matcher matcher = Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
		assertThat(matcher.find()).as("an element with the id " + id).isTrue();
		return matcher.group();
	}

	/** The text of the element with this id, as it is in the HTML (entities left as they are). */
	private static String text(String html, String id) {
		int start = html.indexOf(tag(html, id)) + tag(html, id).length();
		return html.substring(start, html.indexOf('<', start)).strip();
	}

	private static String attribute(String tag, String name) {
		Matcher matcher = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The value of the option selected in the select with this id. */
	private static String selected(String html, String id) {
		int start = html.indexOf(tag(html, id));
		String select = html.substring(start, html.indexOf("</select>", start));
		Matcher matcher = Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected").matcher(select);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** The root-cause checkbox of this value. */
	private static String checkbox(String html, String value) {
		Matcher matcher = Pattern.compile("<input[^>]*type=\"checkbox\"[^>]*value=\"" + value + "\"[^>]*>").matcher(html);
		assertThat(matcher.find()).as("a checkbox for " + value).isTrue();
		return matcher.group();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
	}

}
