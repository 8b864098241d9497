package jp.hikeshi.system.web;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.shared.Happened;
import jp.hikeshi.shared.PlausibleDate;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a probe typed into the pages, each once a 500: absurd dates, page numbers and list
 * indexes, a team member twice. Each is answered with the page and a translated message beside
 * the field (or the translated 400 page for an address no page makes), and nothing is saved.
 */
@IntegrationTest
class BadInputWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aReportDiscoveredInAnAbsurdYearIsRefusedBesideTheFieldWithTheTextKept() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		// later than now is the report's own rule (ReportWebTest): these are before any incident
		for (String absurd : List.of("-999999999-01-01T00:00", "0001-01-01T00:00", "1999-12-31T23:59")) {
			String html = this.mvc.perform(post("/report").contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.with(csrf())
					.with(this.users.signedIn(staff.getUsername()))
					.param("discoveredAt", absurd)
					.param("stillHappening", "UNKNOWN")
					.param("description", "不審なメールを開いた"))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("form", "discoveredAt"))
				.andReturn().getResponse().getContentAsString();
			FormPage page = FormPage.of(html);
			assertThat(page.errorAt("discoveredAt")).as(absurd)
				.isIn("2000年1月1日から今日までの日付を入力してください。", "値の形式が正しくありません。");
			assertThat(page.valueOf("description")).isEqualTo("不審なメールを開いた");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from incident where reported_by = ?", Long.class,
				staff.getUsername())).isZero();
	}

	@Test
	void listsAnswerAbsurdFiltersAndPageNumbersWithAPage() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		for (String query : List.of("from=%2B999999999-01-01", "to=-999999999-12-31", "from=0001-01-01",
				"page=2147483647", "page=-1", "page=abc", "from=2026-01-01&page=2147483647")) {
			this.mvc.perform(get("/incidents?" + query).with(this.users.signedIn(lead.getUsername())))
				.andExpect(status().isOk());
		}
		String html = this.mvc.perform(get("/incidents?from=0001-01-01").with(this.users.signedIn(lead.getUsername())))
			.andReturn().getResponse().getContentAsString();
		// the list has no date fields of its own (from/to come from links): it says it left the filter out
		assertThat(html).contains("解釈できない条件があったため、その条件を外して表示しています。");
		UserAccount staff = this.users.create(Role.REPORTER);
		for (String page : List.of("2147483647", "-2147483648")) {
			this.mvc.perform(get("/reports?page=" + page).with(this.users.signedIn(staff.getUsername())))
				.andExpect(status().isOk());
			this.mvc.perform(get("/notifications?page=" + page).with(this.users.signedIn(staff.getUsername())))
				.andExpect(status().isOk());
			this.mvc.perform(get("/admin/notifications/log?page=" + page).with(this.users.signedIn(CompletedSetup.ADMIN)))
				.andExpect(status().isOk());
			this.mvc.perform(get("/admin/audit?page=" + page).with(this.users.signedIn(CompletedSetup.ADMIN)))
				.andExpect(status().isOk());
		}
	}

	@Test
	void aTeamListedBeyondItsRowsOrWithAMemberTwiceIsRefused() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		UserAccount member = this.users.create(Role.RESPONDER);
		Incident incident = escalatedAs(lead);
		long version = version(incident);

		this.mvc.perform(team(incident, version).param("responsible", lead.getUsername())
				.param("members[100000].username", member.getUsername())
				.param("members[100000].selected", "true"))
			.andExpect(status().isBadRequest());

		String html = this.mvc.perform(team(incident, version).param("responsible", lead.getUsername())
				.param("members[0].username", member.getUsername())
				.param("members[0].selected", "true")
				.param("members[0].duty", "ログの保全")
				.param("members[1].username", member.getUsername())
				.param("members[1].selected", "true")
				.param("members[1].duty", "調査"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).globalErrors())
			.contains("同じ人が体制に2回選ばれています。1人につき1回だけ選んでください。");
		assertThat(this.jdbc.queryForObject("select count(*) from incident_assignee where incident_id = ?", Long.class,
				incident.getId())).isZero();
		assertThat(version(incident)).isEqualTo(version);
	}

	/** Every date or time a form or an API body takes is bounded: a new one without a bound fails here. */
	@Test
	void everyDateAFormTakesIsBounded() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().matches(
				"jp\\.hikeshi\\.(.*\\.web\\..*Forms?(\\$.*)?|api\\..*(Request|Body)(\\$.*)?)"));
		Set<Class<?>> dates = Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class,
				Instant.class);
		List<String> unbounded = new ArrayList<>();
		int checked = 0;
		for (BeanDefinition definition : scanner.findCandidateComponents("jp.hikeshi")) {
			if (String.valueOf(definition.getResourceDescription()).contains("test-classes")) {
				continue;
			}
			Class<?> type = Class.forName(definition.getBeanClassName(), false, getClass().getClassLoader());
			// what the API answers with (DutyBody and its parts) is not typed by anyone
			if (!type.isRecord() && !type.getSimpleName().endsWith("Form") || type.getSimpleName().equals("Shown")
					|| type.getName().startsWith("jp.hikeshi.api.DutyBody")) {
				continue;
			}
			for (Field field : type.getDeclaredFields()) {
				if (dates.contains(field.getType())) {
					checked++;
					if (!field.isAnnotationPresent(Happened.class) && !field.isAnnotationPresent(PlausibleDate.class)) {
						unbounded.add(type.getName() + "." + field.getName());
					}
				}
			}
		}
		assertThat(checked).as("the date fields found").isGreaterThan(10);
		assertThat(unbounded).isEmpty();
	}

	private MockHttpServletRequestBuilder team(Incident incident, long version) {
		return post("/incidents/{id}/team", incident.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.as(Role.EXECUTIVE))
			.param("version", String.valueOf(version));
	}

	private Incident escalatedAs(UserAccount lead) {
		Actor actor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		Incident incident = this.incidents.report(new Incident.Report(null, "体制の重複", null, "PC", null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(incident.getId(), incident.getVersion(), actor);
		this.incidents.escalate(incident.getId(), version(incident), actor, Category.VIRUS_RANSOMWARE, null,
				Severity.HIGH, null);
		return incident;
	}

	private long version(Incident incident) {
		return this.jdbc.queryForObject("select version from incident where id = ?", Long.class, incident.getId());
	}

}
