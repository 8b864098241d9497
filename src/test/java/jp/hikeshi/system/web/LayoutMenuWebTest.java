package jp.hikeshi.system.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.hikeshi.account.Role;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The header's menu offers each reader the pages their roles open, and nothing to the signed out. */
@IntegrationTest
class LayoutMenuWebTest {

	private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

	private static final List<String> EVERYONE = List.of("/", "/reports", "/measures", "/preparedness");

	private static final List<String> ADMINISTRATION = List.of("/admin/users", "/admin/tokens", "/admin/organisation",
			"/admin/contacts", "/admin/playbooks", "/admin/holidays", "/admin/notifications", "/admin/integrations",
			"/admin/audit", "/admin/sign-in-providers");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void eachRoleIsOfferedItsPages() throws Exception {
		assertThat(menu(this.users.as(Role.REPORTER))).containsExactlyElementsOf(EVERYONE);
		assertThat(menu(this.users.as(Role.REPORTER, Role.RESPONDER)))
			.containsExactly("/", "/reports", "/measures", "/incidents/assigned", "/incidents", "/preparedness");
		assertThat(menu(this.users.as(Role.SECURITY_LEAD))).containsExactly("/", "/reports", "/measures", "/triage",
				"/incidents", "/duties", "/dashboard", "/preparedness");
		assertThat(menu(this.users.as(Role.EXECUTIVE))).containsExactly("/", "/reports", "/measures",
				"/executive/inbox", "/incidents", "/duties", "/dashboard", "/preparedness");
		List<String> admin = new ArrayList<>(EVERYONE);
		admin.addAll(ADMINISTRATION);
		assertThat(menu(this.users.as(Role.ADMIN))).containsExactlyElementsOf(admin);
	}

	@Test
	void theSignedOutSeeNoMenuNorBellNorReportButton() throws Exception {
		String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(page).as("the layout's header").contains("class=\"site-header\"");
		assertThat(page).doesNotContain("class=\"main-nav\"", "class=\"bell\"", "button--report", "account-menu");
	}

	/** The menu's links, in order, as the page a reader's home shows them. */
	private List<String> menu(RequestPostProcessor reader) throws Exception {
		String page = this.mvc.perform(get("/").with(reader)).andReturn().getResponse().getContentAsString();
		int start = page.indexOf("class=\"main-nav\"");
		assertThat(start).as("the menu is shown").isPositive();
		assertThat(page).contains("class=\"bell\"", "button--report", "account-menu");
		String nav = page.substring(start, page.indexOf("</nav>", start));
		List<String> links = new ArrayList<>();
		Matcher link = LINK.matcher(nav);
		while (link.find()) {
			links.add(link.group(1));
		}
		return links;
	}

}
