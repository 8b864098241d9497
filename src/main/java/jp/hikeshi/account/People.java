package jp.hikeshi.account;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.hikeshi.shared.PhoneNumbers;

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

	People(UserAccountRepository accounts) {
		this.accounts = accounts;
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
	@Transactional(readOnly = true)
	public List<String> holding(Role... roles) {
		return this.accounts.findEnabledUsernamesHolding(List.of(roles));
	}

	/** The accounts behind these login names (unknown ones left out), looked up at once: for a notification to many. */
	@Transactional(readOnly = true)
	public Map<String, UserAccount> accounts(java.util.Collection<String> usernames) {
		return this.accounts.findByUsernameIn(usernames)
			.stream()
			.collect(Collectors.toMap(UserAccount::getUsername, Function.identity()));
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
