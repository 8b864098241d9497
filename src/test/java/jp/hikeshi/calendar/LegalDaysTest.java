package jp.hikeshi.calendar;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Deadline days read in both languages, from the app's own message bundles and without Spring. */
class LegalDaysTest {

	private static final LocalDate SATURDAY = LocalDate.of(2026, 12, 5);

	private final MessageSource messages = bundles();

	@Test
	void aDeadlineReadsAsTheDayItEnds() {
		assertThat(LegalDays.byEndOf(SATURDAY, this.messages, Locale.JAPANESE)).isEqualTo("2026年12月5日（土）中");
		assertThat(LegalDays.byEndOf(SATURDAY, this.messages, Locale.ENGLISH))
			.isEqualTo("by the end of Sat 5 Dec 2026 (JST)");
		assertThat(LegalDays.byEndOf(SATURDAY, this.messages, Locale.JAPAN)).isEqualTo("2026年12月5日（土）中");
		assertThat(LegalDays.byEndOf(null, this.messages, Locale.JAPANESE)).isEmpty();
	}

	@Test
	void aDayReadsWithItsWeekdayInTheReadersLanguage() {
		assertThat(LegalDays.day(SATURDAY, this.messages, Locale.JAPANESE)).isEqualTo("2026年12月5日（土）");
		assertThat(LegalDays.day(SATURDAY, this.messages, Locale.ENGLISH)).isEqualTo("Sat 5 Dec 2026");
		assertThat(LegalDays.day(LocalDate.of(2027, 1, 27), this.messages, Locale.JAPANESE)).isEqualTo("2027年1月27日（水）");
		// a reader in another language reads the English bundle, weekday included
		assertThat(LegalDays.day(SATURDAY, this.messages, Locale.FRENCH)).isEqualTo("Sat 5 Dec 2026");
	}

	@ParameterizedTest(name = "{0} on {1}: {2} / {3}")
	@CsvSource(textBlock = """
			2026-12-05, 2026-12-05, 本日が期限,          Due today
			2026-12-05, 2026-12-02, あと3日,             3 days left
			2026-12-05, 2026-12-04, あと1日,             1 day left
			2026-12-05, 2026-12-06, 期限を1日過ぎています, 1 day overdue
			2026-12-05, 2026-12-07, 期限を2日過ぎています, 2 days overdue
			2027-01-04, 2026-12-28, あと7日,             7 days left
			""")
	void howADeadlineStandsToday(LocalDate lastDay, LocalDate today, String japanese, String english) {
		assertThat(LegalDays.standing(lastDay, today, this.messages, Locale.JAPANESE)).isEqualTo(japanese);
		assertThat(LegalDays.standing(lastDay, today, this.messages, Locale.ENGLISH)).isEqualTo(english);
	}

	@Test
	void beyondTheCalendarIsSaidInBothLanguages() {
		assertThat(this.messages.getMessage("legalDays.beyondCalendar", null, Locale.JAPANESE))
			.isEqualTo("祝日データの範囲外のため、休日を考慮していません");
		assertThat(this.messages.getMessage("legalDays.beyondCalendar", null, Locale.ENGLISH)).isNotBlank();
	}

	/** The bundles as the app configures them (application.properties: spring.messages.*). */
	private static MessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
