package jp.hikeshi.demo;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentSearch;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.test.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo profile on a throw-away database: a company and one user per role. */
@SpringBootTest
@ActiveProfiles("demo")
@Import(TestDatabaseConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTest {

	/** The line a script reads a demo user's token from. */
	private static final Pattern TOKEN_LINE = Pattern.compile("^  api-token (\\S+) (\\S+)$", Pattern.MULTILINE);

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccountService accounts;

	@Autowired
	OrganisationService organisations;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	IncidentService incidents;

	@Autowired
	DemoData demo;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoRegister register;

	@Autowired
	jp.hikeshi.register.Register registered;

	@Autowired
	ObjectProvider<JdbcConnectionDetails> connection;

	@Test
	void seedsACompanyAndOneUserPerRole() {
		assertThat(this.organisations.current()).isPresent();
		for (Role role : Role.values()) {
			assertThat(this.accounts.all()).as("a demo user for " + role)
				.anySatisfy(user -> assertThat(user.getRoles()).contains(role));
		}
		assertThat(this.accounts.all()).extracting(UserAccount::getUsername)
			.contains("staff", "lead", "responder", "executive", "admin");
		Actor lead = new Actor("lead", Set.of(Role.SECURITY_LEAD));
		assertThat(this.incidents.search(IncidentSearch.none(), lead, PageRequest.of(0, 10)).getContent())
			.extracting(Incident::getState)
			.contains(IncidentState.ESCALATED, IncidentState.REPORTED);
	}

	@Test
	void everyDemoUserHasAnAddressUnderTheDemoDomainAndTheLeadAPhoneNumber() {
		for (String username : new String[] { "staff", "lead", "responder", "executive", "admin" }) {
			assertThat(this.accounts.findByUsername(username).orElseThrow().getEmail())
				.isEqualTo(username + "@demo.hikeshi.example");
		}
		assertThat(this.accounts.all()).filteredOn(user -> user.getRoles().contains(Role.SECURITY_LEAD))
			.isNotEmpty()
			.allSatisfy(lead -> assertThat(lead.getPhone()).isNotBlank());
	}

	/** The register as after one afternoon: the ransomware PC is named, so step 2 already proposes its payroll file. */
	@Test
	void theDemoCompanyFilledItsRegisterAndTheRansomwareIncidentNamesThePc() {
		this.demo.run(new DefaultApplicationArguments());
		assertThat(this.registered.systemsInUse()).extracting(jp.hikeshi.register.Register.SystemEntry::name)
			.contains("ECサイト", "ファイルサーバ", DemoRegister.ACCOUNTING_PC, "コーポレートサイト");
		assertThat(this.registered.systemsInUse())
			.filteredOn(system -> system.name().equals("ECサイト"))
			.singleElement()
			.satisfies(ec -> assertThat(ec.dataSets()).singleElement()
				.satisfies(data -> assertThat(data.peopleCount()).isEqualTo(1_200)));
		assertThat(this.registered.vendors()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from personal_data_set d join reporting_case c on c.id = d.case_id
				  join incident i on i.id = c.incident_id
				 where i.title = '経理部PCに身代金要求の画面' and d.proposed_from_system_id is not null""", Integer.class))
			.isPositive();
	}

	@Test
	void aDemoDatabaseFromAnEarlierVersionGetsTheAddressesAndNumberAtTheNextStart() throws Exception {
		this.jdbc.update("update user_account set email = null, phone = null where username = 'lead'");
		this.demo.run(new DefaultApplicationArguments());
		UserAccount lead = this.accounts.findByUsername("lead").orElseThrow();
		assertThat(lead.getEmail()).isEqualTo("lead@demo.hikeshi.example");
		assertThat(lead.getPhone()).isNotBlank();
		assertThat(lead.getRoles()).contains(Role.SECURITY_LEAD);
	}

	@Test
	void theBannerNamesThePortTheServerReallyListensOn(CapturedOutput output) {
		DemoData demo = new DemoData(this.organisations, this.accounts, this.transaction, this.incidents,
				this.connection, this.tokens, new MockEnvironment().withProperty("local.server.port", "18090"), this.register);
		int start = output.getOut().length();
		demo.run(new DefaultApplicationArguments());
		String printed = output.getOut().substring(start);
		assertThat(printed).contains("sign in at http://localhost:18090 as:")
			.contains("http://localhost:18090/api/v1/me")
			.doesNotContain("8080");
	}

	@Test
	void eachStartPrintsOneWorkingTokenPerDemoUserAndRevokesTheLastStartsTokens(CapturedOutput output) {
		// the context may have started (and printed a banner) within this test: read what this run prints
		int start = output.getOut().length();
		this.demo.run(new DefaultApplicationArguments());
		Map<String, String> first = tokensIn(output.getOut().substring(start));
		assertThat(first.keySet()).containsExactly("staff", "lead", "responder", "executive", "admin");
		first.forEach((username, token) -> {
			assertThat(token).startsWith(ApiTokens.PREFIX);
			assertThat(this.tokens.authenticate(token)).as(username + "'s token")
				.hasValueSatisfying(user -> {
					assertThat(user.actor().username()).isEqualTo(username);
					assertThat(user.tokenName()).isEqualTo("demo");
				});
		});
		int before = output.getOut().length();

		this.demo.run(new DefaultApplicationArguments());
		Map<String, String> second = tokensIn(output.getOut().substring(before));
		assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
		first.forEach((username, token) -> {
			assertThat(second.get(username)).isNotEqualTo(token);
			assertThat(this.tokens.authenticate(token)).as("the last start's token of " + username).isEmpty();
			assertThat(this.tokens.authenticate(second.get(username))).as("this start's token of " + username).isPresent();
			assertThat(this.tokens.mine(new Actor(username, Set.of())))
				.filteredOn(listed -> listed.token().getName().equals("demo") && listed.standing().works())
				.hasSize(1);
		});
	}

	private static Map<String, String> tokensIn(String console) {
		Map<String, String> found = new LinkedHashMap<>();
		Matcher line = TOKEN_LINE.matcher(console.replace("\r\n", "\n"));
		while (line.find()) {
			assertThat(found.put(line.group(1), line.group(2))).as("one line for " + line.group(1)).isNull();
		}
		return found;
	}

	@Test
	void refusesAnyDatabaseThatIsNotThrowAway() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("production", new JdbcConnectionDetails() {
			@Override
			public String getJdbcUrl() {
				return "jdbc:postgresql://db.example/hikeshi";
			}

			@Override
			public String getUsername() {
				return "hikeshi";
			}

			@Override
			public String getPassword() {
				return "not-used";
			}
		});
		DemoData demo = new DemoData(this.organisations, this.accounts, this.transaction, this.incidents,
				beans.getBeanProvider(JdbcConnectionDetails.class), this.tokens, new MockEnvironment(), this.register);
		long before = this.accounts.all().size();
		assertThatThrownBy(() -> demo.run(new DefaultApplicationArguments()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("embedded development database");
		assertThat(this.accounts.all()).hasSize((int) before);
	}

}
