package jp.hikeshi.system.web;

import java.time.ZoneId;

import jp.hikeshi.organisation.OrganisationService;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page shows times in the organisation's time zone ({@code ${zone}} in templates). */
@ControllerAdvice
class DisplayZone {

	private final OrganisationService organisations;

	DisplayZone(OrganisationService organisations) {
		this.organisations = organisations;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return this.organisations.timeZone();
	}

}
