package jp.hikeshi.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.notification.DeliveryState;
import jp.hikeshi.notification.Failure;
import jp.hikeshi.notification.IntegrationEvent;
import jp.hikeshi.notification.IntegrationWebhooks;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static jp.hikeshi.api.ProblemExamples.UNAUTHENTICATED;

/**
 * The integrators' endpoints, for the administrator's scripts: the same as the settings page
 * (/admin/integrations). Events are named by their type ({@code incident.state_changed}); the
 * signing secret is in the answer to the creation and nowhere else, ever.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Signed outgoing webhooks (Standard Webhooks): the administrator's endpoints")
class WebhooksApi {

	private static final String PROBLEM = "application/problem+json";

	private final IntegrationWebhooks integrations;

	private final People people;

	WebhooksApi(IntegrationWebhooks integrations, People people) {
		this.integrations = integrations;
		this.people = people;
	}

	/** An endpoint to register: events by type, at least one. */
	record NewEndpoint(@NotBlank String name, @NotBlank String url, @NotEmpty List<String> events) {
	}

	/** A registered endpoint; its secret is never shown again. */
	record Endpoint(long id, String name, String url, List<String> events, boolean enabled, Person createdBy,
			Instant createdAt, LastDelivery lastDelivery) {
	}

	/** The newest delivery to an endpoint ({@code null} before the first). */
	record LastDelivery(String type, DeliveryState state, Integer httpStatus, Failure failure, Instant at) {
	}

	/** The answer to a creation: the only time the secret is shown. */
	record Created(long id, String name, String url, List<String> events, String secret) {
	}

	/** A test event on its way: its id is the {@code webhook-id} the endpoint receives. */
	record TestQueued(String eventId) {
	}

	/** One delivery: its event, where it stands, and what the endpoint last answered or why it did not. */
	record Delivery(String eventId, String type, String reference, DeliveryState state, int attempts,
			Integer httpStatus, Failure failure, Instant createdAt, Instant sentAt, Instant nextAttemptAt) {
	}

	/** A page of deliveries, newest first. */

	record Deliveries(List<Delivery> deliveries, int page, boolean hasNext) {
	}

	@GetMapping
	@Operation(summary = "The endpoints", description = "Every endpoint with its events and its newest delivery.")
	@ApiResponse(responseCode = "200", description = "The endpoints")
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work; an administrator's token is needed (another role's gets 404)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	List<Endpoint> list() {
		People.Directory directory = this.people.directory();
		return this.integrations.list().stream().map(endpoint -> endpoint(endpoint, directory)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One endpoint")
	@ApiResponse(responseCode = "200", description = "The endpoint")
	@ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work; an administrator's token is needed (another role's gets 404)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	Endpoint get(@PathVariable long id) {
		return endpoint(this.integrations.get(id), this.people.directory());
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register an endpoint",
			description = """
					An https URL reachable from the internet (private, loopback and link-local addresses are refused), \
					a name and the events it wants: report.received, incident.state_changed, duty.due_soon, \
					duty.overdue, duty.filed, incident.closed. The answer holds the signing secret (whsec_…), \
					shown this once: every event is signed with it, the Standard Webhooks way.""")
	@ApiResponse(responseCode = "201", description = "Registered; the secret is in the answer and nowhere else",
			content = @Content(examples = @ExampleObject("""
					{"id": 3, "name": "チケット管理", "url": "https://tickets.example.com/hikeshi", \
					"events": ["report.received", "incident.state_changed"], "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""")))
	@ApiResponse(responseCode = "422", description = "Refused, with the field concerned",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work; an administrator's token is needed (another role's gets 404)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	ResponseEntity<Created> create(@Valid @RequestBody NewEndpoint body, Authentication authentication) {
		List<IntegrationEvent> events = new ArrayList<>();
		for (String type : body.events()) {
			events.add(IntegrationEvent.ofType(type)
				.orElseThrow(() -> BusinessRuleViolation.onField("events", "integration.events.invalid")));
		}
		IntegrationWebhooks.Created created = this.integrations.create(body.name(), body.url(), events,
				Actor.of(authentication).username());
		IntegrationWebhooks.Endpoint endpoint = created.endpoint();
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + endpoint.id()))
			.body(new Created(endpoint.id(), endpoint.name(), endpoint.url(), types(endpoint.events()), created.secret()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an endpoint", description = "With its deliveries: what was still waiting is not sent.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work; an administrator's token is needed (another role's gets 404)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	void delete(@PathVariable long id, Authentication authentication) {
		this.integrations.delete(id, Actor.of(authentication).username());
	}

	@PostMapping("/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a test event",
			description = "Queues a webhook.test event for the endpoint, sent at once and logged like any other.")
	@ApiResponse(responseCode = "202", description = "Queued; its id is the webhook-id the endpoint receives")
	@ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "422", description = "Sending to the endpoint is stopped",
			content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work; an administrator's token is needed (another role's gets 404)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	TestQueued test(@PathVariable long id, Authentication authentication) {
		return new TestQueued(this.integrations.sendTest(id, Actor.of(authentication).username()));
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "The endpoint's delivery log",
			description = "Newest first, " + IntegrationWebhooks.PAGE_SIZE + " a page.")
	@ApiResponse(responseCode = "200", description = "A page of deliveries")
	@ApiResponse(responseCode = "404", description = "No such endpoint", content = @Content(mediaType = PROBLEM))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work; an administrator's token is needed (another role's gets 404)",
			content = @Content(mediaType = PROBLEM, examples = @ExampleObject(UNAUTHENTICATED)))
	Deliveries deliveries(@PathVariable long id,
			@Parameter(description = "From 0") @RequestParam(defaultValue = "0") int page) {
		IntegrationWebhooks.Deliveries found = this.integrations.deliveries(id, page);
		return new Deliveries(found.entries()
			.stream()
			.map(d -> new Delivery(d.messageId(), d.event().type(), d.reference(), d.state(), d.attempts(),
					d.httpStatus(), d.failure(), d.createdAt(), d.sentAt(), d.nextAttemptAt()))
			.toList(), found.page(), found.hasNext());
	}


	private static Endpoint endpoint(IntegrationWebhooks.Endpoint endpoint, People.Directory directory) {
		IntegrationWebhooks.LastDelivery last = endpoint.lastDelivery();
		return new Endpoint(endpoint.id(), endpoint.name(), endpoint.url(), types(endpoint.events()), endpoint.enabled(),
				Person.of(endpoint.createdBy(), directory), endpoint.createdAt(),
				(last == null) ? null
						: new LastDelivery(last.event().type(), last.state(), last.httpStatus(), last.failure(), last.at()));
	}

	private static List<String> types(List<IntegrationEvent> events) {
		return events.stream().map(IntegrationEvent::type).toList();
	}

}
