package jp.hikeshi.system.web;

import java.time.ZoneId;

import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.system.DatabaseUnavailable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page shows times in the organisation's time zone ({@code ${zone}} in templates). */
@ControllerAdvice
class DisplayZone {

	private final OrganisationService organisations;

	DisplayZone(OrganisationService organisations) {
		this.organisations = organisations;
	}

	/** The page that says the database cannot be reached needs no zone, but is rendered with one. */
	@ModelAttribute("zone")
	ZoneId zone() {
		try {
			return this.organisations.timeZone();
		}
		catch (RuntimeException ex) {
			if (!DatabaseUnavailable.isCause(ex)) {
				throw ex;
			}
			return OrganisationService.DEFAULT_TIME_ZONE;
		}
	}

}
