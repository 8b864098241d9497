package jp.hikeshi.register.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.hikeshi.account.Role;
import jp.hikeshi.register.Register;
import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The register's pages as the security lead uses them: rows of data added without JavaScript,
 * a refused form back with each reason beside its field and everything typed kept, the list in
 * words, the export and an import refused line by line.
 */
@IntegrationTest
class SystemWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Register register;

	private MockHttpServletRequestBuilder form(String name, String people) {
		return form(name, people, "NONE");
	}

	private MockHttpServletRequestBuilder form(String name, String people, String backup) {
		return post("/preparedness/systems").with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", "0")
			.param("name", name)
			.param("kind", "EC_SITE")
			.param("owner", "営業部 佐藤")
			.param("internetFacing", "true")
			.param("backup", backup)
			.param("backupLocation", "金庫")
			.param("dataSets[0].description", "会員名簿")
			.param("dataSets[0].whose", "CUSTOMERS")
			.param("dataSets[0].peopleCount", people)
			.param("dataSets[0].financial", "true");
	}

	@Test
	void aRefusedFormComesBackWithEveryReasonBesideItsFieldAndEverythingTyped() throws Exception {
		RequestPostProcessor lead = this.users.as(Role.SECURITY_LEAD);
		String name = "会員サイト " + UUID.randomUUID();

		// one more empty row, without JavaScript: what was typed stays
		this.mvc.perform(form(name, "1200").param("addRow", "1").with(lead))
			.andExpect(status().isOk())
			.andExpect(model().attribute("system",
					org.hamcrest.Matchers.hasProperty("dataSets", org.hamcrest.Matchers.hasSize(2))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"dataSets[1].description\"")));

		String page = this.mvc.perform(form(name, "十二").with(lead))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrorCode("system", "dataSets[0].peopleCount", "typeMismatch"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"" + name + "\"", "value=\"十二\"", "value=\"営業部 佐藤\"", "value=\"金庫\"");
		assertThat(this.register.systemsInUse()).extracting(SystemEntry::name).doesNotContain(name);

		this.mvc.perform(form(name, "1200").with(lead))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasFieldErrorCode("system", "backupLocation",
					"register.system.backupLocation.notBackedUp"));

		this.mvc.perform(form(name, "1200", "BACKED_UP").with(lead))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/preparedness/systems"));
		SystemEntry added = this.register.systemsInUse()
			.stream()
			.filter(system -> system.name().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(added.dataSets()).singleElement().satisfies(data -> assertThat(data.financial()).isTrue());

		// the list says what it holds in words
		this.mvc.perform(get("/preparedness/systems").with(lead).locale(java.util.Locale.JAPANESE))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("顧客 1,200人（クレジットカード・口座）")));
		this.mvc.perform(get("/preparedness/systems/export.csv").with(lead))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("\uFEFF\"システム名\"")));

		// removing the row, then saving a stale page: refused, nothing of it saved
		String edit = "/preparedness/systems/" + added.id();
		this.mvc.perform(post(edit).with(csrf())
			.with(lead)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", "-1")
			.param("name", name)
			.param("kind", "EC_SITE")
			.param("backup", "UNKNOWN")
			.param("dataSets[0].description", "会員名簿")
			.param("dataSets[0].remove", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attributeHasErrors("system"));
		assertThat(this.register.systems(java.util.List.of(added.id())).get(0).dataSets()).hasSize(1);
	}

	@Test
	void aBadFileIsReportedLineByLineInTheReadersLanguage() throws Exception {
		String csv = "システム名,種別\n" + "サーバー,PC\n";
		MockMultipartFile file = new MockMultipartFile("file", "bad.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(multipart("/preparedness/systems/import").file(file)
			.with(csrf())
			.with(this.users.as(Role.ADMIN))
			.locale(java.util.Locale.JAPANESE))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("この列がありません。")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"import-problems\"")));
	}

}
