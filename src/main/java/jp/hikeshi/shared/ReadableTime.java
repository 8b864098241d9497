package jp.hikeshi.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times, days and months as a person reads them, in their language: 「2026年11月25日 22:00」,
 * 「2026年11月25日」 and 「2026年11月」, "25 Nov 2026, 22:00", "25 Nov 2026" and "Nov 2026". Never
 * ISO-8601 on a page, in a mail, an export or the timeline.
 */
public final class ReadableTime {

	private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm", Locale.JAPANESE);

	private static final DateTimeFormatter JA_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.JAPANESE);

	private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter JA_MONTH = DateTimeFormatter.ofPattern("yyyy年M月", Locale.JAPANESE);

	private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

	private ReadableTime() {
	}

	public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return (instant == null) ? "" : (japanese(locale) ? JA_TIME : EN_TIME).format(instant.atZone(zone));
	}

	public static String day(LocalDate day, Locale locale) {
		return (day == null) ? "" : (japanese(locale) ? JA_DAY : EN_DAY).format(day);
	}

	/** A month: 「2026年3月」, "Mar 2026". */
	public static String month(YearMonth month, Locale locale) {
		return (month == null) ? "" : (japanese(locale) ? JA_MONTH : EN_MONTH).format(month);
	}

	private static boolean japanese(Locale locale) {
		return Locale.JAPANESE.getLanguage().equals(locale.getLanguage());
	}

}
