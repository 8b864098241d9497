package jp.hikeshi.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.account.Role;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static jp.hikeshi.api.ProblemExamples.UNAUTHENTICATED;

/** Who the token acts as: the first call a script makes to check its token. */
@RestController
@RequestMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Account")
class MeApi {

	private final People people;

	MeApi(People people) {
		this.people = people;
	}

	/** The person a token acts as, and the token. */
	record Me(Person person, List<Role> roles, String token) {
	}

	@GetMapping
	@Operation(summary = "Who the token acts as", description = "The token's owner, their roles and the token's name.")
	@ApiResponse(responseCode = "200", description = "The owner",
			content = @Content(examples = @ExampleObject("""
					{"person": {"username": "lead", "displayName": "鈴木 花子"}, "roles": ["SECURITY_LEAD"], "token": "mail gateway"}""")))
	@ApiResponse(responseCode = "401", description = "No token, or one that does not work",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(UNAUTHENTICATED)))
	Me me(Authentication authentication) {
		Actor actor = Actor.of(authentication);
		String token = (authentication.getDetails() instanceof BearerTokenFilter.ApiTokenDetails details)
				? details.tokenName() : null;
		return new Me(Person.of(actor.username(), this.people.directory()),
				actor.roles().stream().sorted().toList(), token);
	}

}
