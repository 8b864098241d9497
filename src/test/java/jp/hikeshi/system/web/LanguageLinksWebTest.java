package jp.hikeshi.system.web;

import java.net.URI;

import jp.hikeshi.account.Role;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The language switcher keeps the page's query (a list's filters) and replaces only the language. */
@IntegrationTest
class LanguageLinksWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void theLanguageLinksKeepTheFiltersAndReplaceAnEarlierLanguage() throws Exception {
		// a URI, so that the query reaches the server as a browser sends it (a template would be encoded again)
		this.mvc.perform(get(URI.create("/incidents?state=TRIAGE&q=a%26b%22&lang=en&page=2")).with(this.users.as(Role.SECURITY_LEAD)))
			.andExpect(status().isOk())
			// percent-encoded as sent, & escaped in the attribute, the old lang dropped
			.andExpect(content().string(containsString("href=\"?state=TRIAGE&amp;q=a%26b%22&amp;page=2&amp;lang=ja\"")))
			.andExpect(content().string(containsString("href=\"?state=TRIAGE&amp;q=a%26b%22&amp;page=2&amp;lang=en\"")))
			.andExpect(content().string(not(containsString("lang=en&amp;page"))));
	}

	@Test
	void aPageWithoutAQueryLinksToTheLanguageAlone() throws Exception {
		this.mvc.perform(get("/reports").with(this.users.as(Role.REPORTER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"?lang=en\"")));
	}

}
