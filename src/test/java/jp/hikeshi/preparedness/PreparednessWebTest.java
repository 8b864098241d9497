package jp.hikeshi.preparedness;

import java.util.List;
import java.util.Locale;

import jp.hikeshi.account.Role;
import jp.hikeshi.shared.Readiness;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 平時の備え: staff find the emergency contacts and the wall card; the lead, the executive and the
 * administrator also find the readiness list, one line per preparation feature in its order, each
 * in words and linking to where it is fixed — on the page and on the executive's dashboard.
 */
@IntegrationTest
class PreparednessWebTest {

	private static final String READINESS = "id=\"readiness-title\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ReadinessList readiness;

	@Autowired
	MessageSource messages;

	@Test
	void everyPreparationFeatureGivesItsLineInOrder() {
		List<Readiness.Line> lines = this.readiness.lines();

		assertThat(lines).extracting(line -> line.label().getCodes()[0])
			.as("the register, backups, the policy, the contacts, the drills")
			.hasSize(5)
			.doesNotHaveDuplicates();
		assertThat(lines).extracting(Readiness.Line::href)
			.allSatisfy(href -> assertThat(href).startsWith("/"))
			.contains("/preparedness/policy", "/preparedness/contacts");
	}

	@Test
	void staffFindTheContactsAndTheWallCardButNoReadinessList() throws Exception {
		String html = page("/preparedness", Role.REPORTER);

		assertThat(html).contains("平時の備え", "href=\"/preparedness/contacts\"", "href=\"/preparedness/wall-card\"",
				"href=\"/preparedness/wall-card.pdf\"");
		assertThat(html).doesNotContain(READINESS, "href=\"/preparedness/systems\"", "href=\"/drills\"");
	}

	@Test
	void theExecutiveReadsEachLineInWordsOnThePageAndOnTheDashboard() throws Exception {
		// the lines as the page's reader gets them: dates are written in the reader's language
		try {
			readEachLine();
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private void readEachLine() throws Exception {
		for (String path : List.of("/preparedness", "/dashboard")) {
			String html = page(path, Role.EXECUTIVE);
			// a request ends by clearing the locale: set it again for the lines read here
			LocaleContextHolder.setLocale(Locale.JAPANESE);

			assertThat(html).as(path).contains(READINESS, "備えの状況");
			for (Readiness.Line line : this.readiness.lines()) {
				String label = this.messages.getMessage(line.label(), Locale.JAPANESE);
				String detail = this.messages.getMessage(line.detail(), Locale.JAPANESE);
				String state = this.messages.getMessage("Readiness.State." + line.state(), null, Locale.JAPANESE);
				assertThat(html).as(path)
					.contains(HtmlUtils.htmlEscape(label), HtmlUtils.htmlEscape(detail), state,
							"href=\"" + line.href() + "\"");
			}
			assertThat(html).doesNotContain(">READY<", ">MISSING<", ">ATTENTION<");
		}
	}

	private String page(String path, Role role) throws Exception {
		return this.mvc.perform(get(path).with(this.users.as(role)).locale(Locale.JAPANESE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
