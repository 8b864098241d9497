package jp.hikeshi.desk.web;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.investigation.Contact;
import jp.hikeshi.investigation.ContactService;
import jp.hikeshi.investigation.InvestigationCommands.AddContact;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** From the moment an incident is reported, its page says where to ask and where to report. */
@IntegrationTest
class DesksOnTheIncidentPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ContactService contacts;

	@Test
	void aFreshlyReportedIncidentShowsThePublicDesksInJapanese() throws Exception {
		long id = reported();
		String page = page(get("/incidents/{id}", id));

		assertThat(page).contains("相談・届出先", "IPA 企業組織向けサイバーセキュリティ相談窓口", "cs-support@ipa.go.jp",
				"個人情報保護法相談ダイヤル", "平日 9:30〜17:30", "確認日 2026年11月29日")
			.contains("<a href=\"tel:0364579849\">03-6457-9849</a>")
			.contains("<a href=\"https://www.ipa.go.jp/security/support/soudan.html\" target=\"_blank\" rel=\"noopener noreferrer\">"
					+ "<span>www.ipa.go.jp/security/support/soudan.html</span>"
					+ "<span class=\"visually-hidden\">（新しいウィンドウで開きます）</span></a>")
			.contains("<a href=\"mailto:cs-support@ipa.go.jp\">");
		// nothing internal: no codes, no ISO dates
		assertThat(panel(page)).doesNotContain("PPC_DIAL", "IPA_CONSULT", "2026-11-29");
	}

	@Test
	void andInEnglish() throws Exception {
		long id = reported();
		String page = page(get("/incidents/{id}", id).header("Accept-Language", "en"));

		assertThat(page).contains("Where to ask and report",
				"IPA cybersecurity consultation desk for companies and organisations",
				"Personal Information Protection Act helpline", "Weekdays 9:30–17:30", "Checked 29 Nov 2026",
				"(opens in a new window)")
			.contains("<a href=\"tel:0364579849\">03-6457-9849</a>")
			.doesNotContain("確認日");
		assertThat(panel(page)).doesNotContain("PPC_DIAL", "2026-11-29");
	}

	@Test
	void theCompanysOwnContactsStandBesideThem() throws Exception {
		this.contacts.add(new AddContact(Contact.Kind.VENDOR, "保守ベンダー 窓口係", "0120-111-222", "24時間受付"), "test");
		long id = reported();
		String panel = panel(page(get("/incidents/{id}", id)));

		assertThat(panel).contains("自社の連絡先", "メーカー・保守ベンダー：保守ベンダー 窓口係",
				"<a href=\"tel:0120111222\">0120-111-222</a>", "24時間受付");
	}

	@Test
	void theInvestigationPageShowsTheSameDesks() throws Exception {
		long id = reported();
		String page = page(get("/incidents/{id}/investigation", id));

		assertThat(page).contains("IPA 企業組織向けサイバーセキュリティ相談窓口", "個人情報保護法相談ダイヤル",
				"<a href=\"tel:0364579849\">03-6457-9849</a>", "確認日 2026年11月29日")
			// the desk for individuals is named as a pointer only, never offered as the company's desk
			.doesNotContain("03-5978-7509", "ipa.go.jp/security/anshin");
	}

	/** The "where to ask and report" panel of the page. */
	private static String panel(String page) {
		int start = page.indexOf("id=\"desks\"");
		assertThat(start).isPositive();
		return page.substring(start, page.indexOf("</section>", start));
	}

	private long reported() {
		Incident incident = this.incidents.report(new Incident.Report(null, "相談先の確認", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		assertThat(incident.getState()).isEqualTo(IncidentState.REPORTED);
		return incident.getId();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(this.users.as(Role.SECURITY_LEAD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
