package jp.hikeshi.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's one secret, kept outside the database: {@code HIKESHI_SECRET_KEY} (32 bytes,
 * Base64, the same on every node) or, without it, a key file created once beside the development
 * database and readable by its owner only. It encrypts the secrets Hikeshi keeps and, through
 * keys derived from it for one purpose each, seals what must show tampering even to someone who
 * holds the database's credentials (the timeline, the evidence hashes). Losing it makes the
 * secrets unreadable and the seals unverifiable: it belongs in the backups, apart from the data.
 */
@Component
public class ApplicationSecret {

	private static final Log log = LogFactory.getLog(ApplicationSecret.class);

	private final byte[] key;

	ApplicationSecret(@Value("${hikeshi.secret-key:}") String configured,
			@Value("${hikeshi.secret-key-file:data/secret.key}") Path keyFile) {
		this.key = configured.isBlank() ? fromFile(keyFile) : decode(configured);
	}

	/** The key itself as an AES key: what the notification module's secrets were always sealed with. */
	public SecretKeySpec encryptionKey() {
		return new SecretKeySpec(this.key, "AES");
	}

	/**
	 * An AES key for one purpose ({@code "authenticator-app-v1"}), derived as HMAC(secret, purpose):
	 * what one purpose encrypts no other purpose's key opens.
	 */
	public SecretKeySpec encryptionKey(String purpose) {
		return new SecretKeySpec(hmac(this.key, ("key:" + purpose).getBytes(StandardCharsets.UTF_8)), "AES");
	}

	/**
	 * A seal for one purpose ({@code "timeline-v1"}): an HMAC-SHA256 with a key derived from the
	 * secret as HMAC(secret, purpose), so that no purpose's MAC can stand in for another's.
	 */
	public Seal seal(String purpose) {
		return new Seal(hmac(this.key, purpose.getBytes(StandardCharsets.UTF_8)));
	}

	/** HMAC-SHA256 over length-prefixed parts, as hex; checks in constant time. */
	public static final class Seal {

		private final byte[] key;

		private Seal(byte[] key) {
			this.key = key;
		}

		public String of(Object... parts) {
			StringBuilder canonical = new StringBuilder();
			for (Object part : parts) {
				// length-prefixed, so that no two different lists of parts read the same
				String text = (part == null) ? "" : part.toString();
				canonical.append(part == null ? -1 : text.length()).append(':').append(text).append('|');
			}
			return HexFormat.of().formatHex(hmac(this.key, canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}

		/** Whether {@code mac} is this seal over these parts; {@code false} for none. */
		public boolean holds(String mac, Object... parts) {
			return mac != null && MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
					of(parts).getBytes(StandardCharsets.US_ASCII));
		}

	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
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
			log.warn("HIKESHI_SECRET_KEY is not set: created the installation's key in " + keyFile.toAbsolutePath()
					+ ". Set HIKESHI_SECRET_KEY in production, the same on every node, and keep it with the backups.");
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the secret key file " + keyFile, ex);
		}
	}

}
