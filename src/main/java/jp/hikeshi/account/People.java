package jp.hikeshi.account;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.hikeshi.shared.PhoneNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * How people are named where others read about them: by their display name, with their
 * department where it helps (担当者・責任者 in the required-items record). A login name is an
 * internal code and never shown.
 */
@Component
public class People {

	private static final String DIRECTORY = People.class.getName() + ".directory";

	private final UserAccountRepository accounts;

	private final JdbcClient jdbc;

	People(UserAccountRepository accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** Everyone, looked up once: for a page or an export that names many people. */
	@Transactional(readOnly = true)
	public Directory directory() {
		return new Directory(this.accounts.findAllByOrderByUsernameAsc()
			.stream()
			.collect(Collectors.toMap(UserAccount::getUsername, Function.identity(), (first, second) -> first,
					java.util.LinkedHashMap::new)));
	}

	/**
	 * Whom to reach in a role: the enabled accounts holding it, by display name, each with the
	 * phone number it gives (or none). For a page that tells someone whom to call now.
	 */
	@Transactional(readOnly = true)
	public List<Contact> reachable(Role role) {
		return this.accounts.findEnabledHolding(role)
			.stream()
			.map(account -> new Contact(account.getDisplayName(), account.getPhone()))
			.toList();
	}

	/**
	 * One person's display name: {@code ${@people.name(username)}}. The accounts are looked up
	 * once per request, however many people a page names (a list of measures, a custody log).
	 */
	public String name(String username) {
		return forThisRequest().name(username);
	}

	/** The login names of the enabled people holding any of these roles: whom a notification addresses. */
	public List<String> holding(Role... roles) {
		// plain SQL: it runs in the transaction of every report and change that notifies someone
		return this.jdbc.sql("""
				select distinct a.username from user_account a join user_account_role r on r.user_account_id = a.id
				where a.enabled and r.role = any(?) order by a.username""")
			.param(Arrays.stream(roles).map(Role::name).toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/** The accounts behind these login names (unknown ones left out), looked up at once: for a notification to many. */
	@Transactional(readOnly = true)
	public Map<String, UserAccount> accounts(Collection<String> usernames) {
		return this.accounts.findByUsernameIn(usernames)
			.stream()
			.collect(Collectors.toMap(UserAccount::getUsername, Function.identity()));
	}

	/**
	 * What a notification needs of each of these people (unknown login names left out), in one
	 * statement: it runs in the transaction of every report and change that notifies someone.
	 */
	public Map<String, Recipient> recipients(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		Map<String, Recipient> found = new HashMap<>();
		this.jdbc.sql("""
				select a.username, a.enabled, a.email, array_remove(array_agg(r.role::text), null) as roles
				from user_account a left join user_account_role r on r.user_account_id = a.id
				where a.username = any(?) group by a.id""")
			.param(usernames.toArray(String[]::new))
			.query((rs, n) -> {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				for (String role : (String[]) rs.getArray("roles").getArray()) {
					roles.add(Role.valueOf(role));
				}
				return new Recipient(rs.getString("username"), rs.getBoolean("enabled"), rs.getString("email"),
						Collections.unmodifiableSet(roles));
			})
			.list()
			.forEach(recipient -> found.put(recipient.username(), recipient));
		return found;
	}

	/** One person's account, if there is one. */
	@Transactional(readOnly = true)
	public Optional<UserAccount> account(String username) {
		return this.accounts.findByUsername(username);
	}

	/** One person as "department display name". */
	public String nameWithDepartment(String username) {
		return forThisRequest().nameWithDepartment(username);
	}

	private Directory forThisRequest() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return directory();
		}
		Directory directory = (Directory) request.getAttribute(DIRECTORY, RequestAttributes.SCOPE_REQUEST);
		if (directory == null) {
			directory = directory();
			request.setAttribute(DIRECTORY, directory, RequestAttributes.SCOPE_REQUEST);
		}
		return directory;
	}

	/**
	 * Someone a notification addresses: whether the account may still be reached, its mail
	 * address (or none) and its roles, which decide the page a link opens.
	 */
	public record Recipient(String username, boolean enabled, String email, Set<Role> roles) {

		/** Sees every incident: a security lead or an executive. */
		public boolean seesEverything() {
			return this.roles.contains(Role.SECURITY_LEAD) || this.roles.contains(Role.EXECUTIVE);
		}

	}

	/**
	 * Someone to call, as others read them: the display name, never the login name.
	 * @param phone the number as typed, or {@code null}
	 */
	public record Contact(String name, String phone) {

		/** The {@code tel:} link for the number, or {@code null} when there is none. */
		public String phoneLink() {
			return PhoneNumbers.telLink(this.phone);
		}

	}

	/** A snapshot of the accounts, by login name. */
	public static final class Directory {

		private final Map<String, UserAccount> byUsername;

		Directory(Map<String, UserAccount> byUsername) {
			this.byUsername = byUsername;
		}

		/** Every account, by login name in alphabetical order. */
		public List<UserAccount> accounts() {
			return List.copyOf(this.byUsername.values());
		}

		/** The account behind a login name, if there is one. */
		public Optional<UserAccount> account(String username) {
			return Optional.ofNullable((username == null) ? null : this.byUsername.get(username));
		}

		/** The display name; an unknown login name (an imported record) stays as it was. */
		public String name(String username) {
			if (username == null) {
				return null;
			}
			UserAccount account = this.byUsername.get(username);
			return (account == null) ? username : account.getDisplayName();
		}

		/** "総務部 山田 太郎": department and display name, for the required-items record. */
		public String nameWithDepartment(String username) {
			if (username == null) {
				return null;
			}
			UserAccount account = this.byUsername.get(username);
			if (account == null) {
				return username;
			}
			String department = account.getDepartment();
			return (department == null || department.isBlank()) ? account.getDisplayName()
					: department + " " + account.getDisplayName();
		}

	}

}
