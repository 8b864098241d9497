package jp.hikeshi.test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.SignedInUser;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Real accounts for tests, each with a name of its own, signed in as the real principal. */
@Component
public class TestUsers {

	private static final AtomicInteger sequence = new AtomicInteger();

	private final AccountService accounts;

	private final UserDetailsService userDetails;

	private final ApiTokens tokens;

	public TestUsers(AccountService accounts, UserDetailsService userDetails, ApiTokens tokens) {
		this.accounts = accounts;
		this.userDetails = userDetails;
		this.tokens = tokens;
	}

	/** The {@code Authorization} header of a personal API token of a fresh account holding these roles. */
	public String bearer(Role first, Role... more) {
		return bearerOf(create(first, more).getUsername());
	}

	/** The {@code Authorization} header of a new personal API token ("test script") of this user. */
	public String bearerOf(String username) {
		UserAccount account = this.accounts.findByUsername(username).orElseThrow();
		return "Bearer " + this.tokens.create(new Actor(username, account.getRoles()), "test script", null).secret();
	}

	/**
	 * A request sent with this {@code Authorization} header, as a script sends it: no session, no
	 * CSRF token. Each from an address of its own, so that one test's wrong tokens never slow
	 * down another's (the API throttles wrong tokens per address).
	 */
	public static RequestPostProcessor api(String bearer) {
		int n = sequence.incrementAndGet();
		return request -> {
			request.addHeader("Authorization", bearer);
			request.setRemoteAddr("10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255));
			return request;
		};
	}

	public UserAccount create(Role first, Role... more) {
		Set<Role> roles = EnumSet.of(first, more);
		String username = "user" + sequence.incrementAndGet() + "-" + first.name().toLowerCase().replace('_', '-');
		return this.accounts.create(new CreateAccount(username, new Profile("テスト " + username, "テスト部", null, null), roles,
				CompletedSetup.PASSWORD), "test");
	}

	/** How the pages name this user. */
	public String displayNameOf(String username) {
		return this.accounts.findByUsername(username).orElseThrow().getDisplayName();
	}

	/** Signs the request in as a fresh account holding these roles. */
	public RequestPostProcessor as(Role first, Role... more) {
		return signedIn(create(first, more).getUsername());
	}

	public RequestPostProcessor signedIn(String username) {
		return user((SignedInUser) this.userDetails.loadUserByUsername(username));
	}

	/** Every combination the authorisation matrix checks: each role alone. */
	public static List<Role> roles() {
		return List.of(Role.values());
	}

}
