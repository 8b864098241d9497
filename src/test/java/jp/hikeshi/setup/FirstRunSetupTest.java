package jp.hikeshi.setup;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.organisation.Industry;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.TestDatabaseConfiguration;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An installation's first start, on an empty database of its own. The steps build on each other. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestDatabaseConfiguration.class)
@TestMethodOrder(OrderAnnotation.class)
class FirstRunSetupTest {

	private static final String PASSWORD = "seven-Paper-cranes-fly";

	@Autowired
	MockMvc mvc;

	@Autowired
	FirstRunSetup setup;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Order(1)
	void beforeSetupEveryPageLeadsToIt() throws Exception {
		this.mvc.perform(get("/")).andExpect(redirectedUrl("/setup"));
		this.mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
		this.mvc.perform(get("/admin/users")).andExpect(redirectedUrl("/setup"));
		this.mvc.perform(get("/setup")).andExpect(status().isOk()).andExpect(content().string(
				org.hamcrest.Matchers.containsString("火消しの初期設定")));
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	@Order(2)
	void badInputIsExplainedEscapedAndSavesNothing() throws Exception {
		// A value that cannot be converted (only a tampered choice can be): the form cannot be built,
		// so that is all this answer says; the typed text is still shown, escaped.
		this.mvc.perform(post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf())
				.param("companyName", "<script>alert('x')</script>")
				.param("industry", "NOT_AN_INDUSTRY")
				.param("username", "bad name!")
				.param("password", "short")
				.param("passwordConfirmation", "different"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "industry", "typeMismatch"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"bad name!\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>alert"))));
		this.mvc.perform(post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf())
				.param("companyName", "<script>alert('x')</script>")
				.param("industry", "MANUFACTURING")
				.param("username", "bad name!")
				.param("displayName", "名\u0007前")
				.param("password", "short")
				.param("passwordConfirmation", "different"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "Pattern"))
			.andExpect(model().attributeHasFieldErrorCode("form", "passwordConfirmation", "password.mismatch"))
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "PlainText"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>alert"))));

		// A valid form whose password breaks the policy: the company must not be half-registered.
		this.mvc.perform(post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf())
				.param("companyName", "株式会社テスト")
				.param("industry", "MANUFACTURING")
				.param("username", "boss")
				.param("displayName", "社長")
				.param("password", "password1234")
				.param("passwordConfirmation", "password1234"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.common"));

		this.mvc.perform(post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("companyName", "no token")).andExpect(status().isForbidden());
		this.mvc.perform(post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).contentType("application/json").content("{}"))
			.andExpect(status().isUnsupportedMediaType());

		assertThat(count("organisation")).isZero();
		assertThat(count("user_account")).isZero();
		assertThat(this.setup.isCompleted()).isFalse();
	}

	@Test
	@Order(3)
	void twoSimultaneousSubmissionsCreateOneFirstAdministrator() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (String name : List.of("alice", "bob")) {
				Callable<String> submission = () -> {
					start.await();
					try {
						this.setup.complete(new Settings(name + "の会社", Industry.OTHER, null, ZoneId.of("Asia/Tokyo")),
								name, new Profile(name, null, null, null), EnumSet.of(Role.SECURITY_LEAD), PASSWORD, false);
						return "created";
					}
					catch (BusinessRuleViolation violation) {
						return violation.code();
					}
				};
				results.add(pool.submit(submission));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get(30, TimeUnit.SECONDS));
			}
			assertThat(outcomes).containsExactlyInAnyOrder("created", "setup.alreadyCompleted");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("organisation")).isEqualTo(1);
		assertThat(count("user_account")).isEqualTo(1);
		assertThat(this.jdbc.queryForList("select role from user_account_role order by role", String.class))
			.containsExactly("ADMIN", "REPORTER", "SECURITY_LEAD");
	}

	@Test
	@Order(4)
	void afterSetupThePageIsGoneForGood() throws Exception {
		this.mvc.perform(get("/setup")).andExpect(status().isNotFound());
		this.mvc.perform(post("/setup").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).param("companyName", "again")).andExpect(status().isNotFound());
		this.mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
		String winner = this.jdbc.queryForObject("select username from user_account", String.class);
		this.mvc.perform(formLogin("/login").user(winner).password(PASSWORD)).andExpect(redirectedUrl("/"));
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
