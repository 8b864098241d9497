package jp.hikeshi.evidence.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Uploading and downloading evidence through the web layer, and the answers to upload abuse. */
@IntegrationTest
class EvidenceWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

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
			.andExpect(flash().attribute("notice", "evidence.collectedNotice"))
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
	void uploadAbuseIsExplained() throws Exception {
		this.mvc.perform(upload("empty.log", "").param("collectedFrom", "PC"))
			.andExpect(flash().attribute("problem", "evidence.empty"));
		this.mvc.perform(upload("photo.jpg", "plain text").param("collectedFrom", "PC"))
			.andExpect(flash().attribute("problem", "evidence.typeMismatch"));
		this.mvc.perform(upload("a.log", "line").param("collectedFrom", ""))
			.andExpect(flash().attribute("problem", "evidence.detailsInvalid"));
		this.mvc.perform(upload("a.log", "line").param("collectedFrom", "P\u0000C"))
			.andExpect(flash().attribute("problem", "evidence.detailsInvalid"));
		this.mvc.perform(upload("twice.log", "same").param("collectedFrom", "PC"))
			.andExpect(flash().attribute("notice", "evidence.collectedNotice"));
		this.mvc.perform(upload("again.log", "same").param("collectedFrom", "PC"))
			.andExpect(flash().attribute("problem", "evidence.duplicate"));
		this.mvc.perform(multipart("/incidents/{id}/evidence", this.incident)
				.file(new MockMultipartFile("file", "x.log", "text/plain", "x".getBytes()))
				.param("collectedFrom", "PC")
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isForbidden());
	}

	@Test
	void evidenceOfAnIncidentOneMayNotSeeDoesNotExist() throws Exception {
		this.mvc.perform(get("/incidents/{id}/evidence", this.incident).with(this.users.as(Role.RESPONDER)))
			.andExpect(status().isNotFound());
	}

	private MockMultipartHttpServletRequestBuilder upload(String name, String content) {
		return (MockMultipartHttpServletRequestBuilder) multipart("/incidents/{id}/evidence", this.incident)
			.file(new MockMultipartFile("file", name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8)))
			.with(csrf())
			.with(this.users.signedIn(this.lead.getUsername()));
	}

}
