package jp.hikeshi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Japan's national holidays, read from the {@code public_holiday} table and kept in memory. The
 * table is filled from the Cabinet Office file shipped with the app the first time it is read;
 * an administrator replaces whole years from a newer file ({@link #replace}), which every
 * deadline counted after the commit takes into account.
 */
@Service
public class HolidayCalendar {

	/** The file shipped with the app, in the Cabinet Office's format. */
	static final String SHIPPED_FILE = "calendar/syukujitsu.csv";

	/** The largest file an administrator may upload, in megabytes. */
	public static final int MAX_MEGABYTES = HolidayCsv.MAX_BYTES / (1024 * 1024);

	/** How long a snapshot is kept at most: another instance's upload reaches this one within it. */
	static final Duration MAX_AGE = Duration.ofMinutes(10);

	private final HolidayStore store;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Resource shippedFile = new ClassPathResource(SHIPPED_FILE);

	private final Object loading = new Object();

	private volatile boolean filled;

	private volatile Loaded cache;

	/** Counts the changes committed here, so that a load that began before one is not kept after it. */
	private final AtomicLong changes = new AtomicLong();

	HolidayCalendar(HolidayStore store, AuditLog auditLog, Clock clock) {
		this.store = store;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * The holidays as they stand: one snapshot, read from the table again after each change made
	 * here and, for a change made by another instance of the app, after {@link #MAX_AGE}.
	 */
	public Holidays current() {
		Loaded loaded = this.cache;
		if (loaded == null || loaded.isOlderThan(MAX_AGE)) {
			synchronized (this.loading) {
				loaded = this.cache;
				if (loaded == null || loaded.isOlderThan(MAX_AGE)) {
					if (!this.filled) {
						this.store.fill(shipped());
						this.filled = true;
					}
					long changesBefore = this.changes.get();
					loaded = new Loaded(Holidays.of(this.store.all()), System.nanoTime());
					if (this.changes.get() == changesBefore) {
						this.cache = loaded;
					}
				}
			}
		}
		return loaded.holidays();
	}

	/** Fills the table at start-up, so that a broken shipped file or table is noticed at once. */
	@EventListener(ApplicationReadyEvent.class)
	void fillAtStartUp() {
		current();
	}

	/**
	 * Replaces the holidays of every year the file covers, in one transaction, and records who did.
	 * Refused, with nothing changed, when the file is not a readable Cabinet Office list, when a
	 * year inside it has no holiday (no real year is without 元日), or when the years held would
	 * no longer follow each other (a hole would be counted as a year without holidays).
	 */
	@Transactional
	public HolidayUpload replace(String fileName, InputStream content, String actor) {
		List<Holiday> holidays = HolidayCsv.parse(content);
		SortedSet<Integer> years = new TreeSet<>();
		holidays.forEach(holiday -> years.add(holiday.day().getYear()));
		int first = years.first();
		int last = years.last();
		for (int year = first; year <= last; year++) {
			if (!years.contains(year)) {
				throw BusinessRuleViolation.onField(HolidayCsv.FIELD, "holidays.file.yearMissing", year);
			}
		}
		Holidays held = current();
		if (!held.isEmpty() && (first > held.lastYear() + 1 || last < held.firstYear() - 1)) {
			throw BusinessRuleViolation.onField(HolidayCsv.FIELD, "holidays.file.notAdjoining", first, last,
					held.firstYear(), held.lastYear());
		}
		HolidayUpload upload = new HolidayUpload(this.clock.instant(), actor, first, last, holidays.size(),
				(fileName == null || fileName.isBlank()) ? null : abbreviate(fileName.strip()));
		this.store.replace(first, last, holidays, upload);
		this.auditLog.record(actor, AuditAction.HOLIDAYS_REPLACED, first + "–" + last,
				holidays.size() + ((upload.fileName() != null) ? " " + upload.fileName() : ""));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				HolidayCalendar.this.changes.incrementAndGet();
				HolidayCalendar.this.cache = null;
			}
		});
		return upload;
	}

	/** The latest replacements, newest first. */
	public List<HolidayUpload> uploads() {
		return this.store.uploads(20);
	}

	private List<Holiday> shipped() {
		try (InputStream in = this.shippedFile.getInputStream()) {
			return HolidayCsv.parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A snapshot and when it was read ({@link System#nanoTime()}). */
	private record Loaded(Holidays holidays, long readAt) {

		boolean isOlderThan(Duration age) {
			return System.nanoTime() - this.readAt > age.toNanos();
		}

	}

	private static String abbreviate(String fileName) {
		return (fileName.length() <= 255) ? fileName : fileName.substring(0, 255);
	}

}
