package jp.hikeshi.setup.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.hikeshi.account.LoginThrottle;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.setup.FirstRunSetup;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.system.security.SecurityConfiguration;
import jp.hikeshi.system.web.LanguageLinks;
import jp.hikeshi.system.web.Viewer;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.FormPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The setup page alone, behind the real security configuration; what it asks of the service is mocked. */
@WebMvcTest(SetupController.class)
// the layout's language links and its view of the reader come from beans the web slice does not pick up
@Import({ SecurityConfiguration.class, LanguageLinks.class, Viewer.class })
class SetupControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FirstRunSetup setup;

	@MockitoBean
	OrganisationService organisations;

	@MockitoBean
	UserDetailsService userDetailsService;

	@MockitoBean
	LoginThrottle loginThrottle;

	/** The identity providers' settings and sign-in (not part of this slice). */
	@MockitoBean
	jp.hikeshi.account.SignInProviders signInProviders;

	@MockitoBean
	jp.hikeshi.account.ProviderRegistrations providerRegistrations;

	@MockitoBean
	jp.hikeshi.account.ProviderSignIn providerSignIn;

	/** The second-factor gate's (not part of this slice). */
	@MockitoBean
	jp.hikeshi.account.SecondFactors secondFactors;

	@MockitoBean
	jp.hikeshi.account.RememberedDevices rememberedDevices;

	/** Passkeys' sign-in (not part of this slice). */
	@MockitoBean
	jp.hikeshi.account.PasskeySignIn passkeys;

	/** Where the sign-in configuration finds a person's sessions (PostgreSQL; not part of this slice). */
	@MockitoBean
	org.springframework.session.FindByIndexNameSessionRepository<?> sessions;

	@BeforeEach
	void notYetSetUp() {
		given(this.setup.isCompleted()).willReturn(false);
		given(this.organisations.timeZone()).willReturn(OrganisationService.DEFAULT_TIME_ZONE);
	}

	@Test
	void showsTheFormToAnyone() throws Exception {
		this.mvc.perform(get("/setup"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"companyName\"")));
	}

	@Test
	void healthChecksAndStylesheetsPassWithoutAskingWhetherTheSetupIsDone() throws Exception {
		this.mvc.perform(get("/css/hikeshi.css")).andExpect(status().isOk());
		// (the actuator's own security is not part of this slice: it is sent to sign in, not to the setup)
		this.mvc.perform(get("/actuator/health"))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/setup"));
		// the first health check after a start does not wait for the database
		verify(this.setup, never()).isCompleted();

		this.mvc.perform(get("/incidents")).andExpect(redirectedUrl("/setup"));
		verify(this.setup).isCompleted();
	}

	@Test
	void aCompleteFormSetsUpAndLeadsToSignIn() throws Exception {
		this.mvc.perform(valid())
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("notice", Notice.of("setup.completed")));
		verify(this.setup).complete(any(), anyString(), any(), anySet(), anyString(), anyBoolean());
	}

	@Test
	void theSecondFactorRequirementIsOfferedTickedAndMayBeUnticked() throws Exception {
		this.mvc.perform(get("/setup"))
			.andExpect(content().string(containsString("name=\"requireSecondFactor\" value=\"true\" checked")));
		// a box left empty sends only the page's marker
		this.mvc.perform(valid().param("_requireSecondFactor", "on")).andExpect(redirectedUrl("/login"));
		verify(this.setup).complete(any(), anyString(), any(), anySet(), anyString(), eq(false));
		this.mvc.perform(valid().param("requireSecondFactor", "true").param("_requireSecondFactor", "on"))
			.andExpect(redirectedUrl("/login"));
		verify(this.setup).complete(any(), anyString(), any(), anySet(), anyString(), eq(true));
	}

	@Test
	void emptyFieldsAreEachExplained() throws Exception {
		this.mvc.perform(post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "companyName", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "industry", "NotNull"))
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "NotBlank"));
		verify(this.setup, never()).complete(any(), anyString(), any(), anySet(), anyString(), anyBoolean());
	}

	@Test
	void overLongTextIsRefused() throws Exception {
		this.mvc.perform(valid("companyName", "社".repeat(201), "username", "u".repeat(65)))
			.andExpect(model().attributeHasFieldErrorCode("form", "companyName", "Size"))
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "Size"));
		verify(this.setup, never()).complete(any(), anyString(), any(), anySet(), anyString(), anyBoolean());
	}

	@Test
	void aPolicyViolationIsShownOnThePasswordField() throws Exception {
		willThrow(BusinessRuleViolation.onField("password", "password.containsUsername")).given(this.setup)
			.complete(any(), anyString(), any(), anySet(), anyString(), anyBoolean());
		this.mvc.perform(valid())
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.containsUsername"))
			.andExpect(content().string(containsString("パスワードにユーザー名を含めないでください。")));
	}

	@Test
	void aRefusedSetupKeepsWhatWasTypedButThePasswords() throws Exception {
		willThrow(BusinessRuleViolation.onField("password", "password.tooShort", 12)).given(this.setup)
			.complete(any(), anyString(), any(), anySet(), anyString(), anyBoolean());
		String html = this.mvc.perform(valid("companyName", "株式会社 <テスト> & \"社\"", "email", "owner@example.jp"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("password")).isEqualTo("12文字以上にしてください。");
		assertThat(page.valueOf("companyName")).isEqualTo("株式会社 <テスト> & \"社\"");
		assertThat(page.valueOf("username")).isEqualTo("owner");
		assertThat(page.valueOf("email")).isEqualTo("owner@example.jp");
		assertThat(page.selected("industry")).isEqualTo("OTHER");
		assertThat(page.valueOf("password")).isEmpty();
		assertThat(page.valueOf("passwordConfirmation")).isEmpty();
		assertThat(html).doesNotContain("river-Stones-remember-8");

		html = this.mvc.perform(valid("username", "owner name", "passwordConfirmation", "something else"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		page = FormPage.of(html);
		assertThat(page.errorAt("username")).isEqualTo("半角英数字と . _ @ - だけを使ってください。");
		assertThat(page.errorAt("passwordConfirmation")).isEqualTo("2つのパスワードが一致しません。");
		assertThat(page.valueOf("username")).isEqualTo("owner name");
		verify(this.setup).complete(any(), anyString(), any(), anySet(), anyString(), anyBoolean());
	}

	@Test
	void aSecondSetupThatLostTheRaceIsSentToSignIn() throws Exception {
		willThrow(new BusinessRuleViolation("setup.alreadyCompleted")).given(this.setup)
			.complete(any(), anyString(), any(), anySet(), anyString(), anyBoolean());
		this.mvc.perform(valid())
			.andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("notice", Notice.of("setup.alreadyCompleted")));
	}

	@Test
	void refusedWithoutCsrfOrAsJson() throws Exception {
		this.mvc.perform(post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("companyName", "x")).andExpect(status().isForbidden());
		this.mvc.perform(post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).contentType("application/json").content("{}"))
			.andExpect(status().isUnsupportedMediaType());
		verify(this.setup, never()).complete(any(), anyString(), any(), anySet(), anyString(), anyBoolean());
	}

	@Test
	void goneOnceSetUp() throws Exception {
		given(this.setup.isCompleted()).willReturn(true);
		this.mvc.perform(get("/setup")).andExpect(status().isNotFound());
	}

	/** A complete, valid form; pairs of name and value replace fields. */
	private static MockHttpServletRequestBuilder valid(String... replacements) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("companyName", "株式会社テスト");
		fields.put("industry", "OTHER");
		fields.put("username", "owner");
		fields.put("displayName", "代表");
		fields.put("password", "river-Stones-remember-8");
		fields.put("passwordConfirmation", "river-Stones-remember-8");
		for (int i = 0; i < replacements.length; i += 2) {
			fields.put(replacements[i], replacements[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf());
		fields.forEach(request::param);
		return request;
	}

}
