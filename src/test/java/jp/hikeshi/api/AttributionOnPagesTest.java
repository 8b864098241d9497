package jp.hikeshi.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TimelineView;
import jp.hikeshi.shared.Attribution;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a script did reads, wherever the person acting is shown, as done by that person "via API
 * token" and its name: the incident's timeline (page, A4 report, exports) and the audit trail, in
 * both languages. What was done on a page reads as before.
 */
@IntegrationTest
class AttributionOnPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	AccountService accounts;

	@Autowired
	TimelineView timeline;

	@Test
	void theTimelineNamesTheTokenBesideThePerson() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Actor actor = new Actor(lead.getUsername(), lead.getRoles());
		String name = lead.getDisplayName();
		long id = this.incidents.report(new Incident.Report(null, "不審なログイン", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
		this.incidents.addNote(id, actor, "ページから書いたメモ");
		try (Attribution.Scope scope = Attribution.throughApiToken("EDR連携")) {
			this.incidents.addNote(id, actor, "EDRが端末を隔離した");
		}

		Incident incident = this.incidents.findForPage(id, actor);
		List<TimelineEntry> notes = incident.getTimeline()
			.stream()
			.filter(entry -> entry.getKind() == TimelineEntry.Kind.NOTE)
			.toList();
		assertThat(notes).extracting(TimelineEntry::getVia).containsExactly(null, "EDR連携");
		assertThat(this.incidents.verifyTimeline(id, actor).intact()).as("the token is part of the chain").isTrue();

		List<TimelineView.Line> japanese = this.timeline.of(incident, Locale.JAPANESE);
		assertThat(japanese).filteredOn(line -> "EDRが端末を隔離した".equals(line.note()))
			.singleElement()
			.satisfies(line -> {
				assertThat(line.who()).isEqualTo(name + "（APIトークン「EDR連携」経由）");
				assertThat(line.via()).isEqualTo("EDR連携");
				assertThat(line.asText()).contains(name + "（APIトークン「EDR連携」経由）");
			});
		assertThat(japanese).filteredOn(line -> "ページから書いたメモ".equals(line.note()))
			.singleElement()
			.satisfies(line -> {
				assertThat(line.who()).isEqualTo(name);
				assertThat(line.via()).isNull();
			});
		assertThat(this.timeline.of(incident, Locale.ENGLISH)).filteredOn(line -> "EDRが端末を隔離した".equals(line.note()))
			.singleElement()
			.satisfies(line -> assertThat(line.who()).isEqualTo(name + " (via API token “EDR連携”)"));

		RequestPostProcessor asLead = this.users.signedIn(lead.getUsername());
		assertThat(html("/incidents/" + id, asLead, "ja")).contains(name + "（APIトークン「EDR連携」経由）");
		assertThat(html("/incidents/" + id, asLead, "en")).contains(name + " (via API token “EDR連携”)");
		// the A4 report follows the reader's language, or the one asked for
		assertThat(html("/incidents/" + id + "/report", asLead, "en")).contains(name + " (via API token “EDR連携”)");
		assertThat(html("/incidents/" + id + "/report?language=ja", asLead, "en"))
			.contains(name + "（APIトークン「EDR連携」経由）");
		assertThat(html("/incidents/" + id + "/record/print", asLead, "ja")).contains("（APIトークン「EDR連携」経由）");
	}

	@Test
	void theAuditTrailNamesTheTokenBesideThePerson() throws Exception {
		UserAccount admin = this.users.create(Role.ADMIN);
		UserAccount target = this.users.create(Role.REPORTER);
		try (Attribution.Scope scope = Attribution.throughApiToken("人事システム連携")) {
			this.accounts.disable(target.getId(), target.getVersion(), admin.getUsername());
		}
		RequestPostProcessor asAdmin = this.users.signedIn(admin.getUsername());
		assertThat(html("/admin/audit", asAdmin, "ja")).contains(admin.getDisplayName() + "（APIトークン「人事システム連携」経由）");
		assertThat(html("/admin/audit", asAdmin, "en")).contains(admin.getDisplayName() + " (via API token “人事システム連携”)");

		// and an action on a page reads as before
		UserAccount other = this.users.create(Role.REPORTER);
		this.accounts.disable(other.getId(), other.getVersion(), admin.getUsername());
		String page = html("/admin/audit", asAdmin, "ja");
		assertThat(page).contains("<td data-label=\"実行者\">" + admin.getDisplayName() + "</td>");
	}

	private String html(String path, RequestPostProcessor user, String language) throws Exception {
		return HtmlUtils.htmlUnescape(this.mvc.perform(get(path).with(user).header("Accept-Language", language))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
