package jp.hikeshi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.TextFiles;

/**
 * Reads the Cabinet Office's list of national holidays, 内閣府「国民の祝日について」
 * {@code syukujitsu.csv}: a header {@code 国民の祝日・休日月日,国民の祝日・休日名称}, then one
 * {@code 2026/5/6,休日} a line. The published file is Shift_JIS (Windows-31J); a file saved
 * again as UTF-8, with or without a byte-order mark, is read too. Anything else is refused with
 * the line it stumbled on, on the form field {@value #FIELD}, before anything is stored.
 */
final class HolidayCsv {

	/** The form field a refusal belongs to. */
	static final String FIELD = "file";

	/** The largest file taken: the real one, every year since 1955, is about 20 KB. */
	static final int MAX_BYTES = 1024 * 1024;

	static final String HEADER = "国民の祝日・休日月日,国民の祝日・休日名称";

	private static final int MAX_NAME = 100;

	/** The first and last years a date may have: the holidays law (祝日法) dates from 1948. */
	private static final int FIRST_YEAR = 1948;

	private static final int LAST_YEAR = 2199;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/M/d")
		.withResolverStyle(ResolverStyle.STRICT);

	private HolidayCsv() {
	}

	/** Reads at most {@link #MAX_BYTES} from {@code content}; refuses a longer file. */
	static List<Holiday> parse(InputStream content) {
		byte[] bytes;
		try {
			bytes = content.readNBytes(MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (bytes.length > MAX_BYTES) {
			throw BusinessRuleViolation.onField(FIELD, "holidays.file.tooLarge", HolidayCalendar.MAX_MEGABYTES);
		}
		return parse(decode(bytes));
	}

	static List<Holiday> parse(String text) {
		String[] lines = text.split("\r\n|\r|\n", -1);
		int first = 0;
		while (first < lines.length && lines[first].isBlank()) {
			first++;
		}
		if (first == lines.length) {
			throw BusinessRuleViolation.onField(FIELD, "holidays.file.empty");
		}
		if (!HEADER.equals(lines[first].strip().replace("\"", ""))) {
			throw BusinessRuleViolation.onField(FIELD, "holidays.file.notCsv");
		}
		List<Holiday> holidays = new ArrayList<>();
		Set<LocalDate> seen = new HashSet<>();
		for (int i = first + 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			int lineNumber = i + 1;
			String[] cells = lines[i].split(",", -1);
			if (cells.length != 2) {
				throw BusinessRuleViolation.onField(FIELD, "holidays.file.badLine", lineNumber);
			}
			LocalDate day = date(unquote(cells[0]), lineNumber);
			String name = unquote(cells[1]);
			if (name.isEmpty() || name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
				throw BusinessRuleViolation.onField(FIELD, "holidays.file.badName", lineNumber);
			}
			if (!seen.add(day)) {
				throw BusinessRuleViolation.onField(FIELD, "holidays.file.duplicate", lineNumber, cells[0].strip());
			}
			holidays.add(new Holiday(day, name));
		}
		if (holidays.isEmpty()) {
			throw BusinessRuleViolation.onField(FIELD, "holidays.file.empty");
		}
		return holidays;
	}

	/**
	 * The text of the file: UTF-8 after a byte-order mark or where the bytes are valid UTF-8
	 * (which Shift_JIS Japanese practically never is), else Windows-31J. Binary content is no CSV.
	 */
	static String decode(byte[] bytes) {
		if (bytes.length == 0) {
			throw BusinessRuleViolation.onField(FIELD, "holidays.file.empty");
		}
		for (byte b : bytes) {
			if (b == 0) {
				throw BusinessRuleViolation.onField(FIELD, "holidays.file.notCsv");
			}
		}
		return TextFiles.decode(bytes)
			.orElseThrow(() -> BusinessRuleViolation.onField(FIELD, "holidays.file.notCsv"));
	}

	private static LocalDate date(String text, int lineNumber) {
		try {
			LocalDate day = LocalDate.parse(text, DATE);
			if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR) {
				return day;
			}
		}
		catch (DateTimeParseException ex) {
			// refused below, with the line
		}
		throw BusinessRuleViolation.onField(FIELD, "holidays.file.badDate", lineNumber, text);
	}

	private static String unquote(String cell) {
		String value = cell.strip();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1).strip();
		}
		return value;
	}

}
