package jp.hikeshi.demo;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import java.util.Set;

import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentSearch;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.test.TestDatabaseConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
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
class DemoDataTest {

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
				beans.getBeanProvider(JdbcConnectionDetails.class));
		long before = this.accounts.all().size();
		assertThatThrownBy(() -> demo.run(new DefaultApplicationArguments()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("embedded development database");
		assertThat(this.accounts.all()).hasSize((int) before);
	}

}
