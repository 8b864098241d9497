package jp.hikeshi.system.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running by a development JVM that was killed ({@code kill -9}, a crashed
 * IDE): its {@code postmaster.pid} blocks the next start. When no running application holds
 * the data directory's lock, such a postmaster is an orphan and is stopped; when one does,
 * start-up fails with a message that says so.
 */
final class StalePostmaster {

	private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

	/** The lock file zonky's EmbeddedPostgres holds while an application uses the directory. */
	private static final String APPLICATION_LOCK = "epg-lock";

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

	private final Path directory;

	StalePostmaster(Path directory) {
		this.directory = directory;
	}

	void stopIfLeftBehind() {
		Path pidFile = this.directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		ensureNoApplicationHoldsTheDirectory();
		Optional<ProcessHandle> postmaster = readPid(pidFile).filter(StalePostmaster::isRunning)
			.flatMap(ProcessHandle::of)
			.filter(StalePostmaster::isPostgres);
		if (postmaster.isEmpty()) {
			// PostgreSQL itself ignores a pid file whose process is gone.
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("Stopping a PostgreSQL (pid {}) left running in {} by an earlier run", process.pid(), this.directory);
		// SIGTERM is PostgreSQL's "smart" shutdown; it writes a clean checkpoint.
		process.destroy();
		if (!waitUntilGone(process.pid(), SHUTDOWN_WAIT)) {
			process.destroyForcibly();
			if (!waitUntilGone(process.pid(), SHUTDOWN_WAIT)) {
				throw new IllegalStateException("Could not stop the PostgreSQL (pid " + process.pid()
						+ ") left running in " + this.directory + "; stop it by hand.");
			}
		}
	}

	/**
	 * Whether a process runs. A zombie does not: an orphaned postmaster that exited may linger
	 * as one where nothing reaps it, and it holds nothing.
	 */
	static boolean isRunning(long pid) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (Files.isReadable(stat)) {
			try {
				String content = Files.readString(stat);
				String afterName = content.substring(content.lastIndexOf(')') + 1).trim();
				return !afterName.startsWith("Z") && !afterName.startsWith("X");
			}
			catch (IOException ex) {
				return false;
			}
		}
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	private static boolean waitUntilGone(long pid, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (isRunning(pid)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while stopping a stale PostgreSQL", ex);
			}
		}
		return true;
	}

	private void ensureNoApplicationHoldsTheDirectory() {
		Path lockFile = this.directory.resolve(APPLICATION_LOCK);
		if (!Files.exists(lockFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw anotherApplication();
			}
		}
		catch (OverlappingFileLockException ex) {
			throw anotherApplication();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private IllegalStateException anotherApplication() {
		return new IllegalStateException("The development database in " + this.directory
				+ " is in use by another running Hikeshi. Stop it first, or set"
				+ " hikeshi.embedded-database.directory to another directory.");
	}

	private static Optional<Long> readPid(Path pidFile) {
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
	}

}
