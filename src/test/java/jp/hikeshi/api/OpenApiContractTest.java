package jp.hikeshi.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;

import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI description is the API's contract: every route mapped under /api/ is in it, with
 * its method, a summary, its errors as problem details and an example; nothing else is in it.
 * It and its Swagger UI are for signed-in people only.
 */
@IntegrationTest
class OpenApiContractTest {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
			"trace");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	private Map<String, Map<String, Object>> paths;

	private String document;

	@BeforeEach
	void readTheDocument() throws Exception {
		this.document = this.mvc.perform(get("/v3/api-docs").with(this.users.as(Role.REPORTER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.paths = JsonPath.read(this.document, "$.paths");
	}

	@Test
	void everyRouteUnderApiIsDescribedWithItsMethodAndASummary() {
		Set<String> mapped = mappedApiRoutes();
		assertThat(mapped).as("the API's routes").contains("POST /api/v1/reports", "GET /api/v1/incidents",
				"GET /api/v1/incidents/{id}", "POST /api/v1/incidents/{id}/transitions",
				"POST /api/v1/incidents/{id}/notes", "GET /api/v1/me");
		List<String> problems = new ArrayList<>();
		for (String route : mapped) {
			String[] parts = route.split(" ", 2);
			Map<String, Object> operation = operation(parts[1], parts[0]);
			if (operation == null) {
				problems.add(route + ": not in the document");
				continue;
			}
			Object summary = operation.get("summary");
			if (!(summary instanceof String text) || text.isBlank()) {
				problems.add(route + ": no summary");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyOperationDocumentsItsErrorsAsProblemDetailsAndHasAnExample() {
		List<String> problems = new ArrayList<>();
		this.paths.forEach((path, operations) -> operations.forEach((method, value) -> {
			if (!METHODS.contains(method)) {
				return;
			}
			String route = method.toUpperCase(Locale.ROOT) + " " + path;
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) ((Map<String, Object>) value)
				.get("responses");
			if (!responses.containsKey("401")) {
				problems.add(route + ": 401 not documented");
			}
			boolean example = false;
			for (Map.Entry<String, Map<String, Object>> response : responses.entrySet()) {
				@SuppressWarnings("unchecked")
				Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.getValue()
					.getOrDefault("content", Map.of());
				if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
					if (!content.keySet().equals(Set.of("application/problem+json"))) {
						problems.add(route + " " + response.getKey() + ": answered as " + content.keySet()
								+ ", not as application/problem+json");
					}
				}
				example |= content.values().stream().anyMatch(media -> media.containsKey("example") || media.containsKey("examples"));
			}
			if (!example) {
				problems.add(route + ": no example");
			}
		}));
		assertThat(problems).isEmpty();
	}

	@Test
	void myOperationsAreExplainedAndShowTheirRequests() {
		for (String route : List.of("POST /api/v1/reports", "GET /api/v1/incidents", "GET /api/v1/incidents/{id}",
				"POST /api/v1/incidents/{id}/transitions", "POST /api/v1/incidents/{id}/notes")) {
			String[] parts = route.split(" ", 2);
			Map<String, Object> operation = operation(parts[1], parts[0]);
			assertThat(operation).as(route).isNotNull();
			assertThat((String) operation.get("description")).as(route + " description").isNotBlank();
			if (parts[0].equals("POST")) {
				Map<String, Object> body = JsonPath.read(this.document,
						"$.paths['" + parts[1] + "'].post.requestBody.content['application/json']");
				assertThat(body.keySet()).as(route + " has a request example").containsAnyOf("example", "examples");
			}
		}
		List<String> transitions = JsonPath.read(this.document,
				"$.components.schemas.TransitionRequest.properties.transition.enum");
		assertThat(transitions).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(Transition.values()).map(Transition::name).toList());
		List<String> idempotency = JsonPath.read(this.document,
				"$.paths['/api/v1/reports'].post.parameters[?(@.in == 'header')].name");
		assertThat(idempotency).containsExactly(Idempotency.HEADER);
	}

	@Test
	void nothingButTheApiIsInTheDocument() {
		assertThat(this.paths.keySet()).isNotEmpty().allMatch(path -> path.startsWith("/api/"));
		Set<String> documented = new TreeSet<>();
		this.paths.forEach((path, operations) -> operations.keySet()
			.stream()
			.filter(METHODS::contains)
			.forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
		assertThat(documented).as("what the document describes is what is mapped").isEqualTo(mappedApiRoutes());
	}

	@Test
	void theDescriptionAndItsSwaggerUiAreForSignedInPeople() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api-docs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/swagger-ui/index.html"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api-docs").with(this.users.as(Role.REPORTER)))
			.andExpect(redirectedUrl("/swagger-ui/index.html"));
		MvcResult ui = this.mvc.perform(get("/swagger-ui/index.html").with(this.users.as(Role.REPORTER)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe"))))
			.andReturn();
		// every script comes from a file: the page's policy allows no inline script
		String html = ui.getResponse().getContentAsString();
		assertThat(html).contains("swagger-ui-bundle.js");
		List<String> scripts = Arrays.asList(html.split("<script", -1)).subList(1, html.split("<script", -1).length);
		assertThat(scripts).isNotEmpty().allMatch(tag -> tag.startsWith(" src="));
		this.mvc.perform(get("/v3/api-docs/swagger-config").with(this.users.as(Role.REPORTER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"layout\":\"BaseLayout\"")));
	}

	/** Every route mapped under /api/, as "METHOD /pattern". */
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
				.forEach(pattern -> methods.forEach(method -> mapped.add(method + " " + pattern)));
		});
		return mapped;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> operation(String path, String method) {
		Map<String, Object> operations = this.paths.get(path);
		return (operations == null) ? null : (Map<String, Object>) operations.get(method.toLowerCase(Locale.ROOT));
	}

}
