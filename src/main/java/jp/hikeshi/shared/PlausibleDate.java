package jp.hikeshi.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A day or time a person may plan or search for: from {@link #EARLIEST} to {@link #LATEST}. Every
 * date a form takes carries this or {@link Happened}, so that no absurd year reaches the database.
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlausibleDateValidator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

	/** No incident Hikeshi handles happened before this day. */
	LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** Nothing is planned beyond this day. */
	LocalDate LATEST = LocalDate.of(2099, 12, 31);

	String message() default "{PlausibleDate}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
