package jp.hikeshi.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlausibleDate}: a day between its earliest and latest. */
public class PlausibleDateValidator implements ConstraintValidator<PlausibleDate, Object> {

	@Override
	public boolean isValid(Object value, ConstraintValidatorContext context) {
		LocalDate day = dayOf(value);
		return day == null || !(day.isBefore(PlausibleDate.EARLIEST) || day.isAfter(PlausibleDate.LATEST));
	}

	/** The calendar day of a date or time ({@code null} for none); an instant's in UTC. */
	static LocalDate dayOf(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof LocalDateTime time) {
			return time.toLocalDate();
		}
		if (value instanceof OffsetDateTime time) {
			return time.toLocalDate();
		}
		if (value instanceof ZonedDateTime time) {
			return time.toLocalDate();
		}
		if (value instanceof Instant instant) {
			return instant.atOffset(ZoneOffset.UTC).toLocalDate();
		}
		throw new IllegalArgumentException("not a date: " + value.getClass());
	}

	/**
	 * Checks {@link Happened}: not before the earliest day, and a year of four digits at most. Later
	 * than now is refused by the services, each with its own message (発覚 in the future, a filing
	 * in the future …); what this refuses is what no service rule or column could take.
	 */
	public static class ForHappened implements ConstraintValidator<Happened, Object> {

		@Override
		public boolean isValid(Object value, ConstraintValidatorContext context) {
			LocalDate day = dayOf(value);
			return day == null || !(day.isBefore(PlausibleDate.EARLIEST) || day.isAfter(Happened.LATEST));
		}

	}

}
