package jp.hikeshi.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's passkeys: the list on their page, removing one, and (as one kind of
 * {@link FactorEnrolments}) whether they have any and the administrator's reset.
 */
@Service
public class Passkeys implements FactorEnrolments {

	/** The longest label a person may give a passkey (column {@code user_credentials.label}). */
	public static final int MAX_LABEL = PasskeyRegistrationGuard.MAX_LABEL;

	private final PasskeyUsers users;

	private final PasskeyCredentials credentials;

	private final JdbcTemplate jdbc;

	Passkeys(PasskeyUsers users, PasskeyCredentials credentials, JdbcTemplate jdbc) {
		this.users = users;
		this.credentials = credentials;
		this.jdbc = jdbc;
	}

	/** The person's passkeys, oldest first. */
	@Transactional(readOnly = true)
	public List<Passkey> of(String username) {
		PublicKeyCredentialUserEntity user = this.users.findByUsername(username);
		if (user == null) {
			return List.of();
		}
		return this.credentials.findByUserId(user.getId())
			.stream()
			.map(Passkey::of)
			.sorted(Comparator.comparing(Passkey::created, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
	}

	/** Removes one of the person's own passkeys (audited); someone else's is left alone. */
	@Transactional
	public boolean remove(String username, String passkeyId) {
		PublicKeyCredentialUserEntity user = this.users.findByUsername(username);
		Bytes id;
		try {
			id = Bytes.fromBase64(passkeyId);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		CredentialRecord passkey = this.credentials.findByCredentialId(id);
		if (user == null || passkey == null || !passkey.getUserEntityUserId().equals(user.getId())) {
			return false;
		}
		this.credentials.delete(id);
		return true;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasAny(long accountId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from user_credentials c
				    join user_entities e on e.id = c.user_entity_user_id
				    join user_account a on a.username = e.name where a.id = ?)""", Boolean.class, accountId));
	}

	@Override
	@Transactional
	public void removeAll(long accountId) {
		this.jdbc.update("""
				delete from user_credentials where user_entity_user_id in (
				    select e.id from user_entities e join user_account a on a.username = e.name where a.id = ?)""",
				accountId);
	}

	/**
	 * One passkey as its owner sees it.
	 * @param id the credential id (base64url), used in the remove button's address, never shown
	 */
	public record Passkey(String id, String label, Instant created, Instant lastUsed) {

		static Passkey of(CredentialRecord record) {
			return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
					record.getLastUsed());
		}

	}

}
