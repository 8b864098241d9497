package jp.hikeshi.system.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every URL the application answers, for an anonymous visitor and for each role alone, with
 * the outcome expected. A controller method that is not in {@link #MATRIX} fails the build, so
 * no page can be added without deciding who may use it.
 */
@IntegrationTest
class AuthorizationMatrixTest {

	/** The outcome of one request. */
	enum Outcome {

		/** Reached the page (any answer other than the ones below). */
		OK,
		/** Sent to the sign-in page. */
		LOGIN,
		/** 403. */
		FORBIDDEN,
		/** 404: the page does not exist for this person. */
		NOT_FOUND,
		/** A server error: never expected, so any row that meets one fails. */
		ERROR

	}

	private static final String ANONYMOUS = "ANONYMOUS";

	private static final List<String> WHO = List.of(ANONYMOUS, "REPORTER", "SECURITY_LEAD", "RESPONDER", "EXECUTIVE",
			"ADMIN");

	private static final Map<String, List<Outcome>> MATRIX = new LinkedHashMap<>();

	static {
		Outcome ok = Outcome.OK;
		Outcome login = Outcome.LOGIN;
		Outcome no = Outcome.FORBIDDEN;
		Outcome gone = Outcome.NOT_FOUND;
		// anonymous, reporter, security lead, responder, executive, admin
		row("GET /login", ok, ok, ok, ok, ok, ok);
		row("GET /setup", gone, gone, gone, gone, gone, gone);
		row("POST /setup", gone, gone, gone, gone, gone, gone);
		row("GET /", login, ok, ok, ok, ok, ok);
		row("GET /account/password", login, ok, ok, ok, ok, ok);
		// the API's description and its Swagger UI: signed-in people only (the API itself: ApiAuthorizationMatrixTest)
		row("GET /v3/api-docs", login, ok, ok, ok, ok, ok);
		row("GET /v3/api-docs.yaml", login, ok, ok, ok, ok, ok);
		row("GET /v3/api-docs/swagger-config", login, ok, ok, ok, ok, ok);
		row("GET /api-docs", login, ok, ok, ok, ok, ok);
		row("POST /account/password", login, ok, ok, ok, ok, ok);
		// personal API tokens: each person's own; every token for the administrator (the matrix
		// asks for a token that does not exist)
		row("GET /account/tokens", login, ok, ok, ok, ok, ok);
		row("POST /account/tokens", login, ok, ok, ok, ok, ok);
		row("POST /account/tokens/{tokenId}/revoke", login, gone, gone, gone, gone, gone);
		// second factors: the gate (a session owing nothing is sent on), one's own sign-in security, the administrator's
		row("GET /login/second-factor", login, ok, ok, ok, ok, ok);
		row("POST /login/second-factor", login, ok, ok, ok, ok, ok);
		row("POST /login/second-factor/recovery", login, ok, ok, ok, ok, ok);
		row("GET /account/security", login, ok, ok, ok, ok, ok);
		row("POST /account/security/app", login, ok, ok, ok, ok, ok);
		row("POST /account/security/app/confirm", login, ok, ok, ok, ok, ok);
		row("POST /account/security/app/remove", login, ok, ok, ok, ok, ok);
		row("POST /account/security/recovery-codes", login, ok, ok, ok, ok, ok);
		row("POST /account/security/devices/{deviceId}/revoke", login, ok, ok, ok, ok, ok);
		row("GET /admin/sign-in-security", login, no, no, no, no, ok);
		row("POST /admin/sign-in-security", login, no, no, no, no, ok);
		row("POST /admin/users/{id}/second-factors/reset", login, no, no, no, no, ok);
		// passkeys: the person's page; someone else's (or an unknown) passkey is not removed (a notice says so)
		row("GET /account/passkeys", login, ok, ok, ok, ok, ok);
		row("POST /account/passkeys/{passkeyId}/remove", login, ok, ok, ok, ok, ok);
		// Spring Security's WebAuthn endpoints (filters, not controller methods). Signing in is public: the
		// options for anyone, the answer refused (401) when it is no passkey's. Adding a passkey needs a
		// session that signed in recently with a password or passkey: the matrix's principals carry no
		// sign-in factor, so they are asked to sign in again (403; PasskeySignInTest covers a real session).
		row("POST /webauthn/authenticate/options", ok, ok, ok, ok, ok, ok);
		row("POST /login/webauthn", login, login, login, login, login, login);
		row("POST /webauthn/register/options", login, no, no, no, no, no);
		row("POST /webauthn/register", login, no, no, no, no, no);
		// sign-in with Entra ID / Google: the administrator's settings; the providers' own addresses are
		// Spring Security's filters (none is configured here: no sign-in address; an answer without a
		// request of ours goes back to the sign-in page with a general message)
		row("GET /admin/sign-in-providers", login, no, no, no, no, ok);
		row("POST /admin/sign-in-providers", login, no, no, no, no, ok);
		row("GET /oauth2/authorization/entra", gone, gone, gone, gone, gone, gone);
		row("GET /login/oauth2/code/entra", ok, ok, ok, ok, ok, ok);
		row("GET /admin/tokens", login, no, no, no, no, ok);
		row("POST /admin/tokens/{tokenId}/revoke", login, no, no, no, no, gone);
		row("GET /admin/users", login, no, no, no, no, ok);
		row("POST /admin/users", login, no, no, no, no, ok);
		row("GET /admin/users/new", login, no, no, no, no, ok);
		row("GET /admin/users/{id}", login, no, no, no, no, ok);
		row("POST /admin/users/{id}", login, no, no, no, no, ok);
		row("POST /admin/users/{id}/disable", login, no, no, no, no, ok);
		row("POST /admin/users/{id}/enable", login, no, no, no, no, ok);
		row("POST /admin/users/{id}/password", login, no, no, no, no, ok);
		row("GET /admin/organisation", login, no, no, no, no, ok);
		row("POST /admin/organisation", login, no, no, no, no, ok);
		row("GET /admin/audit", login, no, no, no, no, ok);
		row("GET /admin/contacts", login, no, no, no, no, ok);
		// drills (訓練): the lead runs them, the executive reads the debriefs; the administrator keeps the scenarios
		row("GET /drills", login, no, ok, no, ok, no);
		row("POST /drills", login, no, ok, no, no, no);
		row("GET /drills/{drillId}", login, no, gone, no, gone, no);
		row("GET /drills/incident/{incidentId}", login, no, gone, no, gone, no);
		row("POST /drills/{drillId}/injects/{position}", login, no, gone, no, no, no);
		row("POST /drills/{drillId}/end", login, no, gone, no, no, no);
		row("POST /drills/{drillId}/notes", login, no, gone, no, no, no);
		row("POST /drills/{drillId}/notes/{noteId}/measure", login, no, gone, no, no, no);
		row("GET /admin/drill-scenarios", login, no, no, no, no, ok);
		row("POST /admin/drill-scenarios", login, no, no, no, no, ok);
		row("GET /admin/drill-scenarios/new", login, no, no, no, no, ok);
		row("GET /admin/drill-scenarios/{scenarioId}", login, no, no, no, no, gone);
		row("POST /admin/drill-scenarios/{scenarioId}", login, no, no, no, no, gone);
		row("GET /admin/playbooks", login, no, no, no, no, ok);
		row("POST /admin/playbooks", login, no, no, no, no, ok);
		row("POST /admin/playbooks/{id}", login, no, no, no, no, ok);
		row("POST /admin/playbooks/builtin/{point}", login, no, no, no, no, ok);
		row("POST /admin/contacts", login, no, no, no, no, ok);
		row("POST /admin/contacts/{id}/delete", login, no, no, no, no, ok);
		// the public desks (a stale version: the desk is not changed or marked checked)
		row("GET /admin/desks", login, no, no, no, no, ok);
		row("GET /admin/desks/{code}", login, no, no, no, no, ok);
		row("POST /admin/desks/{code}", login, no, no, no, no, ok);
		row("POST /admin/desks/{code}/checked", login, no, no, no, no, ok);
		row("GET /admin/holidays", login, no, no, no, no, ok);
		// notifications: the administrator's settings and log; each person's own list and settings
		row("GET /admin/notifications", login, no, no, no, no, ok);
		row("POST /admin/notifications", login, no, no, no, no, ok);
		row("POST /admin/notifications/test", login, no, no, no, no, ok);
		row("POST /admin/notifications/webhooks", login, no, no, no, no, ok);
		row("POST /admin/notifications/webhooks/{id}/delete", login, no, no, no, no, ok);
		row("POST /admin/notifications/webhooks/{id}/test", login, no, no, no, no, ok);
		row("GET /admin/notifications/log", login, no, no, no, no, ok);
		row("POST /admin/notifications/log/{id}/resend", login, no, no, no, no, ok);
		// integrations: the administrator's endpoints (the matrix asks for one that does not exist)
		row("GET /admin/integrations", login, no, no, no, no, ok);
		row("POST /admin/integrations", login, no, no, no, no, ok);
		row("GET /admin/integrations/{endpointId}", login, no, no, no, no, gone);
		row("POST /admin/integrations/{endpointId}/test", login, no, no, no, no, gone);
		row("POST /admin/integrations/{endpointId}/enable", login, no, no, no, no, gone);
		row("POST /admin/integrations/{endpointId}/disable", login, no, no, no, no, gone);
		row("POST /admin/integrations/{endpointId}/delete", login, no, no, no, no, gone);
		row("GET /notifications", login, ok, ok, ok, ok, ok);
		row("POST /notifications/read", login, ok, ok, ok, ok, ok);
		// someone else's notification does not exist for the person asking
		row("POST /notifications/{id}/open", login, gone, gone, gone, gone, gone);
		row("GET /account/notifications", login, ok, ok, ok, ok, ok);
		row("POST /account/notifications", login, ok, ok, ok, ok, ok);
		row("POST /admin/holidays", login, no, no, no, no, ok);
		// staff report and follow their own reports; every signed-in person may report
		row("GET /report", login, ok, ok, ok, ok, ok);
		row("POST /report", login, ok, ok, ok, ok, ok);
		row("GET /reports", login, ok, ok, ok, ok, ok);
		// another person's report does not exist for them
		row("GET /reports/{id}", login, gone, gone, gone, gone, gone);
		row("GET /reports/{id}/sent", login, gone, gone, gone, gone, gone);
		row("POST /reports/{id}/information", login, gone, gone, gone, gone, gone);
		row("GET /triage", login, no, ok, no, no, no);
		row("GET /executive/inbox", login, no, no, no, ok, no);
		row("GET /incidents", login, no, ok, ok, ok, no);
		row("GET /incidents/assigned", login, no, ok, ok, ok, no);
		// the incident: the lead and the executive see it; a responder not on its team gets a 404, and
		// so do staff and the administrator, whose roles see no incident (an incident's pages are not
		// found for them, whether it exists or not)
		row("GET /incidents/{id}", login, gone, ok, gone, ok, gone);
		row("GET /incidents/{id}/timeline", login, gone, ok, gone, ok, gone);
		row("GET /incidents/{id}/timeline/verify", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/move/{transition}", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/escalate", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/team", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/checklist/{itemId}", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/record", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/notes", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/damage", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/systems", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/categories", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/recovery", login, gone, ok, gone, ok, gone);
		row("GET /dashboard", login, no, ok, no, ok, no);
		// 平時の備え: everyone finds the contacts and the wall card there; the readiness list is for those who act on it
		row("GET /preparedness", login, ok, ok, ok, ok, ok);
		// 平時の備え: the register's vendors and clients (the lead and the administrator keep them, the
		// executive reads them; the matrix asks for ones that do not exist); the response policy (everyone
		// reads the version in force; lead, administrator and executive write the draft; the executive approves)
		row("GET /preparedness/vendors", login, no, ok, no, ok, ok);
		row("POST /preparedness/vendors", login, no, ok, no, no, ok);
		row("GET /preparedness/vendors/{vendorId}", login, no, gone, no, gone, gone);
		row("POST /preparedness/vendors/{vendorId}", login, no, gone, no, no, gone);
		row("POST /preparedness/vendors/{vendorId}/remove", login, no, gone, no, no, gone);
		row("GET /preparedness/clients", login, no, ok, no, ok, ok);
		row("POST /preparedness/clients", login, no, ok, no, no, ok);
		row("GET /preparedness/clients/{clientId}", login, no, gone, no, gone, gone);
		row("POST /preparedness/clients/{clientId}", login, no, gone, no, no, gone);
		row("POST /preparedness/clients/{clientId}/remove", login, no, gone, no, no, gone);
		row("GET /preparedness/policy", login, ok, ok, ok, ok, ok);
		row("GET /preparedness/policy/draft", login, no, ok, no, ok, ok);
		row("POST /preparedness/policy/draft", login, no, ok, no, ok, ok);
		row("POST /preparedness/policy/approve", login, no, no, no, ok, no);
		row("GET /preparedness/policy/versions/{number}", login, gone, gone, gone, gone, gone);
		// evidence: for those who see the incident (the matrix asks for evidence that does not exist)
		row("GET /incidents/{id}/evidence", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/evidence", login, gone, ok, gone, ok, gone);
		row("GET /incidents/{id}/evidence/{evidenceId}", login, gone, gone, gone, gone, gone);
		row("GET /incidents/{id}/evidence/{evidenceId}/download", login, gone, gone, gone, gone, gone);
		row("POST /incidents/{id}/evidence/{evidenceId}/verify", login, gone, gone, gone, gone, gone);
		row("POST /incidents/{id}/evidence/{evidenceId}/download-anyway", login, gone, gone, gone, gone, gone);
		row("POST /incidents/{id}/evidence/{evidenceId}/handover", login, gone, gone, gone, gone, gone);
		row("POST /incidents/{id}/evidence/{evidenceId}/hold", login, gone, gone, gone, gone, gone);
		row("POST /incidents/{id}/evidence/{evidenceId}/delete", login, gone, gone, gone, gone, gone);
		// prevention: everyone sees their own open measures; the plan is for those who see the incident
		row("GET /measures", login, ok, ok, ok, ok, ok);
		row("POST /measures/{incidentId}/{measureId}/done", login, gone, gone, gone, gone, gone);
		row("GET /incidents/{id}/prevention-plan", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/root-causes", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/measures", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/measures/{measureId}/done", login, gone, gone, gone, gone, gone);
		// investigation
		row("GET /incidents/{id}/investigation", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/investigation/facts", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/investigation/remediations", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/investigation/help", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/investigation/remediations/{remediationId}/done", login, gone, ok, gone, ok, gone);
		row("POST /incidents/{id}/investigation/executive-reports", login, gone, ok, gone, ok, gone);
		// documents to hand over
		row("GET /incidents.csv", login, no, ok, ok, ok, no);
		row("GET /incidents/{id}/record.xlsx", login, gone, ok, gone, ok, gone);
		row("GET /incidents/{id}/record/print", login, gone, ok, gone, ok, gone);
		row("GET /incidents/{id}/report", login, gone, ok, gone, ok, gone);
		row("GET /incidents/{id}/record.pdf", login, gone, ok, gone, ok, gone);
		row("GET /incidents/{id}/report.pdf", login, gone, ok, gone, ok, gone);
		// step 2: the lead and the executive only
		row("GET /duties", login, no, ok, no, ok, no);
		row("GET /incidents/{id}/reporting", login, gone, ok, no, ok, gone);
		row("GET /incidents/{id}/reporting/texts/{kind}", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/facts", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/duties/{dutyId}/file", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/duties/{dutyId}/waive", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/duties/{dutyId}/supplement", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/duties/{dutyId}/not-yet-due", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/duties/{dutyId}/reopen", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/announcements", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/announcements/{announcementId}/approve", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/announcements/{announcementId}/publish", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/inquiry-desk", login, gone, ok, no, ok, gone);
		// the data sets are the lead's to record; the executive reads them on the reporting page
		row("GET /incidents/{id}/reporting/data-sets/new", login, gone, ok, no, no, gone);
		row("POST /incidents/{id}/reporting/data-sets", login, gone, ok, no, ok, gone);
		row("GET /incidents/{id}/reporting/data-sets/{dataSetId}", login, gone, gone, no, no, gone);
		row("POST /incidents/{id}/reporting/data-sets/{dataSetId}", login, gone, ok, no, ok, gone);
		row("POST /incidents/{id}/reporting/data-sets/{dataSetId}/delete", login, gone, ok, no, ok, gone);
		// the register (平時の備え): the security lead and the administrator keep it (the matrix asks
		// for a system that does not exist; the import is sent without a file)
		row("GET /preparedness/systems", login, no, ok, no, ok, ok);
		row("POST /preparedness/systems", login, no, ok, no, no, ok);
		row("GET /preparedness/systems/new", login, no, ok, no, no, ok);
		row("GET /preparedness/systems/{systemId}", login, no, gone, no, no, gone);
		row("POST /preparedness/systems/{systemId}", login, no, gone, no, no, gone);
		row("POST /preparedness/systems/{systemId}/retire", login, no, gone, no, no, gone);
		row("GET /preparedness/systems/export.csv", login, no, ok, no, ok, ok);
		row("GET /preparedness/systems/export.xlsx", login, no, ok, no, ok, ok);
		row("GET /preparedness/systems/template.csv", login, no, ok, no, no, ok);
		row("GET /preparedness/systems/import", login, no, ok, no, no, ok);
		row("POST /preparedness/systems/import", login, no, ok, no, no, ok);
		row("POST /incidents/{id}/reporting/data-sets/{dataSetId}/confirm", login, gone, ok, no, ok, gone);
		// Boot's error page: reachable by anyone; asked for directly it has no error to show, and
		// answers with the friendly page and a 500 status
		Outcome err = Outcome.ERROR;
		row("GET /error", err, err, err, err, err, err);
		// Actuator (not controller methods, so listed here by hand)
		row("GET /actuator/health", ok, ok, ok, ok, ok, ok);
		row("GET /actuator/health/liveness", ok, ok, ok, ok, ok, ok);
		row("GET /actuator/health/readiness", ok, ok, ok, ok, ok, ok);
		// 緊急連絡網 and the wall card: everyone reads and prints them; the lead and the administrator keep the
		// list (the matrix asks for a person who is not on the response team, and verifies with a stale version)
		row("GET /preparedness/contacts", login, ok, ok, ok, ok, ok);
		row("GET /preparedness/contacts/people/{id}", login, no, gone, no, no, gone);
		row("POST /preparedness/contacts/people/{id}", login, no, gone, no, no, gone);
		row("POST /preparedness/contacts/verified", login, no, ok, no, no, ok);
		row("GET /preparedness/wall-card", login, ok, ok, ok, ok, ok);
		row("GET /preparedness/wall-card.pdf", login, ok, ok, ok, ok, ok);
		// the administrator's endpoints are not controller methods: not found for anyone else
		row("GET /actuator/info", login, gone, gone, gone, gone, ok);
		row("GET /actuator/metrics", login, gone, gone, gone, gone, ok);
		// A path nothing answers is denied before anything else (nothing leaks by accident); a
		// signed-in person is told it is not found
		row("GET /no-such-page", login, gone, gone, gone, gone, gone);
		row("POST /no-such-page", login, gone, gone, gone, gone, gone);
		row("GET /admin/no-such-page", login, gone, gone, gone, gone, gone);
	}

	private static void row(String request, Outcome... outcomes) {
		MATRIX.put(request, List.of(outcomes));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void everyControllerMethodHasARow() {
		Set<String> mapped = new TreeSet<>();
		this.handlerMapping.getHandlerMethods().keySet().forEach(info -> {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			info.getPatternValues()
				.stream()
				// the API's own door has its own matrix: ApiAuthorizationMatrixTest
				.filter(pattern -> !pattern.startsWith("/api/"))
				.forEach(pattern -> methods.forEach(method -> mapped.add(method + " " + pattern)));
		});
		assertThat(MATRIX.keySet()).as("every URL needs a row in the authorisation matrix").containsAll(mapped);
	}

	@Test
	void eachRoleGetsExactlyTheExpectedOutcome() throws Exception {
		Map<String, RequestPostProcessor> principals = new LinkedHashMap<>();
		Map<Role, RequestPostProcessor> byRole = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			byRole.put(role, this.users.as(role));
		}
		byRole.forEach((role, principal) -> principals.put(role.name(), principal));
		long target = this.users.create(Role.REPORTER).getId();
		// an incident reported by someone else than any of the principals above
		long incident = this.incidents
			.report(new Incident.Report(null, "不審なメール", null, null, null, null, null),
					new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)))
			.getId();

		List<String> mismatches = new ArrayList<>();
		for (Map.Entry<String, List<Outcome>> row : MATRIX.entrySet()) {
			for (int i = 0; i < WHO.size(); i++) {
				String who = WHO.get(i);
				Outcome expected = row.getValue().get(i);
				MockHttpServletRequestBuilder request = request(row.getKey(), row.getKey().contains("incidents/")
						|| row.getKey().contains("reports/") ? incident : target);
				if (!who.equals(ANONYMOUS)) {
					request.with(principals.get(who));
				}
				MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
				Outcome actual = outcomeOf(response);
				if (actual != expected) {
					mismatches.add(row.getKey() + " as " + who + ": expected " + expected + " but was " + actual + " ("
							+ response.getStatus() + ")");
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

	private static MockHttpServletRequestBuilder request(String row, long target) {
		String[] parts = row.split(" ", 2);
		String path = parts[1].replace("{id}", Long.toString(target))
			.replace("{transition}", "TAKE")
			.replace("{tokenId}", "999999999")
			.replace("{passkeyId}", "bm8tc3VjaC1wYXNza2V5")
			.replace("{itemId}", "1")
			.replace("{kind}", "PPC_PRELIMINARY")
			.replace("{dutyId}", "1")
			.replace("{announcementId}", "1")
			.replace("{evidenceId}", "999999")
			.replace("{measureId}", "999999")
			.replace("{incidentId}", "999999")
			.replace("{point}", "CHECK_BACKUPS")
			.replace("{code}", "PPC_DIAL")
			.replace("{remediationId}", "999999")
			.replace("{dataSetId}", "999999")
			.replace("{systemId}", "999999999")
			.replace("{endpointId}", "999999")
			.replace("{vendorId}", "999999")
			.replace("{clientId}", "999999")
			.replace("{number}", "999999")
			.replace("{drillId}", "999999")
			.replace("{position}", "1")
			.replace("{noteId}", "999999")
			.replace("{scenarioId}", "999999")
			.replace("{deviceId}", "999999");
		if (parts[0].equals("POST")) {
			// A stale version: the request reaches the page but changes nothing.
			return post(path).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("version", "-1");
		}
		return get(path);
	}

	private static Outcome outcomeOf(MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		if (status == 302 && location != null && location.endsWith("/login")) {
			return Outcome.LOGIN;
		}
		if (status == 401) {
			return Outcome.LOGIN;
		}
		if (status == 403) {
			return Outcome.FORBIDDEN;
		}
		if (status == 404) {
			return Outcome.NOT_FOUND;
		}
		if (status >= 500) {
			return Outcome.ERROR;
		}
		return Outcome.OK;
	}

}
