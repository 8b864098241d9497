package jp.hikeshi.dashboard.web;

import java.time.YearMonth;
import java.util.Locale;

import jp.hikeshi.dashboard.Grouping;
import jp.hikeshi.shared.ReadableTime;

import org.springframework.context.MessageSource;

/**
 * The names of the dashboard's groups over time, from their first month (yyyy-MM): 「2026年3月」 /
 * "Mar 2026", 「2026年第1四半期」 / "Q1 2026", 「2026年」 / "2026". Public, for the page's trend
 * table ({@code ${groups.of(row.key())}}).
 */
public final class GroupLabels {

	private final Grouping grouping;

	private final MessageSource messages;

	private final Locale locale;

	GroupLabels(Grouping grouping, MessageSource messages, Locale locale) {
		this.grouping = grouping;
		this.messages = messages;
		this.locale = locale;
	}

	public String of(String month) {
		YearMonth first = YearMonth.parse(month);
		// the year as a string: MessageFormat would write 2,026 in English
		String year = String.valueOf(first.getYear());
		return switch (this.grouping) {
			case MONTH -> ReadableTime.month(first, this.locale);
			case QUARTER -> this.messages.getMessage("dashboard.groupLabel.QUARTER",
					new Object[] { year, String.valueOf((first.getMonthValue() - 1) / 3 + 1) }, this.locale);
			case YEAR -> this.messages.getMessage("dashboard.groupLabel.YEAR", new Object[] { year }, this.locale);
		};
	}

}
