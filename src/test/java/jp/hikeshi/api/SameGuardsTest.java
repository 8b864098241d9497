package jp.hikeshi.api;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The API is another door to the same rules: for the same incident in the same state and the
 * same missing input, the page's form (re-rendered with its errors) and the API (422 with
 * {@code unmet}) refuse with the same guard codes — and with the ones the rule names, so that
 * two empty answers cannot pass for agreement.
 */
@IntegrationTest
class SameGuardsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	AccountService accounts;

	private UserAccount lead;

	private UserAccount executive;

	@BeforeEach
	void people() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.executive = this.users.create(Role.EXECUTIVE);
	}

	@Test
	void escalatingWithoutCategoryAndSeverity() throws Exception {
		Incident incident = reported();
		this.incidents.take(incident.getId(), version(incident), actor(this.lead));
		Set<String> page = pageCodes(page("/incidents/{id}/escalate", incident, this.lead), "escalateForm");
		Set<String> api = apiCodes(this.lead, incident, "{\"transition\":\"ESCALATE\",\"version\":%d}");
		assertThat(page).isEqualTo(api)
			.containsExactlyInAnyOrder("incident.guard.categoryRequired", "incident.guard.severityRequired");
	}

	@Test
	void dismissingWithoutAReason() throws Exception {
		Incident incident = reported();
		this.incidents.take(incident.getId(), version(incident), actor(this.lead));
		Set<String> page = pageCodes(page("/incidents/{id}/move/DISMISS", incident, this.lead).param("reason", " "),
				"moveForm");
		Set<String> api = apiCodes(this.lead, incident, "{\"transition\":\"DISMISS\",\"version\":%d,\"reason\":\" \"}");
		assertThat(page).isEqualTo(api).containsExactly("incident.guard.reasonRequired");
	}

	@Test
	void finishingContainmentWithOpenChecklistItems() throws Exception {
		Incident incident = inContainment();
		Set<String> page = pageCodes(page("/incidents/{id}/move/FINISH_CONTAINMENT", incident, this.lead), "moveForm");
		Set<String> api = apiCodes(this.lead, incident, "{\"transition\":\"FINISH_CONTAINMENT\",\"version\":%d}");
		assertThat(page).isEqualTo(api).containsExactly("incident.guard.initialResponseOpen");
	}

	@Test
	void startingRecoveryBeforeDisclosureAndDutiesAreDecided() throws Exception {
		Incident incident = inContainment();
		Actor lead = actor(this.lead);
		Incident loaded = this.incidents.findForPage(incident.getId(), lead);
		for (ChecklistItem item : loaded.getChecklist()) {
			if (item.getGroup().isInitial()) {
				this.incidents.decideChecklistItem(incident.getId(), version(incident), lead, item.getId(),
						ChecklistItem.Status.DONE, null);
			}
		}
		this.incidents.finishContainment(incident.getId(), version(incident), lead);
		Set<String> page = pageCodes(page("/incidents/{id}/move/START_RECOVERY", incident, this.lead), "moveForm");
		Set<String> api = apiCodes(this.lead, incident, "{\"transition\":\"START_RECOVERY\",\"version\":%d}");
		assertThat(page).isEqualTo(api).contains("incident.guard.disclosureUndecided");
	}

	@Test
	void formingTheTeamByANonExecutive() throws Exception {
		Incident incident = reported();
		this.incidents.take(incident.getId(), version(incident), actor(this.lead));
		this.incidents.escalate(incident.getId(), version(incident), actor(this.lead), Category.SYSTEM_OUTAGE, null,
				Severity.MEDIUM, null);
		Set<String> page = pageCodes(page("/incidents/{id}/team", incident, this.lead)
			.param("responsible", this.lead.getUsername())
			.param("members[0].username", this.lead.getUsername())
			.param("members[0].selected", "true"), "teamForm");
		Set<String> api = apiCodes(this.lead, incident, "{\"transition\":\"FORM_TEAM\",\"version\":%d,\"responsible\":\""
				+ this.lead.getUsername() + "\",\"team\":[{\"username\":\"" + this.lead.getUsername() + "\"}]}");
		assertThat(page).isEqualTo(api).containsExactly("incident.guard.role");
		// and the executive without naming a responsible person
		page = pageCodes(page("/incidents/{id}/team", incident, this.executive), "teamForm");
		api = apiCodes(this.executive, incident, "{\"transition\":\"FORM_TEAM\",\"version\":%d}");
		assertThat(page).isEqualTo(api).containsExactly("incident.guard.responsibleRequired");
		assertThat(this.incidents.findById(incident.getId()).orElseThrow().getState()).isEqualTo(IncidentState.ESCALATED);
	}

	@Test
	void formingTheTeamWithSomeoneWhoCannotSignIn() throws Exception {
		Incident incident = reported();
		this.incidents.take(incident.getId(), version(incident), actor(this.lead));
		this.incidents.escalate(incident.getId(), version(incident), actor(this.lead), Category.SYSTEM_OUTAGE, null,
				Severity.MEDIUM, null);
		UserAccount gone = this.users.create(Role.RESPONDER);
		this.accounts.disable(gone.getId(), gone.getVersion(), "test");
		MvcResult page = this.mvc.perform(page("/incidents/{id}/team", incident, this.executive)
			.param("responsible", "nobody-at-all")
			.param("members[0].username", gone.getUsername())
			.param("members[0].selected", "true")).andReturn();
		BindingResult errors = (BindingResult) page.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + "teamForm");
		assertThat(errors.getFieldError("responsible").getCode()).isEqualTo("incident.team.unknownUser");
		assertThat(errors.getGlobalErrors()).extracting(ObjectError::getCode).containsExactly("incident.team.unknownUser");
		MvcResult api = this.mvc
			.perform(post("/api/v1/incidents/{id}/transitions", incident.getId())
				.with(api(this.users.bearerOf(this.executive.getUsername())))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"transition\":\"FORM_TEAM\",\"version\":%d,\"responsible\":\"nobody-at-all\",\"team\":[{\"username\":\"%s\"}]}"
					.formatted(version(incident), gone.getUsername())))
			.andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(422);
		List<String> fields = JsonPath.read(api.getResponse().getContentAsString(), "$.errors[*].field");
		List<String> codes = JsonPath.read(api.getResponse().getContentAsString(), "$.errors[*].code");
		assertThat(fields).containsExactly("responsible", "team[0].username");
		assertThat(codes).containsOnly("incident.team.unknownUser");
		assertThat(this.incidents.findById(incident.getId()).orElseThrow().getState()).isEqualTo(IncidentState.ESCALATED);
	}

	// --- the two doors ---

	/** The page's form, sent from the incident page as its user does, on the version the page shows. */
	private MockHttpServletRequestBuilder page(String path, Incident incident, UserAccount user) {
		return post(path, incident.getId()).with(this.users.signedIn(user.getUsername()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("version", Long.toString(version(incident)));
	}

	/** The codes of every error the page put on the form it re-rendered. */
	private Set<String> pageCodes(MockHttpServletRequestBuilder request, String form) throws Exception {
		MvcResult result = this.mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as("the page re-renders the refused form").isEqualTo(200);
		BindingResult errors = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + form);
		assertThat(errors).as("the errors of %s", form).isNotNull();
		Set<String> codes = new TreeSet<>();
		for (ObjectError error : errors.getAllErrors()) {
			codes.add(error.getCode());
		}
		return codes;
	}

	/** The codes of every guard the API's refusal lists, sent with the token of the same kind of user. */
	private Set<String> apiCodes(UserAccount user, Incident incident, String template) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/api/v1/incidents/{id}/transitions", incident.getId())
				.with(api(this.users.bearerOf(user.getUsername())))
				.contentType(MediaType.APPLICATION_JSON)
				.content(template.formatted(version(incident))))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(422);
		List<String> codes = JsonPath.read(result.getResponse().getContentAsString(), "$.unmet[*].code");
		return new TreeSet<>(codes);
	}

	// --- the incident, through the service ---

	private Incident reported() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		return this.incidents.report(new Incident.Report(null, "同じ規則", null, null, null, null, null),
				actor(reporter));
	}

	private Incident inContainment() {
		Incident incident = reported();
		Actor lead = actor(this.lead);
		this.incidents.take(incident.getId(), version(incident), lead);
		this.incidents.escalate(incident.getId(), version(incident), lead, Category.VIRUS_RANSOMWARE, null,
				Severity.HIGH, null);
		this.incidents.formTeam(incident.getId(), version(incident), actor(this.executive), this.lead.getUsername(),
				List.of(new Assignee(this.lead.getUsername(), null)));
		this.incidents.startContainment(incident.getId(), version(incident), lead);
		return incident;
	}

	private long version(Incident incident) {
		return this.incidents.findById(incident.getId()).orElseThrow().getVersion();
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), Set.copyOf(account.getRoles()));
	}

}
