package jp.hikeshi.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The response policy: drafted by the lead, approved by the executive only, kept as approved;
 * its lines shown on the incident pages where the team is formed, the network cut and a
 * disclosure decided. The policy is one for the whole (shared) database: each test writes a
 * version with words of its own and looks for those.
 */
@IntegrationTest
class PolicyWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ResponsePolicy policy;

	@Autowired
	PolicyTemplate template;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	Actor lead;

	Actor executive;

	@BeforeEach
	void people() {
		this.lead = actor(this.users.create(Role.SECURITY_LEAD));
		this.executive = actor(this.users.create(Role.EXECUTIVE));
	}

	@Test
	void theExecutiveApprovesTheDraftTheLeadWroteAndTheApprovedVersionNeverChanges() throws Exception {
		String marker = "身代金は払わない（" + UUID.randomUUID() + "）";
		PolicyVersion draft = write(texts(marker));

		this.mvc.perform(approve(draft.getNumber(), draft.getVersion()).with(this.users.signedIn(this.lead.username())))
			.andExpect(status().isForbidden());
		this.mvc.perform(approve(draft.getNumber(), draft.getVersion() + 1).with(this.users.signedIn(this.executive.username())))
			.andExpect(status().isConflict());
		assertThat(this.policy.version(draft.getNumber()).orElseThrow().isApproved()).as("neither approved it").isFalse();

		this.mvc.perform(approve(draft.getNumber(), draft.getVersion()).with(this.users.signedIn(this.executive.username())))
			.andExpect(redirectedUrl("/preparedness/policy"))
			.andExpect(flash().attribute("notice", Notice.of("policy.approved", draft.getNumber())));

		PolicyVersion approved = this.policy.inForce().orElseThrow();
		assertThat(approved.getNumber()).isEqualTo(draft.getNumber());
		assertThat(approved.getApprovedBy()).isEqualTo(this.executive.username());
		assertThat(this.jdbc.queryForList("select action from audit_event where subject = ? order by id", String.class,
				"v" + approved.getNumber())).contains("POLICY_DRAFTED", "POLICY_APPROVED");
		assertThatThrownBy(() -> this.jdbc.update(
				"update response_policy_section set text = '払う' where policy_number = ? and section = 'RANSOM'",
				approved.getNumber())).as("an approved version is history").isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> this.jdbc.update("update response_policy_version set approved_by = 'someone' where number = ?",
				approved.getNumber())).isInstanceOf(DataAccessException.class);

		// everyone signed in reads it: who approved it, by display name, and the date in words
		String page = html(get("/preparedness/policy").with(this.users.as(Role.REPORTER)));
		assertThat(page).contains(marker, this.users.displayNameOf(this.executive.username()), "に承認")
			.doesNotContain(this.executive.username() + "）", "policy-draft-title");
		assertThat(page).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");

		// a new draft starts from it; the same words again are no new policy
		String form = html(get("/preparedness/policy/draft").with(this.users.signedIn(this.lead.username())));
		assertThat(form).contains(marker);
		PolicyVersion copy = write(texts(marker));
		assertThat(copy.getNumber()).isGreaterThan(approved.getNumber());
		this.mvc.perform(approve(copy.getNumber(), copy.getVersion()).with(this.users.signedIn(this.executive.username())))
			.andExpect(flash().attribute("problem", Notice.of("policy.approve.unchanged", approved.getNumber())));
		assertThat(this.policy.inForce().orElseThrow().getNumber()).isEqualTo(approved.getNumber());

		// staff read past approved versions, not a draft
		this.mvc.perform(get("/preparedness/policy/versions/" + approved.getNumber()).with(this.users.as(Role.REPORTER)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/preparedness/policy/versions/" + copy.getNumber()).with(this.users.as(Role.REPORTER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theTemplateAsItIsOrNothingAtAllIsNotApproved() {
		PolicyVersion template = write(this.template.texts(Locale.ENGLISH));
		assertThatThrownBy(() -> this.policy.approve(template.getNumber(), template.getVersion(), this.executive))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("policy.approve.template");
		PolicyVersion empty = write(Map.of(PolicySection.PURPOSE, "  "));
		assertThatThrownBy(() -> this.policy.approve(empty.getNumber(), empty.getVersion(), this.executive))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("policy.approve.empty");
	}

	@Test
	void aRefusedDraftComesBackWithTheMessageBesideTheSectionAndWhatWasTyped() throws Exception {
		Optional<PolicyVersion> open = this.policy.draft();
		String tooLong = "あ".repeat(PolicySection.MAX_TEXT + 1);
		var request = post("/preparedness/policy/draft").with(csrf())
			.with(this.users.signedIn(this.lead.username()))
			.param("sections[PURPOSE]", "目的は被害を小さくすること")
			.param("sections[RANSOM]", tooLong);
		open.ifPresent(draft -> request.param("number", String.valueOf(draft.getNumber()))
			.param("version", String.valueOf(draft.getVersion())));

		FormPage page = FormPage.of(this.mvc.perform(request).andExpect(status().isOk()).andReturn());

		assertThat(page.errorAt("section-RANSOM")).isEqualTo("2,000文字以内で入力してください。");
		assertThat(page.valueOf("section-PURPOSE")).isEqualTo("目的は被害を小さくすること");
		assertThat(this.policy.draft().map(PolicyVersion::getVersion)).as("nothing saved")
			.isEqualTo(open.map(PolicyVersion::getVersion));
	}

	@Test
	void theIncidentPagesShowThePolicysLineWhereTheTeamIsFormedTheNetworkCutAndPublishingDecided() throws Exception {
		String words = UUID.randomUUID().toString();
		Map<PolicySection, String> texts = texts(words);
		texts.put(PolicySection.ORGANISATION, "チームは責任者と総務で組む（" + words + "）");
		texts.put(PolicySection.CONTAINMENT, "ネットワークを止めるのは責任者（" + words + "）");
		texts.put(PolicySection.DISCLOSURE, "公表は社長が決める（" + words + "）");
		PolicyVersion draft = write(texts);
		this.policy.quoted(); // the pages keep the quote for seconds: the approval below must be quoted at once
		int number = this.policy.approve(draft.getNumber(), draft.getVersion(), this.executive).getNumber();
		assertThat(this.policy.quoted()).hasValueSatisfying(quoted -> assertThat(quoted.number()).isEqualTo(number));

		UserAccount reporter = this.users.create(Role.REPORTER);
		Incident incident = this.incidents.report(new Incident.Report("ファイルサーバーの暗号化", "ファイルが開けない", null,
				"ファイルサーバー", StillHappening.YES, null, null), actor(reporter));
		long id = incident.getId();
		this.incidents.take(id, version(id), this.lead);
		this.incidents.escalate(id, version(id), this.lead, Category.VIRUS_RANSOMWARE, null, Severity.HIGH, null);

		String forming = html(get("/incidents/" + id).with(this.users.signedIn(this.executive.username())));
		assertThat(section(forming, "move-FORM_TEAM")).contains("policy-line-ORGANISATION", texts.get(PolicySection.ORGANISATION),
				"対応方針（第" + number + "版）「対応体制と役割」");
		assertThat(forming).doesNotContain(texts.get(PolicySection.CONTAINMENT));

		this.incidents.formTeam(id, version(id), this.executive, this.lead.username(), List.of());
		String containing = html(get("/incidents/" + id).with(this.users.signedIn(this.lead.username())));
		assertThat(containing).contains("policy-line-CONTAINMENT", texts.get(PolicySection.CONTAINMENT))
			.doesNotContain(texts.get(PolicySection.ORGANISATION));

		String reporting = html(get("/incidents/" + id + "/reporting").with(this.users.signedIn(this.lead.username())));
		assertThat(section(reporting, "announcements")).contains("policy-line-DISCLOSURE", texts.get(PolicySection.DISCLOSURE));
	}

	@Test
	void theReadinessDetailIsSaidInTheReadersLanguage() {
		Notice ready = Notice.of("policy.readiness.ready", 3, Notice.of("policy.day", 2026, 1, 5));
		assertThat(this.messages.getMessage(ready, Locale.JAPANESE)).isEqualTo("第3版を2026年1月5日に承認済みです。");
		assertThat(this.messages.getMessage(ready, Locale.ENGLISH)).isEqualTo("Version 3 approved on 5 Jan 2026.");
	}

	/** Writes the draft, the open one or a new one. */
	private PolicyVersion write(Map<PolicySection, String> texts) {
		Optional<PolicyVersion> open = this.policy.draft();
		return this.policy.write(texts, open.map(PolicyVersion::getNumber).orElse(null),
				open.map(PolicyVersion::getVersion).orElse(null), this.lead.username());
	}

	private static Map<PolicySection, String> texts(String marker) {
		Map<PolicySection, String> texts = new EnumMap<>(PolicySection.class);
		texts.put(PolicySection.PURPOSE, "被害を小さくする");
		texts.put(PolicySection.RANSOM, marker);
		return texts;
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder approve(int number,
			long version) {
		return post("/preparedness/policy/approve").with(csrf())
			.param("number", String.valueOf(number))
			.param("version", String.valueOf(version));
	}

	private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return HtmlUtils.htmlUnescape(
				this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	/** The element that starts with this id, up to the next form or section. */
	private static String section(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isNotNegative();
		int end = html.indexOf("</form>", start);
		int close = html.indexOf("</section>", start);
		return html.substring(start, (end < 0 || (close >= 0 && close < end) && !id.equals("move-FORM_TEAM")) ? close : end);
	}

	private long version(long id) {
		return this.incidents.find(id, this.lead).getVersion();
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), Set.copyOf(account.getRoles()));
	}

}
