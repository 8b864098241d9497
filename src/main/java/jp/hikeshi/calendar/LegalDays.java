package jp.hikeshi.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A deadline day as a Japanese office worker expects to read it, in the reader's language:
 * 「2026年12月5日（土）中」 / "by the end of Sat 5 Dec 2026 (JST)", and how it stands today
 * 「あと3日」「本日が期限」「期限を2日過ぎています」. The pages use the bean
 * ({@code ${@legalDays.byEndOf(day)}}, in the request's language); mails and exports use the
 * static methods with a language of their choosing. The words and the date pattern are in the
 * message bundles ({@code legalDays.*}); the weekday is in the bundle's language.
 */
@Component("legalDays")
public class LegalDays {

	private final MessageSource messages;

	private final Clock clock;

	private final LegalDeadlines deadlines;

	LegalDays(MessageSource messages, Clock clock, LegalDeadlines deadlines) {
		this.messages = messages;
		this.clock = clock;
		this.deadlines = deadlines;
	}

	/** 「2026年12月5日（土）中」 / "by the end of Sat 5 Dec 2026 (JST)". */
	public String byEndOf(LocalDate lastDay) {
		return byEndOf(lastDay, this.messages, LocaleContextHolder.getLocale());
	}

	/** 「2026年12月5日（土）」 / "Sat 5 Dec 2026". */
	public String day(LocalDate day) {
		return day(day, this.messages, LocaleContextHolder.getLocale());
	}

	/** How the deadline stands today in Japan: 「あと3日」「本日が期限」「期限を2日過ぎています」. */
	public String standing(LocalDate lastDay) {
		return standing(lastDay, today(), this.messages, LocaleContextHolder.getLocale());
	}

	/** Whether the day lies after the holiday data, so holidays were not taken into account. */
	public boolean beyondCalendar(LocalDate day) {
		return (day != null) && day.isAfter(this.deadlines.coveredUntil());
	}

	/**
	 * Which day since 発覚 today is, counting the day the company knew as day 1 as the PPC does:
	 * the triage queue shows it before anyone has assessed the duties.
	 */
	public long dayNumber(java.time.Instant knewAt) {
		return (knewAt == null) ? 0 : ChronoUnit.DAYS.between(this.deadlines.dayOne(knewAt), today()) + 1;
	}

	/** Today in Japan, the day deadlines are compared with. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(LegalDeadlines.JAPAN));
	}

	public static String byEndOf(LocalDate lastDay, MessageSource messages, Locale locale) {
		return (lastDay == null) ? ""
				: messages.getMessage("legalDays.byEndOf", new Object[] { day(lastDay, messages, locale) }, locale);
	}

	public static String day(LocalDate day, MessageSource messages, Locale locale) {
		if (day == null) {
			return "";
		}
		String pattern = messages.getMessage("legalDays.day.pattern", null, locale);
		return DateTimeFormatter.ofPattern(pattern, weekdayLanguage(locale)).format(day);
	}

	/** How {@code lastDay} stands on {@code today}, both Japanese calendar days. */
	public static String standing(LocalDate lastDay, LocalDate today, MessageSource messages, Locale locale) {
		if (lastDay == null) {
			return "";
		}
		long days = ChronoUnit.DAYS.between(today, lastDay);
		if (days == 0) {
			return messages.getMessage("legalDays.dueToday", null, locale);
		}
		return (days > 0) ? messages.getMessage("legalDays.daysLeft", new Object[] { days }, locale)
				: messages.getMessage("legalDays.daysOverdue", new Object[] { -days }, locale);
	}

	/** The weekday in the bundle's language: the bundles are Japanese and, for every other reader, English. */
	private static Locale weekdayLanguage(Locale locale) {
		return Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
	}

}
