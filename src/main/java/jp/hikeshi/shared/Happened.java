package jp.hikeshi.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The day or time something happened: not before {@link PlausibleDate#EARLIEST}, and with a year of
 * four digits. A discovery on 0001-01-01 would make every deadline overdue, one in the year
 * 999999999 cannot even be stored. Whether it may be later than now is the service's rule, with
 * its own message. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlausibleDateValidator.ForHappened.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface Happened {

	/** The last day a date field can hold (a year of four digits, as the browsers' date inputs take). */
	java.time.LocalDate LATEST = java.time.LocalDate.of(9999, 12, 31);

	String message() default "{Happened}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
