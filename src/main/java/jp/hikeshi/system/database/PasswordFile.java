package jp.hikeshi.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A generated database password kept in a file only its owner may read ({@code 0600}) beside the data
 * directory. The password is 32 random bytes in URL-safe Base64: nothing in it needs quoting in SQL.
 */
final class PasswordFile {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;

	PasswordFile(Path file) {
		this.file = file;
	}

	Path path() {
		return this.file;
	}

	boolean exists() {
		return Files.exists(this.file);
	}

	/** The password in the file, made and written first when there is none. */
	String read() {
		try {
			if (!Files.exists(this.file)) {
				create();
			}
			return Files.readAllLines(this.file).get(0).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the database password in " + this.file, ex);
		}
	}

	private void create() throws IOException {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		try {
			Files.createFile(this.file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(this.file); // not a POSIX file system (Windows): the user's profile protects it
		}
		catch (FileAlreadyExistsException ex) {
			return; // written meanwhile by another start; read that one
		}
		Files.writeString(this.file, password + "\n");
	}

}
