package jp.hikeshi.account;

import java.util.List;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The passkeys themselves (table {@code user_credentials}), kept by Spring's JDBC repository.
 * A new one and a removed one go on the audit trail in the same transaction, whichever way they
 * came (the registration ceremony, the page's remove button, Spring's DELETE endpoint).
 */
@Component
class PasskeyCredentials implements UserCredentialRepository {

	private final JdbcUserCredentialRepository jdbc;

	private final PasskeyUsers users;

	private final AuditLog audit;

	PasskeyCredentials(JdbcOperations jdbc, PasskeyUsers users, AuditLog audit) {
		this.jdbc = new JdbcUserCredentialRepository(jdbc);
		this.users = users;
		this.audit = audit;
	}

	@Override
	@Transactional
	public void save(CredentialRecord record) {
		boolean registered = this.jdbc.findByCredentialId(record.getCredentialId()) == null;
		this.jdbc.save(record);
		if (registered) {
			String owner = owner(record);
			this.audit.record(owner, AuditAction.PASSKEY_REGISTERED, owner, record.getLabel());
		}
	}

	@Override
	@Transactional
	public void delete(Bytes credentialId) {
		CredentialRecord record = this.jdbc.findByCredentialId(credentialId);
		if (record == null) {
			return;
		}
		this.jdbc.delete(credentialId);
		String owner = owner(record);
		this.audit.record(owner, AuditAction.PASSKEY_REMOVED, owner, record.getLabel());
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.jdbc.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.jdbc.findByUserId(userId);
	}

	private String owner(CredentialRecord record) {
		PublicKeyCredentialUserEntity user = this.users.findById(record.getUserEntityUserId());
		return (user == null) ? "" : user.getName();
	}

}
