package jp.hikeshi.investigation.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.investigation.Investigation;
import jp.hikeshi.investigation.Investigation.Remediation;
import jp.hikeshi.investigation.InvestigationCommands.RecordRemediation;
import jp.hikeshi.investigation.InvestigationService;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.shared.web.Refusals;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every form of the investigation page, refused: the page comes back (200) with the error
 * beside the field, its argument filled in, everything typed still there, and nothing saved.
 */
@IntegrationTest
class InvestigationWebTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	InvestigationService investigation;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	UserAccount lead;

	UserAccount owner;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.owner = this.users.create(Role.RESPONDER);
		this.incident = this.incidents.report(new Incident.Report(null, "VPN経由の不正アクセス", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void thePageShowsThePublicDesksAndTheFormsFilledAsSaved() throws Exception {
		this.mvc.perform(get("/incidents/{id}/investigation", this.incident).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"tel:0364579849\">03-6457-9849</a>")))
			.andExpect(content().string(containsString("value=\"" + TODAY + "\"")));
	}

	@Test
	void fiveW1HWithADateThatIsNoDateComesBackAsTypedAndSavesNothing() throws Exception {
		MvcResult result = this.mvc.perform(send("facts").param("version", String.valueOf(version()))
				.param("when", "11/20 深夜から")
				.param("why", "<script>古いファームウェア</script>")
				.param("how", "既知の脆弱性\r\nを悪用")
				.param("startedOn", "先週の金曜"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("facts", "startedOn", "typeMismatch"))
			.andReturn();
		FormPage page = FormPage.of(result);
		assertThat(page.errorAt("startedOn")).isEqualTo(said(result, "facts", "startedOn"));
		assertThat(page.valueOf("startedOn")).isEqualTo("先週の金曜");
		assertThat(page.valueOf("when")).isEqualTo("11/20 深夜から");
		assertThat(page.valueOf("why")).isEqualTo("<script>古いファームウェア</script>");
		assertThat(page.html()).doesNotContain("<script>古い");
		assertThat(page.valueOf("how")).isEqualTo("既知の脆弱性\r\nを悪用");
		assertThat(saved().facts().when()).isNull();
		assertThat(saved().facts().why()).isNull();

		MvcResult tooLong = this.mvc.perform(send("facts").param("version", String.valueOf(version()))
				.param("who", "不明な第三者" + "x".repeat(1000)))
			.andExpect(model().attributeHasFieldErrorCode("facts", "who", "Size"))
			.andReturn();
		assertThat(FormPage.of(tooLong).errorAt("who")).isEqualTo(said(tooLong, "facts", "who")).contains("1,000");

		MvcResult future = this.mvc.perform(send("facts").param("version", String.valueOf(version()))
				.param("when", "来月から")
				.param("startedOn", TODAY.plusDays(3).toString()))
			.andExpect(model().attributeHasFieldErrorCode("facts", "startedOn", "investigation.startedAfterRecovery"))
			.andReturn();
		assertThat(FormPage.of(future).errorAt("startedOn")).isEqualTo(said(future, "facts", "startedOn"));
		assertThat(FormPage.of(future).valueOf("startedOn")).isEqualTo(TODAY.plusDays(3).toString());
		assertThat(saved().facts().when()).isNull();
	}

	/** Every 5W1H field at the longest its form allows is saved whole; one more is refused as typed. */
	@Test
	void fiveW1HTakesTheLongestEachFieldAllowsAndRefusesOneMore() throws Exception {
		java.util.Map<String, Integer> limits = new java.util.LinkedHashMap<>();
		for (java.lang.reflect.RecordComponent field : InvestigationForms.FactsForm.class.getRecordComponents()) {
			jakarta.validation.constraints.Size size = InvestigationForms.FactsForm.class.getDeclaredField(field.getName())
				.getAnnotation(jakarta.validation.constraints.Size.class);
			if (size != null) {
				limits.put(field.getName(), size.max());
			}
		}
		assertThat(limits).hasSize(7);
		MockHttpServletRequestBuilder longest = send("facts").param("version", String.valueOf(version()));
		limits.forEach((field, max) -> longest.param(field, "長".repeat(max)));
		this.mvc.perform(longest).andExpect(redirectedUrl("/incidents/" + this.incident + "/investigation"));
		Object facts = saved().facts();
		for (java.util.Map.Entry<String, Integer> limit : limits.entrySet()) {
			assertThat((String) facts.getClass().getMethod(limit.getKey()).invoke(facts)).as(limit.getKey())
				.hasSize(limit.getValue());
		}

		MockHttpServletRequestBuilder tooLong = send("facts").param("version", String.valueOf(version()));
		limits.forEach((field, max) -> tooLong.param(field, "短".repeat(max + 1)));
		MvcResult refused = this.mvc.perform(tooLong).andExpect(status().isOk()).andReturn();
		FormPage page = FormPage.of(refused);
		for (java.util.Map.Entry<String, Integer> limit : limits.entrySet()) {
			assertThat(page.errorAt(limit.getKey())).isEqualTo(said(refused, "facts", limit.getKey()));
			assertThat(page.valueOf(limit.getKey())).isEqualTo("短".repeat(limit.getValue() + 1));
		}
		assertThat(saved().facts().when()).isEqualTo("長".repeat(limits.get("when")));
	}

	@Test
	void fiveW1HFromAStalePageKeepsWhatWasTypedAndCanBeSentAgain() throws Exception {
		long seen = version();
		this.incidents.updateCauseAndSystems(this.incident, seen, lead(), "誰かが先に書いた原因", null);
		MvcResult stale = this.mvc.perform(send("facts").param("version", String.valueOf(seen))
				.param("why", "古い画面から"))
			.andExpect(status().isOk())
			.andReturn();
		FormPage page = FormPage.of(stale);
		assertThat(page.globalErrors()).containsExactly(said(stale, "facts", "incident.changedMeanwhile"));
		assertThat(page.valueOf("why")).isEqualTo("古い画面から");
		assertThat(saved().facts().why()).isEqualTo("誰かが先に書いた原因");
		assertThat(page.html()).as("sent again, it applies to the incident as it is now")
			.containsPattern("<input type=\"hidden\" name=\"version\" value=\"" + version() + "\">");

		this.mvc.perform(send("facts").param("version", String.valueOf(version())).param("why", "古い画面から"))
			.andExpect(redirectedUrl("/incidents/" + this.incident + "/investigation"))
			.andExpect(flash().attribute("notice", Notice.of("investigation.saved")));
		assertThat(saved().facts().why()).isEqualTo("古い画面から");
	}

	@Test
	void aRepairWithoutAnOwnerComesBackWithWhatWasTyped() throws Exception {
		MvcResult result = this.mvc.perform(send("remediations").param("kind", "SETTINGS")
				.param("description", "VPNの管理画面を外部から閉じた")
				.param("doneOn", TODAY.toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("remediation", "owner", "remediation.ownerRequired"))
			.andReturn();
		FormPage page = FormPage.of(result);
		assertThat(page.errorAt("owner")).isEqualTo(said(result, "remediation", "owner"));
		assertThat(page.valueOf("kind")).isEqualTo("SETTINGS");
		assertThat(page.valueOf("description")).isEqualTo("VPNの管理画面を外部から閉じた");
		assertThat(page.valueOf("doneOn")).isEqualTo(TODAY.toString());

		MvcResult badKind = this.mvc.perform(send("remediations").param("kind", "MAGIC")
				.param("description", "何か")
				.param("owner", this.owner.getUsername()))
			.andExpect(model().attributeHasFieldErrorCode("remediation", "kind", "typeMismatch"))
			.andReturn();
		assertThat(FormPage.of(badKind).errorAt("kind")).isEqualTo(said(badKind, "remediation", "kind"));
		assertThat(FormPage.of(badKind).valueOf("owner")).isEqualTo(this.owner.getUsername());
		assertThat(saved().remediations()).isEmpty();
	}

	@Test
	void aRepairMarkedDoneOnABadDayOrTwiceIsRefusedBesideIt() throws Exception {
		this.investigation.addRemediation(this.incident, lead(), new RecordRemediation(Remediation.Kind.PATCH,
				"ファームウェア更新", this.owner.getUsername(), null));
		long id = saved().remediations().get(0).id();
		String done = "remediations/" + id + "/done";

		MvcResult future = this.mvc.perform(send(done).param("doneOn", TODAY.plusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("completion", "doneOn", "investigation.dateInvalid"))
			.andReturn();
		assertThat(FormPage.of(future).errorAt("rdone-" + id)).isEqualTo(said(future, "completion", "doneOn"));
		assertThat(FormPage.of(future).valueOf("rdone-" + id)).isEqualTo(TODAY.plusDays(1).toString());

		MvcResult letters = this.mvc.perform(send(done).param("doneOn", "昨日"))
			.andExpect(model().attributeHasFieldErrorCode("completion", "doneOn", "typeMismatch"))
			.andReturn();
		assertThat(FormPage.of(letters).valueOf("rdone-" + id)).isEqualTo("昨日");
		assertThat(saved().remediations().get(0).doneOn()).isNull();

		this.mvc.perform(send(done).param("doneOn", TODAY.toString()))
			.andExpect(flash().attribute("notice", Notice.of("remediation.done")));
		MvcResult twice = this.mvc.perform(send(done).param("doneOn", TODAY.toString()))
			.andExpect(status().isOk())
			.andReturn();
		String alreadyDone = said(twice, "completion", "remediation.alreadyDone");
		assertThat(alreadyDone).contains(TODAY.getYear() + "年" + TODAY.getMonthValue() + "月" + TODAY.getDayOfMonth() + "日");
		assertThat(FormPage.of(twice).globalErrors()).containsExactly(alreadyDone);
		assertThat(FormPage.of(twice).html()).doesNotContain("{0}");
	}

	@Test
	void helpAskedWithControlCharactersComesBackWithWhatWasTyped() throws Exception {
		MvcResult result = this.mvc.perform(send("help").param("helper", "保守ベンダー")
				.param("askedOn", TODAY.toString())
				.param("request", "調\u0007査")
				.param("advice", "ログを保全するよう助言"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("help", "request", "PlainText"))
			.andReturn();
		FormPage page = FormPage.of(result);
		assertThat(page.errorAt("request")).isEqualTo(said(result, "help", "request"));
		assertThat(page.valueOf("helper")).isEqualTo("保守ベンダー");
		assertThat(page.valueOf("askedOn")).isEqualTo(TODAY.toString());
		assertThat(page.valueOf("advice")).isEqualTo("ログを保全するよう助言");

		MvcResult nobody = this.mvc.perform(send("help").param("askedOn", TODAY.toString()).param("request", "調査依頼"))
			.andExpect(model().attributeHasFieldErrorCode("help", "helper", "help.helperRequired"))
			.andReturn();
		assertThat(FormPage.of(nobody).errorAt("helper")).isEqualTo(said(nobody, "help", "helper"));
		assertThat(FormPage.of(nobody).valueOf("request")).isEqualTo("調査依頼");
		assertThat(saved().help()).isEmpty();
	}

	@Test
	void aReportToTheExecutiveDatedInTheFutureComesBackWithWhatWasTyped() throws Exception {
		MvcResult result = this.mvc.perform(send("executive-reports").param("reportedOn", TODAY.plusDays(1).toString())
				.param("summary", "被害範囲は経理部のみと判明"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("report", "reportedOn", "investigation.dateInvalid"))
			.andReturn();
		FormPage page = FormPage.of(result);
		assertThat(page.errorAt("reportedOn")).isEqualTo(said(result, "report", "reportedOn"));
		assertThat(page.valueOf("reportedOn")).isEqualTo(TODAY.plusDays(1).toString());
		assertThat(page.valueOf("summary")).isEqualTo("被害範囲は経理部のみと判明");
		assertThat(saved().reports()).isEmpty();

		this.mvc.perform(send("executive-reports").param("reportedOn", TODAY.toString()).param("summary", "報告した"))
			.andExpect(flash().attribute("notice", Notice.of("executiveReport.added")));
		assertThat(saved().reports()).singleElement()
			.satisfies(report -> assertThat(report.summary()).isEqualTo("報告した"));
	}

	/** The message the reader was meant to see for this field (or global error code), arguments filled in. */
	private String said(MvcResult result, String form, String fieldOrCode) {
		BindingResult errors = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + form);
		FieldError field = errors.getFieldError(fieldOrCode);
		ObjectError error = (field != null) ? field
				: errors.getGlobalErrors().stream().filter(e -> fieldOrCode.equals(e.getCode())).findFirst().orElseThrow();
		return this.messages.getMessage(error, Locale.JAPANESE);
	}

	private Investigation saved() {
		return this.investigation.of(this.incident, lead());
	}

	private long version() {
		return this.incidents.find(this.incident, lead()).getVersion();
	}

	private Actor lead() {
		return new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
	}

	private MockHttpServletRequestBuilder send(String form) {
		return post("/incidents/{id}/investigation/" + form, this.incident)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()));
	}

}
