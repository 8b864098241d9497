package jp.hikeshi.organisation.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.organisation.Industry;
import jp.hikeshi.organisation.Organisation;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.shared.PlainText;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The administrator's settings page for the company. The time zone is text, checked here
 * rather than converted while binding: a conversion error would stop every other field from
 * being checked, and a person types this one.
 */
public record OrganisationForm(
		@NotBlank @Size(max = 200) @PlainText String name,
		@NotNull Industry industry,
		@Size(max = 200) @PlainText String supervisingMinistry,
		@NotBlank @Size(max = 64) String timeZone,
		@NotNull Long version) {

	static OrganisationForm of(Organisation organisation) {
		return new OrganisationForm(organisation.getName(), organisation.getIndustry(),
				organisation.getSupervisingMinistry(), organisation.getTimeZone().getId(), organisation.getVersion());
	}

	/** {@code timeZone.unknown} next to the time zone, with the text as typed, unless it is already refused. */
	void checkTimeZone(BindingResult errors) {
		if (!errors.hasFieldErrors("timeZone") && zone().isEmpty()) {
			errors.addError(new FieldError(errors.getObjectName(), "timeZone", this.timeZone, false,
					errors.resolveMessageCodes("timeZone.unknown", "timeZone"), null, null));
		}
	}

	Settings toCommand() {
		return new Settings(this.name, this.industry, this.supervisingMinistry, zone().orElseThrow());
	}

	private Optional<ZoneId> zone() {
		try {
			return Optional.of(ZoneId.of(this.timeZone));
		}
		catch (DateTimeException | NullPointerException ex) {
			return Optional.empty();
		}
	}

}
