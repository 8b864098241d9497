package jp.hikeshi.emergency.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditEvent;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.emergency.EmergencyContacts;
import jp.hikeshi.emergency.EmergencyContacts.Member;
import jp.hikeshi.shared.Readiness;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 緊急連絡網 on real pages: staff read the lead's number; the lead keeps who is called in which
 * order and who stands in; a refused change keeps what was typed and saves nothing; 「確認しました」
 * is recorded with who and when, and turns the readiness line. The database is shared: each test
 * makes its own people and looks only at them.
 */
@IntegrationTest
class EmergencyContactsWebTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AccountService accounts;

	@Autowired
	EmergencyContacts contacts;

	@Autowired
	AuditLog audit;

	@Autowired
	java.util.List<Readiness> readiness;

	@Test
	void staffReadTheTeamWithPhoneLinksAndCannotEditIt() throws Exception {
		UserAccount lead = person("緊急 責任者", "090-1234-5678", Role.SECURITY_LEAD);
		UserAccount deputy = person("緊急 代理", "03-1111-2222", Role.RESPONDER);
		UserAccount staff = person("緊急 従業員", "090-9999-0000", Role.REPORTER);
		this.contacts.change(lead.getUsername(), null,
				new EmergencyContacts.Change(90, "責任者", "夜間・休日も携帯に可", deputy.getUsername()), "test");

		String page = this.mvc
			.perform(get("/preparedness/contacts").with(this.users.signedIn(staff.getUsername()))
				.locale(Locale.JAPANESE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("緊急連絡網", "緊急 責任者", "責任者", "夜間・休日も携帯に可", "緊急 代理",
				"href=\"tel:09012345678\"", "href=\"tel:0311112222\"", "公的な相談・届出の窓口",
				"都道府県警察のサイバー犯罪相談窓口");
		// staff are not on the team (their name is only in the page's header), and nobody's login name is shown
		String team = page.substring(page.indexOf("emergency-team"), page.indexOf("</table>", page.indexOf("emergency-team")));
		assertThat(team).contains("緊急 責任者").doesNotContain("緊急 従業員");
		assertThat(page).doesNotContain("090-9999-0000", lead.getUsername() + "<");
		// no edit link, no verify button for staff
		assertThat(page).doesNotContain("/preparedness/contacts/people/", "/preparedness/contacts/verified");
		this.mvc
			.perform(get("/preparedness/contacts/people/{id}", lead.getId())
				.with(this.users.signedIn(staff.getUsername())))
			.andExpect(status().isForbidden());
	}

	@Test
	void theLeadSetsOrderPartAndStandInAndItIsAudited() throws Exception {
		UserAccount lead = person("連絡 主任", "090-2222-3333", Role.SECURITY_LEAD);
		UserAccount responder = person("連絡 担当", "090-4444-5555", Role.RESPONDER);

		String form = this.mvc
			.perform(get("/preparedness/contacts/people/{id}", responder.getId())
				.with(this.users.signedIn(lead.getUsername()))
				.locale(Locale.JAPANESE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("連絡 担当", "電話する順番", "代理（不在のとき代わる人）", "連絡 主任");

		this.mvc
			.perform(post("/preparedness/contacts/people/{id}", responder.getId())
				.with(this.users.signedIn(lead.getUsername()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("callOrder", "95")
				.param("responseRole", "連絡担当")
				.param("reachable", "平日9時〜18時")
				.param("standIn", lead.getUsername()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/preparedness/contacts"));

		Member saved = member(responder);
		assertThat(saved.position()).isEqualTo(95);
		assertThat(saved.responseRole()).isEqualTo("連絡担当");
		assertThat(saved.reachable()).isEqualTo("平日9時〜18時");
		assertThat(saved.standInName()).isEqualTo("連絡 主任");
		assertThat(saved.standInPhone()).isEqualTo("090-2222-3333");
		AuditEvent event = lastEvent(AuditAction.EMERGENCY_CONTACTS_CHANGED);
		assertThat(event.getActor()).isEqualTo(lead.getUsername());
		assertThat(event.getSubject()).isEqualTo("連絡 担当");
		assertThat(event.getDetail()).contains("連絡担当", "連絡 主任");

		// a second change from the page as it was first read is refused as a change made meanwhile
		this.mvc
			.perform(post("/preparedness/contacts/people/{id}", responder.getId())
				.with(this.users.signedIn(lead.getUsername()))
				.with(csrf())
				.locale(Locale.JAPANESE)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("callOrder", "96")
				.param("responseRole", "別の役割"))
			.andExpect(status().isOk());
		assertThat(member(responder).responseRole()).isEqualTo("連絡担当");
	}

	@Test
	void aRefusedChangeKeepsWhatWasTypedAndSavesNothing() throws Exception {
		UserAccount lead = person("拒否 主任", "090-6666-7777", Role.SECURITY_LEAD);
		UserAccount admin = person("拒否 管理者", null, Role.ADMIN);
		UserAccount outsider = person("拒否 従業員", null, Role.REPORTER);

		// oneself as one's own stand-in
		String self = refused(admin, lead, "97", "責任者（入力中）", "夜間も可（入力中）", lead.getUsername());
		assertThat(self).contains("本人を自分の代理にはできません", "value=\"責任者（入力中）\"",
				"value=\"夜間も可（入力中）\"", "value=\"97\"");

		// someone not on the team
		String notTeam = refused(admin, lead, "97", "責任者", null, outsider.getUsername());
		assertThat(notTeam).contains("代理は対応チームの人から選んでください", "value=\"責任者\"");

		// too long, and an order out of range
		String tooLong = refused(admin, lead, "100", "あ".repeat(101), null, null);
		assertThat(tooLong).contains("順番は1〜99で入れてください", "100文字以内", "value=\"" + "あ".repeat(101) + "\"");

		assertThat(member(lead).version()).as("nothing was saved").isNull();
		assertThat(member(lead).responseRole()).isNull();
	}

	@Test
	void verifyingIsRecordedWithWhoAndWhenAndTurnsTheReadinessLine() throws Exception {
		UserAccount lead = person("確認 主任", "090-8888-9999", Role.SECURITY_LEAD);
		EmergencyContacts.Verification before = this.contacts.verification();
		Readiness line = this.readiness.stream().filter(r -> r.order() == 40).findFirst().orElseThrow();
		if (!before.ever()) {
			assertThat(line.check().state()).isEqualTo(Readiness.State.MISSING);
		}

		// a stale version changes nothing
		this.mvc
			.perform(post("/preparedness/contacts/verified").with(this.users.signedIn(lead.getUsername()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("version", Long.toString(before.version() - 1)))
			.andExpect(status().isFound());
		assertThat(this.contacts.verification().version()).isEqualTo(before.version());

		this.mvc
			.perform(post("/preparedness/contacts/verified").with(this.users.signedIn(lead.getUsername()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("version", Long.toString(before.version())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/preparedness/contacts"));

		EmergencyContacts.Verification after = this.contacts.verification();
		assertThat(after.ever()).isTrue();
		assertThat(after.by()).isEqualTo(lead.getUsername());
		assertThat(after.fresh()).isTrue();
		assertThat(line.check().state()).isNotEqualTo(Readiness.State.MISSING);
		AuditEvent event = lastEvent(AuditAction.EMERGENCY_CONTACTS_VERIFIED);
		assertThat(event.getActor()).isEqualTo(lead.getUsername());

		String page = this.mvc
			.perform(get("/preparedness/contacts").with(this.users.signedIn(lead.getUsername()))
				.locale(Locale.JAPANESE))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("さんが確認しました（今月）", "確認 主任");
		String english = this.mvc
			.perform(get("/preparedness/contacts").with(this.users.signedIn(lead.getUsername()))
				.locale(Locale.ENGLISH))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Emergency contacts", "(this month)");
	}

	private String refused(UserAccount by, UserAccount person, String order, String part, String reachable,
			String standIn) throws Exception {
		var request = post("/preparedness/contacts/people/{id}", person.getId()).with(this.users.signedIn(by.getUsername()))
			.with(csrf())
			.locale(Locale.JAPANESE)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("callOrder", order)
			.param("responseRole", part);
		if (reachable != null) {
			request.param("reachable", reachable);
		}
		if (standIn != null) {
			request.param("standIn", standIn);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private Member member(UserAccount account) {
		return this.contacts.member(account.getId()).orElseThrow();
	}

	private AuditEvent lastEvent(AuditAction action) {
		return this.audit.recent(PageRequest.of(0, 50))
			.stream()
			.filter(event -> event.getAction() == action)
			.findFirst()
			.orElseThrow();
	}

	private UserAccount person(String displayName, String phone, Role role) {
		Set<Role> roles = EnumSet.of(role);
		return this.accounts.create(new CreateAccount("emg" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000,
				new Profile(displayName, "総務部", null, phone), roles, CompletedSetup.PASSWORD), "test");
	}

}
