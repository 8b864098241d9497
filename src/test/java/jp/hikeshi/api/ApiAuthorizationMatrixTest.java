package jp.hikeshi.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every route of the REST API, for a request without a token, with a revoked token, with an
 * expired token and with a token of each role alone, with the outcome expected. The API never
 * answers 403 (what a caller may not reach does not exist for them: 404) and never fails with a
 * 5xx. A route mapped under /api/ that is not in {@link #MATRIX} fails the build, so no route can
 * be added without deciding who may call it.
 */
@IntegrationTest
class ApiAuthorizationMatrixTest {

	/** The outcome of one request. */
	enum Outcome {

		/** 401: no token, or one that does not work. */
		UNAUTHORIZED,
		/** 404: refused by the door, or by the need-to-know of the service behind it. */
		NOT_FOUND,
		/** Let through to the API's controller, which answered with anything but 401, 403, 404 or 5xx. */
		OK,
		/**
		 * Let through to the API's controller; a 404 too, where the test asks for something it
		 * did not make (a webhook, a duty), so that "nothing by that id" is a fine answer.
		 */
		REACHED

	}

	private static final String ANONYMOUS = "ANONYMOUS";

	private static final String REVOKED = "REVOKED";

	private static final String EXPIRED = "EXPIRED";

	private static final List<String> WHO = List.of(ANONYMOUS, REVOKED, EXPIRED, "REPORTER", "SECURITY_LEAD", "RESPONDER",
			"EXECUTIVE", "ADMIN");

	/** Nothing has this id. */
	private static final String NO_SUCH_ID = "999999999";

	static final Map<String, List<Outcome>> MATRIX = new LinkedHashMap<>();

	static {
		Outcome u = Outcome.UNAUTHORIZED;
		Outcome ok = Outcome.OK;
		Outcome gone = Outcome.NOT_FOUND;
		Outcome reached = Outcome.REACHED;
		// anonymous, revoked, expired, reporter, security lead, responder, executive, admin
		row("GET /api/v1/me", u, u, u, ok, ok, ok, ok, ok);
		// anyone may report; an empty body is refused by the rules (422), past the door
		row("POST /api/v1/reports", u, u, u, ok, ok, ok, ok, ok);
		// everyone gets a list: reporters their own reports, the administrator theirs
		row("GET /api/v1/incidents", u, u, u, ok, ok, ok, ok, ok);
		// an incident reported by someone else, its team not formed: the lead and the executive see it
		row("GET /api/v1/incidents/{id}", u, u, u, gone, ok, gone, ok, gone);
		row("POST /api/v1/incidents/{id}/transitions", u, u, u, gone, ok, gone, ok, gone);
		row("POST /api/v1/incidents/{id}/notes", u, u, u, gone, ok, gone, ok, gone);
		row("GET /api/v1/incidents/{id}/timeline", u, u, u, gone, ok, gone, ok, gone);
		// the register's systems it concerns: named by the lead and the team (the executive is refused, 422)
		row("GET /api/v1/incidents/{id}/systems", u, u, u, gone, ok, gone, ok, gone);
		row("PUT /api/v1/incidents/{id}/systems", u, u, u, gone, ok, gone, ok, gone);
		row("GET /api/v1/incidents/{id}/timeline/verification", u, u, u, gone, ok, gone, ok, gone);
		// step 2: the lead and the executive only, as on the pages
		row("GET /api/v1/incidents/{id}/facts", u, u, u, gone, ok, gone, ok, gone);
		row("PUT /api/v1/incidents/{id}/facts", u, u, u, gone, ok, gone, ok, gone);
		row("GET /api/v1/incidents/{id}/duties", u, u, u, gone, ok, gone, ok, gone);
		row("POST /api/v1/incidents/{id}/duties/{type}/filing", u, u, u, gone, reached, gone, reached, gone);
		row("POST /api/v1/incidents/{id}/duties/{type}/waiver", u, u, u, gone, reached, gone, reached, gone);
		row("POST /api/v1/incidents/{id}/duties/{type}/supplement", u, u, u, gone, reached, gone, reached, gone);
		row("GET /api/v1/duties", u, u, u, gone, ok, gone, ok, gone);
		// the register: the security lead and the administrator, as on its pages (an empty body: 422)
		row("GET /api/v1/systems", u, u, u, gone, ok, gone, gone, ok);
		row("POST /api/v1/systems", u, u, u, gone, ok, gone, gone, ok);
		// outgoing webhooks: the administrator's (the test sends to ones that do not exist)
		row("GET /api/v1/webhooks", u, u, u, gone, gone, gone, gone, ok);
		row("POST /api/v1/webhooks", u, u, u, gone, gone, gone, gone, ok);
		row("GET /api/v1/webhooks/{id}", u, u, u, gone, gone, gone, gone, reached);
		row("GET /api/v1/webhooks/{id}/deliveries", u, u, u, gone, gone, gone, gone, reached);
		row("POST /api/v1/webhooks/{id}/test", u, u, u, gone, gone, gone, gone, reached);
		row("DELETE /api/v1/webhooks/{id}", u, u, u, gone, gone, gone, gone, reached);
	}

	/**
	 * A body of the right shape where the door alone does not decide (anyone may call, the
	 * service then says what the caller may see): a body the rules would refuse anyway (422)
	 * says nothing about whether the caller was let in. Everywhere else an empty object.
	 */
	private static final Map<String, String> BODIES = Map.of(
			// a stale version: a move the caller may make is refused as such (409, 422), nothing changes
			"POST /api/v1/incidents/{id}/transitions", "{\"transition\": \"TAKE\", \"version\": 0}",
			// a note is added for those who see the incident: the test's own incident
			"POST /api/v1/incidents/{id}/notes", "{\"text\": \"権限の確認\"}",
			// a stale version: refused (409) for those who see the incident, nothing changes
			"PUT /api/v1/incidents/{id}/systems", "{\"systemIds\": [], \"version\": 999}");

	private static void row(String request, Outcome... outcomes) {
		assertThat(outcomes).as(request).hasSize(WHO.size());
		MATRIX.put(request, List.of(outcomes));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	IncidentService incidents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void everyApiRouteHasARow() {
		Set<String> rows = new TreeSet<>();
		MATRIX.keySet().forEach(row -> rows.add(normalised(row)));
		assertThat(rows).as("every route under /api/ needs a row in the API's authorisation matrix")
			.containsAll(mappedApiRoutes());
	}

	@Test
	void eachCallerGetsExactlyTheExpectedOutcome() throws Exception {
		Set<String> mapped = mappedApiRoutes();
		Map<String, Supplier<String>> headers = callers();
		String incident = Long.toString(anIncidentNoneOfTheCallersReportedOrWorksOn());

		List<String> mismatches = new ArrayList<>();
		int performed = 0;
		for (Map.Entry<String, List<Outcome>> row : MATRIX.entrySet()) {
			if (!mapped.contains(normalised(row.getKey()))) {
				// a route another part of the API adds: its row is ready for when it is mapped
				continue;
			}
			for (int i = 0; i < WHO.size(); i++) {
				String who = WHO.get(i);
				Outcome expected = row.getValue().get(i);
				MockHttpServletRequestBuilder request = requestFor(row.getKey(), incident);
				if (headers.get(who) != null) {
					request.with(api(headers.get(who).get()));
				}
				MvcResult result = this.mvc.perform(request).andReturn();
				performed++;
				String mismatch = mismatch(expected, result);
				if (mismatch != null) {
					mismatches.add(row.getKey() + " as " + who + ": expected " + expected + " but " + mismatch);
				}
			}
		}
		assertThat(performed).as("requests made").isGreaterThanOrEqualTo(WHO.size());
		assertThat(mismatches).isEmpty();
	}

	@Test
	void aTokenOfAReporterCannotReadAnotherReportersIncident() throws Exception {
		Assumptions.assumeTrue(mappedApiRoutes().contains(normalised("GET /api/v1/incidents/{id}")),
				"GET /api/v1/incidents/{id} is not mapped on this branch yet");
		UserAccount reporter = this.users.create(Role.REPORTER);
		long id = this.incidents
			.report(new Incident.Report(null, "USBメモリを落とした", null, null, null, null, null),
					new Actor(reporter.getUsername(), reporter.getRoles()))
			.getId();
		String other = this.users.bearer(Role.REPORTER);
		this.mvc.perform(request(HttpMethod.GET, "/api/v1/incidents/{id}", id).with(api(other)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("api.notFound"));
		// the reporter's own token reads it: the 404 above is need-to-know, not a broken route
		this.mvc.perform(request(HttpMethod.GET, "/api/v1/incidents/{id}", id).with(api(this.users.bearerOf(reporter.getUsername()))))
			.andExpect(status().isOk());
	}

	/** Who calls: each a fresh token (the header's value); {@code null} for no header at all. */
	private Map<String, Supplier<String>> callers() {
		Map<String, Supplier<String>> headers = new LinkedHashMap<>();
		headers.put(ANONYMOUS, null);
		UserAccount revokedOwner = this.users.create(Role.SECURITY_LEAD, Role.EXECUTIVE, Role.ADMIN);
		Actor revokedActor = new Actor(revokedOwner.getUsername(), revokedOwner.getRoles());
		ApiTokens.Created revoked = this.tokens.create(revokedActor, "revoked", 10);
		this.tokens.revoke(revoked.token().getId(), revokedActor);
		headers.put(REVOKED, () -> "Bearer " + revoked.secret());
		UserAccount expiredOwner = this.users.create(Role.SECURITY_LEAD, Role.EXECUTIVE, Role.ADMIN);
		ApiTokens.Created expired = this.tokens.create(new Actor(expiredOwner.getUsername(), expiredOwner.getRoles()),
				"expired", 1);
		this.jdbc
			.sql("update api_token set created_at = now() - interval '3 days', expires_at = now() - interval '1 second' where id = ?")
			.param(expired.token().getId())
			.update();
		headers.put(EXPIRED, () -> "Bearer " + expired.secret());
		Map<Role, String> byRole = new EnumMap<>(Role.class);
		for (Role role : TestUsers.roles()) {
			byRole.put(role, this.users.bearer(role));
			headers.put(role.name(), () -> byRole.get(role));
		}
		assertThat(headers.keySet()).containsExactlyElementsOf(WHO);
		return headers;
	}

	/** Escalated as a leak (so step 2 has duties), by a lead and a reporter who are none of the callers. */
	private long anIncidentNoneOfTheCallersReportedOrWorksOn() {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Actor leadActor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		long id = this.incidents
			.report(new Incident.Report(null, "顧客名簿を誤送信した", null, null, null, null, null),
					new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)))
			.getId();
		this.incidents.take(id, 0, leadActor);
		this.incidents.escalate(id, this.incidents.find(id, leadActor).getVersion(), leadActor, Category.INFORMATION_LEAK,
				LeakKind.MISSENT_OR_MISPUBLISHED, Severity.HIGH, null);
		return id;
	}

	private static MockHttpServletRequestBuilder requestFor(String row, String incident) {
		String[] parts = row.split(" ", 2);
		String path = parts[1];
		path = path.replace("{id}", path.startsWith("/api/v1/incidents/") ? incident : NO_SUCH_ID)
			.replace("{type}", "PPC_PRELIMINARY");
		HttpMethod method = HttpMethod.valueOf(parts[0]);
		MockHttpServletRequestBuilder request = request(method, path).accept(MediaType.APPLICATION_JSON);
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			request.contentType(MediaType.APPLICATION_JSON).content(BODIES.getOrDefault(row, "{}"));
		}
		return request;
	}

	/** Why the answer is not the expected one, or {@code null} when it is. */
	private static String mismatch(Outcome expected, MvcResult result) throws Exception {
		MockHttpServletResponse response = result.getResponse();
		int status = response.getStatus();
		boolean reached = result.getHandler() instanceof HandlerMethod method
				&& method.getBeanType().getPackageName().equals(ApiAuthorizationMatrixTest.class.getPackageName());
		String seen = "was " + status + (reached ? " from the controller" : " before any controller") + ": "
				+ abbreviated(response.getContentAsString());
		if (status == 403 || status >= 500) {
			return seen;
		}
		boolean problem = response.getContentType() != null
				&& MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType()));
		boolean matches = switch (expected) {
			case UNAUTHORIZED -> status == 401 && problem;
			case NOT_FOUND -> status == 404 && problem;
			case OK -> reached && status != 401 && status != 404;
			case REACHED -> reached && status != 401;
		};
		return matches ? null : seen;
	}

	private static String abbreviated(String body) {
		return (body.length() > 160) ? body.substring(0, 160) + "…" : body;
	}

	/** "GET /api/v1/x/{id}", whatever the path variables are called. */
	private static String normalised(String route) {
		return route.replaceAll("\\{[^}]*}", "{}");
	}

	private Set<String> mappedApiRoutes() {
		Set<String> mapped = new TreeSet<>();
		this.handlerMapping.getHandlerMethods().keySet().forEach(info -> {
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			info.getPatternValues()
				.stream()
				.filter(pattern -> pattern.startsWith("/api/"))
				.forEach(pattern -> methods.forEach(method -> mapped.add(normalised(method + " " + pattern))));
		});
		return mapped;
	}

}
