package jp.hikeshi.account;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * A person as WebAuthn knows them (table {@code user_entities}, one row per account that ever
 * registered a passkey). Spring names the new entity by the login name only; the phone's passkey
 * list then shows the person's display name as well.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	private final JdbcPublicKeyCredentialUserEntityRepository jdbc;

	private final UserAccountRepository accounts;

	PasskeyUsers(JdbcOperations jdbc, UserAccountRepository accounts) {
		this.jdbc = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
		this.accounts = accounts;
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return this.jdbc.findById(id);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return this.jdbc.findByUsername(username);
	}

	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		String displayName = this.accounts.findByUsername(userEntity.getName())
			.map(UserAccount::getDisplayName)
			.orElse(userEntity.getDisplayName());
		this.jdbc.save(ImmutablePublicKeyCredentialUserEntity.builder()
			.id(userEntity.getId())
			.name(userEntity.getName())
			.displayName(displayName)
			.build());
	}

	@Override
	public void delete(Bytes id) {
		this.jdbc.delete(id);
	}

}
