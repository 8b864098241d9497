package jp.hikeshi.account;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signs in to Hikeshi, with the roles they hold. */
@Entity
@Table(name = "user_account")
public class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	private String department;

	private String email;

	private String phone;

	private String passwordHash;

	private boolean enabled = true;

	private boolean passwordChangeRequired;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "user_account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected UserAccount() {
	}

	UserAccount(String username, Profile profile, Set<Role> roles, String passwordHash, Instant now) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.createdAt = now;
		apply(profile, roles, now);
	}

	void apply(Profile profile, Set<Role> roles, Instant now) {
		this.displayName = profile.displayName();
		this.department = profile.department();
		this.email = profile.email();
		this.phone = profile.phone();
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, boolean changeRequired, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangeRequired = changeRequired;
		this.updatedAt = now;
	}

	void disable(Instant now) {
		this.enabled = false;
		this.updatedAt = now;
	}

	void enable(Instant now) {
		this.enabled = true;
		this.updatedAt = now;
	}

	public boolean isActiveAdministrator() {
		return this.enabled && this.roles.contains(Role.ADMIN);
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getDepartment() {
		return this.department;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPhone() {
		return this.phone;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	public Set<Role> getRoles() {
		return Collections.unmodifiableSet(this.roles);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	/**
	 * The parts of an account its holder is known by, and how to reach them.
	 * @param email one plain address ({@link #EMAIL}), or {@code null}
	 * @param phone a phone number ({@link #PHONE}), or {@code null}
	 */
	public record Profile(String displayName, String department, String email, String phone) {

		/**
		 * One plain address, {@code name@example.co.jp}: no display name, no second address, no
		 * quoted local part, nothing that could break a mail header (a line break, a comma, a
		 * space). Narrower than RFC 5322 on purpose: notices are sent to it.
		 */
		public static final String EMAIL = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
				+ "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+";

		/**
		 * Digits and what separates them, half- or full-width: spaces, {@code + -} and brackets,
		 * at least one digit. The same rule as the column's check.
		 */
		public static final String PHONE = "[-0-9０-９+＋()（） 　－]*[0-9０-９][-0-9０-９+＋()（） 　－]*";

		/** A phone number has at most this many characters. */
		public static final int PHONE_LENGTH = 30;

		static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);

		static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);

	}

}
