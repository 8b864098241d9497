package jp.hikeshi.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's identity at a provider (issuer and subject, which never change for them there),
 * linked to their account at the first sign-in that matched it by verified e-mail: later sign-ins
 * find the account by it even after the address changed.
 */
@Entity
@Table(name = "external_identity")
class ExternalIdentity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private IdentityProvider provider;

	private String issuer;

	private String subject;

	private Long userAccountId;

	private Instant linkedAt;

	protected ExternalIdentity() {
	}

	ExternalIdentity(IdentityProvider provider, String issuer, String subject, long userAccountId, Instant linkedAt) {
		this.provider = provider;
		this.issuer = issuer;
		this.subject = subject;
		this.userAccountId = userAccountId;
		this.linkedAt = linkedAt;
	}

	long userAccountId() {
		return this.userAccountId;
	}

}
