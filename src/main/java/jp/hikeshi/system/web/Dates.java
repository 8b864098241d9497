package jp.hikeshi.system.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.shared.ReadableTime;

import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.stereotype.Component;

/**
 * Times as the pages show them, in the organisation's zone and the reader's language:
 * {@code ${@dates.format(instant)}} 「2026年11月25日 22:00」, {@code ${@dates.day(localDate)}} 「2026年11月25日」.
 */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final OrganisationService organisations;

	Dates(OrganisationService organisations) {
		this.organisations = organisations;
	}

	public String format(Instant instant) {
		return ReadableTime.dateTime(instant, this.organisations.timeZone(), LocaleContextHolder.getLocale());
	}

	public String day(LocalDate day) {
		return ReadableTime.day(day, LocaleContextHolder.getLocale());
	}

	/** The value of a {@code datetime-local} input. */
	public String input(Instant instant) {
		return (instant == null) ? "" : INPUT.format(instant.atZone(this.organisations.timeZone()));
	}

}
