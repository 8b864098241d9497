package jp.hikeshi.system.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jp.hikeshi.organisation.OrganisationService;

import org.springframework.stereotype.Component;

/** Times as the pages show them, in the organisation's zone: {@code ${@dates.format(instant)}}. */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final OrganisationService organisations;

	Dates(OrganisationService organisations) {
		this.organisations = organisations;
	}

	public String format(Instant instant) {
		return (instant == null) ? "" : MINUTES.format(instant.atZone(this.organisations.timeZone()));
	}

	/** The value of a {@code datetime-local} input. */
	public String input(Instant instant) {
		return (instant == null) ? "" : INPUT.format(instant.atZone(this.organisations.timeZone()));
	}

}
