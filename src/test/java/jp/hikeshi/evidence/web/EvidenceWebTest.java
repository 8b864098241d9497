package jp.hikeshi.evidence.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.evidence.Evidence;
import jp.hikeshi.evidence.EvidenceService;
import jp.hikeshi.evidence.NewEvidence;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence through the web layer: upload and download, and every form refused with its errors
 * beside its fields and what was typed still there, nothing saved; buttons answer with a notice.
 */
@IntegrationTest
class EvidenceWebTest {

	private static final byte[] LOG = "2026-11-28 09:12:01 sshd: Failed password for root\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	EvidenceService evidence;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	UserAccount lead;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.incident = this.incidents.report(new Incident.Report(null, "証拠のテスト", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void anUploadIsServedBackAsAnAttachmentWithItsHashChecked() throws Exception {
		String location = this.mvc.perform(upload("<img src=x onerror=alert(1)>.txt", "<script>alert(1)</script>")
				.param("collectedFrom", "SRV-01"))
			.andExpect(redirectedUrlPattern("/incidents/*/evidence/*"))
			.andExpect(flash().attribute("notice", Notice.of("evidence.collectedNotice")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(location).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;.txt")));
		this.mvc.perform(get(location + "/download").with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/octet-stream"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Evidence-Verified", "true"))
			.andExpect(content().bytes("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aRefusedUploadComesBackWithItsDetailsAndAsksForTheFileAgain() throws Exception {
		String from = "経理PC-03 " + "x".repeat(500);
		MvcResult tooLong = this.mvc.perform(upload("auth.log", "line\n")
				.param("collectedFrom", from)
				.param("description", "<b>午前9時</b>に取得"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("upload", "collectedFrom", "Size"))
			.andReturn();
		FormPage page = FormPage.of(tooLong);
		assertThat(page.errorAt("collectedFrom")).isEqualTo(said(tooLong, "upload", "collectedFrom")).contains("500");
		assertThat(page.valueOf("collectedFrom")).isEqualTo(from);
		assertThat(page.valueOf("description")).isEqualTo("<b>午前9時</b>に取得");
		assertThat(page.html()).doesNotContain("<b>午前9時</b>");
		assertThat(page.html()).as("the file must be chosen again, and the page says so")
			.contains(this.messages.getMessage("evidence.file.chooseAgain", new Object[] { 100L }, Locale.JAPANESE));

		MvcResult nowhere = this.mvc.perform(upload("auth.log", "line\n").param("description", "どこから？"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("upload", "collectedFrom", "evidence.collectedFromRequired"))
			.andReturn();
		assertThat(FormPage.of(nowhere).errorAt("collectedFrom")).isEqualTo(said(nowhere, "upload", "collectedFrom"));
		assertThat(FormPage.of(nowhere).valueOf("description")).isEqualTo("どこから？");

		MvcResult empty = this.mvc.perform(upload("empty.log", "").param("collectedFrom", "PC"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("upload", "file", "evidence.empty"))
			.andReturn();
		assertThat(FormPage.of(empty).errorAt("file")).isEqualTo(said(empty, "upload", "file"));
		assertThat(FormPage.of(empty).valueOf("collectedFrom")).isEqualTo("PC");

		this.mvc.perform(upload("photo.jpg", "plain text").param("collectedFrom", "PC"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("upload", "file", "evidence.typeMismatch"));
		this.mvc.perform(multipart("/incidents/{id}/evidence", this.incident)
				.file(new MockMultipartFile("file", "x.log", "text/plain", "x".getBytes()))
				.param("collectedFrom", "PC")
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isForbidden());
		assertThat(kept()).isZero();
	}

	@Test
	void aFileKeptAlreadyIsRefusedByTheNameItIsKeptUnder() throws Exception {
		this.mvc.perform(upload("first.log", "same content").param("collectedFrom", "PC"))
			.andExpect(flash().attribute("notice", Notice.of("evidence.collectedNotice")));
		MvcResult again = this.mvc.perform(upload("again.log", "same content").param("collectedFrom", "別のPC"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("upload", "file", "evidence.duplicate"))
			.andReturn();
		FormPage page = FormPage.of(again);
		assertThat(page.errorAt("file")).isEqualTo(said(again, "upload", "file")).contains("first.log");
		assertThat(page.html()).doesNotContain("{0}");
		assertThat(page.valueOf("collectedFrom")).isEqualTo("別のPC");
		assertThat(kept()).isOne();
	}

	@Test
	void aRefusedHandOverComesBackWithTheRecipientTyped() throws Exception {
		Evidence item = collect("handover.log");
		MvcResult blank = this.mvc.perform(form("handover", item).param("recipient", "   "))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("handOver", "recipient", "evidence.recipientRequired"))
			.andReturn();
		assertThat(FormPage.of(blank).errorAt("recipient")).isEqualTo(said(blank, "handOver", "recipient"));

		String recipient = "〇〇県警察 サイバー犯罪対策課 " + "あ".repeat(1000);
		MvcResult tooLong = this.mvc.perform(form("handover", item).param("recipient", recipient))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("handOver", "recipient", "Size"))
			.andReturn();
		assertThat(FormPage.of(tooLong).errorAt("recipient")).isEqualTo(said(tooLong, "handOver", "recipient"))
			.contains("1,000");
		assertThat(FormPage.of(tooLong).valueOf("recipient")).isEqualTo(recipient);
		assertThat(custody(item, "HANDED_OVER")).isZero();

		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		MvcResult done = browser.perform(form("handover", item).param("recipient", "〇〇県警察"))
			.andExpect(redirectedUrl("/incidents/" + this.incident + "/evidence/" + item.id()))
			.andExpect(flash().attribute("notice", Notice.of("evidence.handedOver", "〇〇県警察")))
			.andReturn();
		assertThat(custody(item, "HANDED_OVER")).isOne();
		browser.perform(get(done.getResponse().getRedirectedUrl()).with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(content().string(containsString(
					this.messages.getMessage("evidence.handedOver", new Object[] { "〇〇県警察" }, Locale.JAPANESE))));
	}

	@Test
	void aRefusedDeletionComesBackWithTheReasonAndDeletesNothing() throws Exception {
		Evidence item = collect("delete.log");
		MvcResult noReason = this.mvc.perform(form("delete", item).param("reason", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("deletion", "reason", "evidence.reasonRequired"))
			.andReturn();
		assertThat(FormPage.of(noReason).errorAt("reason")).isEqualTo(said(noReason, "deletion", "reason"));

		MvcResult control = this.mvc.perform(form("delete", item).param("reason", "誤って\u001b[31m保全"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("deletion", "reason", "PlainText"))
			.andReturn();
		assertThat(FormPage.of(control).errorAt("reason")).isEqualTo(said(control, "deletion", "reason"));

		MvcResult notLead = this.mvc.perform(post("/incidents/{id}/evidence/{e}/delete", this.incident, item.id())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("reason", "不要")
				.with(csrf())
				.with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(FormPage.of(notLead).globalErrors())
			.containsExactly(said(notLead, "deletion", "evidence.leadOnly"));

		this.evidence.hold(this.incident, item.id(), lead());
		MvcResult held = this.mvc.perform(form("delete", item).param("reason", "不要"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(FormPage.of(held).globalErrors()).containsExactly(said(held, "deletion", "evidence.onHold"));
		assertThat(this.evidence.find(this.incident, item.id(), lead()).isDeleted()).isFalse();
		assertThat(custody(item, "DELETED")).isZero();
	}

	@Test
	void buttonsAnswerWithANoticeOrTheReasonTheyWereRefused() throws Exception {
		Evidence item = collect("buttons.log");
		this.mvc.perform(form("verify", item)).andExpect(flash().attribute("notice", Notice.of("evidence.verified")));
		this.mvc.perform(post("/incidents/{id}/evidence/{e}/hold", this.incident, item.id())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.as(Role.EXECUTIVE)))
			.andExpect(flash().attribute("problem", Notice.of("evidence.leadOnly")));
		this.mvc.perform(form("hold", item)).andExpect(flash().attribute("notice", Notice.of("evidence.held")));

		this.jdbc.queryForObject("select lo_put(content_oid, 0, '\\x58'::bytea) from evidence where id = ?", Object.class,
				item.id());
		this.mvc.perform(form("verify", item))
			.andExpect(flash().attribute("problem", Notice.of("evidence.tampered")))
			.andExpect(flash().attribute("notice", (Object) null));
	}

	@Test
	void evidenceOfAnIncidentOneMayNotSeeDoesNotExist() throws Exception {
		this.mvc.perform(get("/incidents/{id}/evidence", this.incident).with(this.users.as(Role.RESPONDER)))
			.andExpect(status().isNotFound());
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

	private Evidence collect(String name) {
		return this.evidence.collect(this.incident, lead(), new NewEvidence(name, "SRV-01", null),
				new ByteArrayInputStream((name + "\n").getBytes(StandardCharsets.UTF_8)));
	}

	private Actor lead() {
		return new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
	}

	private long kept() {
		return this.jdbc.queryForObject("select count(*) from evidence where incident_id = ?", Long.class, this.incident);
	}

	private long custody(Evidence item, String action) {
		return this.jdbc.queryForObject("select count(*) from evidence_custody where evidence_id = ? and action = ?",
				Long.class, item.id(), action);
	}

	private MockHttpServletRequestBuilder form(String action, Evidence item) {
		return post("/incidents/{id}/evidence/{e}/" + action, this.incident, item.id())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()));
	}

	private MockMultipartHttpServletRequestBuilder upload(String name, String content) {
		return (MockMultipartHttpServletRequestBuilder) multipart("/incidents/{id}/evidence", this.incident)
			.file(new MockMultipartFile("file", name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()));
	}

}
