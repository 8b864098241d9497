package jp.hikeshi.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A personal API token: a script acts as the person who made it, with the roles they held
 * then. Only the token's SHA-256 hash is kept. It stops working when it expires, when it is
 * revoked, when its owner is disabled, and when the owner's roles are no longer those it was
 * made with.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String owner;

	private String name;

	private String tokenHash;

	private String hint;

	private String roles;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant lastUsedAt;

	private Instant revokedAt;

	private String revokedBy;

	protected ApiToken() {
	}

	ApiToken(String owner, String name, String tokenHash, String hint, String roles, Instant createdAt,
			Instant expiresAt) {
		this.owner = owner;
		this.name = name;
		this.tokenHash = tokenHash;
		this.hint = hint;
		this.roles = roles;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	void revoke(String actor, Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
			this.revokedBy = actor;
		}
	}

	/** How the token stands for an owner who holds these roles now and is or is not enabled. */
	public Standing standing(Instant now, String currentRoles, boolean ownerEnabled) {
		return Standing.of(this.revokedAt != null, this.expiresAt, this.roles, now, currentRoles, ownerEnabled);
	}

	public Long getId() {
		return this.id;
	}

	public String getOwner() {
		return this.owner;
	}

	public String getName() {
		return this.name;
	}

	String getTokenHash() {
		return this.tokenHash;
	}

	/** The token's first characters, followed by an ellipsis: enough to recognise it, never to use it. */
	public String getHint() {
		return this.hint;
	}

	String getRoles() {
		return this.roles;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

	public String getRevokedBy() {
		return this.revokedBy;
	}

	/** Whether a token works, and if not, why (labels: {@code ApiToken.Standing.<name>}). */
	public enum Standing {

		ACTIVE, EXPIRED, REVOKED, OWNER_DISABLED, ROLES_CHANGED;

		/**
		 * How a token stands: revoked, expired, its owner disabled, or made with other roles than
		 * the owner holds now (both as {@code ApiTokens.rolesOf} writes them).
		 */
		static Standing of(boolean revoked, Instant expiresAt, String rolesThen, Instant now, String currentRoles,
				boolean ownerEnabled) {
			if (revoked) {
				return REVOKED;
			}
			if (!now.isBefore(expiresAt)) {
				return EXPIRED;
			}
			if (!ownerEnabled) {
				return OWNER_DISABLED;
			}
			return rolesThen.equals(currentRoles) ? ACTIVE : ROLES_CHANGED;
		}

		public boolean works() {
			return this == ACTIVE;
		}

		/**
		 * Whether revoking still changes anything: not for a token already revoked or expired. A
		 * token of a disabled owner, or of one whose roles changed, would work again once the
		 * owner is enabled or given back those roles, so it may be revoked.
		 */
		public boolean revocable() {
			return this != REVOKED && this != EXPIRED;
		}

	}

}
