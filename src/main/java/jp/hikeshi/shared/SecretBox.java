package jp.hikeshi.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets Hikeshi must keep (a chat webhook's URL, an authenticator app's key, an
 * identity provider's client secret) with AES-256-GCM under a key derived from the installation's
 * secret ({@link ApplicationSecret}): never in the database, never in the repository. What it
 * seals is the nonce followed by the ciphertext and its tag.
 */
public class SecretBox {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	public SecretBox(SecretKeySpec key) {
		this.key = key;
	}

	public byte[] seal(String secret) {
		return seal(secret.getBytes(StandardCharsets.UTF_8));
	}

	public byte[] seal(byte[] secret) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(secret);
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	/** The secret, or {@code null} when it was sealed with another key (the key was replaced). */
	public String open(byte[] sealed) {
		byte[] secret = openBytes(sealed);
		return (secret == null) ? null : new String(secret, StandardCharsets.UTF_8);
	}

	/** The secret, or {@code null} when it was sealed with another key (the key was replaced). */
	public byte[] openBytes(byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

}
