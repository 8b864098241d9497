package jp.hikeshi.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets Hikeshi must keep (a chat webhook's URL lets anyone post to the channel)
 * with AES-256-GCM. The key comes from {@code HIKESHI_SECRET_KEY} (32 bytes, Base64), which every
 * node of one installation shares; without it, a key file is created once beside the development
 * database, readable by its owner only. Never in the database, never in the repository.
 */
@Component
class SecretBox {

	private static final Log log = LogFactory.getLog(SecretBox.class);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	SecretBox(@Value("${hikeshi.secret-key:}") String configured,
			@Value("${hikeshi.secret-key-file:data/secret.key}") Path keyFile) {
		this.key = new SecretKeySpec(configured.isBlank() ? fromFile(keyFile) : decode(configured), "AES");
	}

	byte[] seal(String secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** The secret, or {@code null} when it was sealed with another key (the key was replaced). */
	String open(byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

	private static byte[] decode(String configured) {
		byte[] key = Base64.getDecoder().decode(configured.strip());
		if (key.length != 32) {
			throw new IllegalStateException("HIKESHI_SECRET_KEY must be 32 bytes in Base64 (openssl rand -base64 32)");
		}
		return key;
	}

	private static byte[] fromFile(Path keyFile) {
		try {
			if (Files.exists(keyFile)) {
				return decode(Files.readString(keyFile));
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Path parent = keyFile.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the directory's permissions protect it
			}
			log.warn("HIKESHI_SECRET_KEY is not set: created a key for secrets in " + keyFile.toAbsolutePath()
					+ ". Set HIKESHI_SECRET_KEY in production, the same on every node.");
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the secret key file " + keyFile, ex);
		}
	}

}
