package jp.hikeshi.system.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** English counts agree with their nouns ("1 incident", "2 reports owed are"); Japanese needs no forms. */
class EnglishPluralsTest {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	EnglishPluralsTest() {
		this.messages.setBasename("messages");
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
	}

	@Test
	void countsAgreeWithTheirNouns() {
		assertThat(english("incident.list.count", 0L)).isEqualTo("No incidents");
		assertThat(english("incident.list.count", 1L)).isEqualTo("1 incident");
		assertThat(english("incident.list.count", 1234L)).isEqualTo("1,234 incidents");
		assertThat(english("duty.guard.undecided", 1, "PPC")).startsWith("1 report owed is not decided yet");
		assertThat(english("duty.guard.unsettled", 3, "PPC")).startsWith("3 reports owed are neither");
		assertThat(english("incident.guard.requiredItemsMissing", 1, "x")).startsWith("1 required item is empty");
		assertThat(english("holidays.year", 2026, 1)).isEqualTo("2026 (1 day)");
		assertThat(english("timeline.verify.intact", 1)).contains("(1 entry checked;");
		assertThat(english("dataSet.maximumBelowConfirmed", 1)).endsWith("(1 person).");
	}

	@Test
	void japaneseKeepsOneForm() {
		assertThat(this.messages.getMessage("incident.list.count", new Object[] { 1L }, Locale.JAPANESE)).isEqualTo("1件");
	}

	private String english(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, Locale.ENGLISH);
	}

}
