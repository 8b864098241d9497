package jp.hikeshi.incident;

import java.util.EnumSet;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/** Playbooks the administrator edits apply to incidents escalated afterwards, never to running ones. */
@IntegrationTest
class PlaybookTest {

	private static final String OWN_POINT = "経理部長に電話で状況を伝える";

	@Autowired
	PlaybookService playbooks;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void theShippedPlaybookAgain() {
		this.jdbc.update("delete from playbook_point");
	}

	@Test
	void editingThePlaybookLeavesRunningIncidentsAlone() throws Exception {
		this.mvc.perform(post("/admin/playbooks").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(CompletedSetup.ADMIN))
				.param("text", OWN_POINT)
				.param("categories", "VIRUS_RANSOMWARE"))
			.andExpect(flash().attribute("notice", Notice.of("playbook.saved")));
		this.playbooks.changeBuiltin(ChecklistPoint.CHECK_BACKUPS, false, null, "admin");
		this.playbooks.changeBuiltin(ChecklistPoint.ISOLATE_NETWORK, true, "LANケーブルを抜き、Wi-Fiを切る", "admin");

		Actor lead = lead();
		long before = escalated(lead, Category.VIRUS_RANSOMWARE);
		assertThat(this.incidents.findForPage(before, lead).getChecklist()).satisfies(items -> {
			assertThat(items).extracting(ChecklistItem::getItem).doesNotContain(ChecklistPoint.CHECK_BACKUPS);
			assertThat(items).filteredOn(item -> item.getGroup() == ChecklistPoint.Group.COMPANY)
				.extracting(ChecklistItem::getCustomText)
				.containsExactly(OWN_POINT);
			assertThat(items).filteredOn(item -> item.getItem() == ChecklistPoint.ISOLATE_NETWORK)
				.extracting(ChecklistItem::getCustomText)
				.containsExactly("LANケーブルを抜き、Wi-Fiを切る");
		});

		// the playbook changes again
		Long own = this.jdbc.queryForObject("select id from playbook_point where builtin is null", Long.class);
		this.playbooks.saveOwn(own, OWN_POINT, EnumSet.of(Category.VIRUS_RANSOMWARE), false, "admin");
		this.playbooks.changeBuiltin(ChecklistPoint.CHECK_BACKUPS, true, null, "admin");

		assertThat(this.incidents.findForPage(before, lead).getChecklist())
			.extracting(ChecklistItem::getCustomText)
			.contains(OWN_POINT);
		long after = escalated(lead, Category.VIRUS_RANSOMWARE);
		assertThat(this.incidents.findForPage(after, lead).getChecklist()).satisfies(items -> {
			assertThat(items).extracting(ChecklistItem::getItem).contains(ChecklistPoint.CHECK_BACKUPS);
			assertThat(items).extracting(ChecklistItem::getCustomText).doesNotContain(OWN_POINT);
		});
	}

	@Test
	void theCompanysPointsAreShownAndGuardedLikeTheGuides() throws Exception {
		this.playbooks.saveOwn(null, OWN_POINT, Set.of(), true, "admin");
		Actor lead = lead();
		long id = escalated(lead, Category.OTHER);
		Incident incident = this.incidents.findForPage(id, lead);
		assertThat(incident.getChecklist()).extracting(ChecklistItem::getCustomText).contains(OWN_POINT);
		assertThat(incident.unmetGuards(Transition.START_PREVENTION)).anySatisfy(unmet -> {
			assertThat(unmet.code()).isEqualTo("incident.guard.pointsOpen");
			assertThat(unmet.items()).asList().contains(OWN_POINT);
		});
		this.mvc.perform(get("/incidents/{id}", id).with(this.users.signedIn(lead.username())))
			.andExpect(content().string(containsString(OWN_POINT)));
	}

	@Test
	void aPointNeedsPlainText() {
		assertThatThrownBy(() -> this.playbooks.saveOwn(null, " ", Set.of(), true, "admin"))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("playbook.textRequired");
		assertThatThrownBy(() -> this.playbooks.saveOwn(null, "x".repeat(501), Set.of(), true, "admin"))
			.hasMessage("playbook.textInvalid");
		assertThatThrownBy(() -> this.playbooks.saveOwn(Long.MAX_VALUE, "x", Set.of(), true, "admin"))
			.hasMessage("playbook.unknown");
		assertThat(this.jdbc.queryForObject("select count(*) from playbook_point", Long.class)).isZero();
	}

	private Actor lead() {
		return new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
	}

	private long escalated(Actor lead, Category category) {
		long id = this.incidents.report(new Incident.Report(null, "手順の確認", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
		this.incidents.take(id, 0, lead);
		this.incidents.escalate(id, this.incidents.find(id, lead).getVersion(), lead, category, null, Severity.LOW, null);
		return id;
	}

}
