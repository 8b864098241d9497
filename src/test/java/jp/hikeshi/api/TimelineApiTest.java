package jp.hikeshi.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TimelineView;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An incident's timeline through the API: every entry with its raw values, the line as the
 * incident page reads it in the caller's language, the API token an entry came through, the
 * hash chain and its check; and need-to-know.
 */
@IntegrationTest
class TimelineApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	TimelineView view;

	Actor lead;

	String bearer;

	UserAccount reporter;

	long id;

	@BeforeEach
	void anEscalatedIncident() {
		UserAccount account = this.users.create(Role.SECURITY_LEAD);
		this.lead = new Actor(account.getUsername(), Set.of(Role.SECURITY_LEAD));
		this.bearer = this.users.bearerOf(account.getUsername());
		this.reporter = this.users.create(Role.REPORTER);
		this.id = this.incidents.report(new Incident.Report(null, "顧客名簿を誤って社外に送信した",
				Instant.now().minus(1, ChronoUnit.DAYS), null, null, null, null),
				new Actor(this.reporter.getUsername(), Set.of(Role.REPORTER))).getId();
		this.incidents.take(this.id, version(), this.lead);
		this.incidents.escalate(this.id, version(), this.lead, Category.INFORMATION_LEAK,
				LeakKind.MISSENT_OR_MISPUBLISHED, Severity.HIGH, null);
	}

	/** Each entry reads in the caller's language exactly as the incident page renders it; its raw values stay codes. */
	@Test
	void theTimelineReadsAsThePageReadsItInTheCallersLanguage() throws Exception {
		changeFactsThroughTheApi();
		Incident incident = this.incidents.findForPage(this.id, this.lead);
		List<TimelineEntry> entries = incident.getTimeline();
		for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
			List<TimelineView.Line> lines = this.view.of(incident, locale);
			String body = this.mvc.perform(get("/api/v1/incidents/{id}/timeline", this.id).with(api(this.bearer))
				.header("Accept-Language", locale.getLanguage()))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
				.andExpect(jsonPath("$.incidentId").value(this.id))
				.andExpect(jsonPath("$.reference").value(incident.getReference()))
				.andExpect(jsonPath("$.entries.length()").value(entries.size()))
				.andExpect(jsonPath("$.entries[0].sequence").value(1))
				.andExpect(jsonPath("$.entries[0].kind").value("REPORTED"))
				.andExpect(jsonPath("$.entries[0].actor.username").value(this.reporter.getUsername()))
				.andExpect(jsonPath("$.entries[0].actor.displayName").value(this.reporter.getDisplayName()))
				.andExpect(jsonPath("$.entries[0].via").isEmpty())
				.andReturn()
				.getResponse()
				.getContentAsString();
			for (int i = 0; i < entries.size(); i++) {
				TimelineEntry entry = entries.get(i);
				String at = "$.entries[" + i + "].";
				assertThat((Integer) JsonPath.read(body, at + "sequence")).isEqualTo(entry.getSequence());
				assertThat((String) JsonPath.read(body, at + "text")).isEqualTo(lines.get(i).asText());
				assertThat((String) JsonPath.read(body, at + "kindLabel")).isEqualTo(lines.get(i).kind());
				assertThat((String) JsonPath.read(body, at + "hash")).isEqualTo(entry.getHash());
				assertThat((String) JsonPath.read(body, at + "previousHash")).isEqualTo(entry.getPreviousHash());
				OffsetDateTime when = OffsetDateTime.parse(JsonPath.read(body, at + "at"));
				assertThat(when.toInstant()).isEqualTo(entry.getOccurredAt());
				assertThat(when.getOffset()).isEqualTo(this.incidents.zone().getRules().getOffset(entry.getOccurredAt()));
			}
			String leak = "$.entries[?(@.kind == 'FACT_LEAK_CHANGED')].";
			assertThat(JsonPath.<List<Object>>read(body, leak + "values.field")).containsExactly("LEAK");
			assertThat(JsonPath.<List<Object>>read(body, leak + "values.before")).containsExactly("UNASSESSED");
			assertThat(JsonPath.<List<Object>>read(body, leak + "values.after")).containsExactly("OCCURRED");
			assertThat(JsonPath.<List<Object>>read(body, leak + "change")).singleElement()
				.asString()
				.contains(locale == Locale.JAPANESE ? "発生した" : "Yes, it occurred");
			String state = "$.entries[?(@.kind == 'STATE_CHANGED' && @.values.toState == 'ESCALATED')].values.fromState";
			assertThat(JsonPath.<List<Object>>read(body, state)).containsExactly("TRIAGE");
		}
	}

	/** What a script did reads as done through its token; what was clicked on a page has none. */
	@Test
	void anEntryMadeThroughTheApiNamesItsToken() throws Exception {
		changeFactsThroughTheApi();
		this.mvc.perform(get("/api/v1/incidents/{id}/timeline", this.id).with(api(this.bearer)))
			.andExpect(jsonPath("$.entries[?(@.kind == 'FACT_LEAK_CHANGED')].via").value("test script"))
			.andExpect(jsonPath("$.entries[?(@.kind == 'FACT_LEAK_CHANGED')].actor.username").value(this.lead.username()))
			.andExpect(jsonPath("$.entries[?(@.kind == 'STATE_CHANGED')].via",
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue())));
	}

	@Test
	void theChainIsVerifiedIntact() throws Exception {
		changeFactsThroughTheApi();
		int entries = this.incidents.findForPage(this.id, this.lead).getTimeline().size();
		this.mvc.perform(get("/api/v1/incidents/{id}/timeline/verification", this.id).with(api(this.bearer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true))
			.andExpect(jsonPath("$.entries").value(entries))
			.andExpect(jsonPath("$.problems").isEmpty())
			.andExpect(jsonPath("$.firstBroken").doesNotExist());
	}

	/** The response team reads the timeline; a responder not on it, a reporter (even the one who reported it) and a stranger's id get 404. */
	@Test
	void needToKnow() throws Exception {
		UserAccount onTeam = this.users.create(Role.RESPONDER);
		UserAccount offTeam = this.users.create(Role.RESPONDER);
		Actor executive = new Actor(this.users.create(Role.EXECUTIVE).getUsername(), Set.of(Role.EXECUTIVE));
		this.incidents.formTeam(this.id, version(), executive, this.lead.username(),
				List.of(new Assignee(onTeam.getUsername(), "調査")));
		this.mvc.perform(get("/api/v1/incidents/{id}/timeline", this.id).with(api(this.users.bearerOf(onTeam.getUsername()))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[?(@.kind == 'TEAM_FORMED')].values.after").value(onTeam.getUsername()));
		this.mvc.perform(get("/api/v1/incidents/{id}/timeline/verification", this.id)
			.with(api(this.users.bearerOf(onTeam.getUsername())))).andExpect(status().isOk());
		for (String other : List.of(this.users.bearerOf(offTeam.getUsername()),
				this.users.bearerOf(this.reporter.getUsername()))) {
			for (String path : List.of("/api/v1/incidents/{id}/timeline", "/api/v1/incidents/{id}/timeline/verification")) {
				this.mvc.perform(get(path, this.id).with(api(other)))
					.andExpect(status().isNotFound())
					.andExpect(jsonPath("$.code").value("api.notFound"));
			}
		}
		this.mvc.perform(get("/api/v1/incidents/{id}/timeline", Long.MAX_VALUE).with(api(this.bearer)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/incidents/{id}/timeline", this.id)).andExpect(status().isUnauthorized());
	}

	private void changeFactsThroughTheApi() throws Exception {
		this.mvc.perform(put("/api/v1/incidents/{id}/facts", this.id).with(api(this.bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"personalData": "OCCURRED", "dataSets": [{"kinds": ["ORDINARY"], "whose": "CUSTOMERS", "peopleMaximum": 20}]}"""))
			.andExpect(status().isOk());
	}

	private long version() {
		return this.incidents.find(this.id, this.lead).getVersion();
	}

}
