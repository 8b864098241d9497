package jp.hikeshi.shared;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * A request the domain refuses: a guard that does not hold, a name already taken. Carries a
 * message code (resolved against the message bundles) rather than text, so the page says it in
 * the reader's language; {@link #field()} names the form field it concerns, where there is one.
 */
public class BusinessRuleViolation extends RuntimeException {

	private final String code;

	private final String field;

	private final transient Object[] arguments;

	public BusinessRuleViolation(String code, Object... arguments) {
		this(null, code, arguments);
	}

	private BusinessRuleViolation(String field, String code, Object... arguments) {
		super(code);
		this.field = field;
		this.code = code;
		this.arguments = arguments;
	}

	/** A violation that belongs to one form field. */
	public static BusinessRuleViolation onField(String field, String code, Object... arguments) {
		return new BusinessRuleViolation(field, code, arguments);
	}

	public String code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

	/** Puts this violation on a form's errors: on its field where it has one, else on the form. */
	public void reportTo(Errors errors) {
		if (this.field != null) {
			errors.rejectValue(this.field, this.code, this.arguments, this.code);
		}
		else {
			errors.reject(this.code, this.arguments, this.code);
		}
	}

	/** The message to show for this violation, arguments included, when it has no form to go on. */
	public MessageSourceResolvable message() {
		return new DefaultMessageSourceResolvable(new String[] { this.code }, arguments(), this.code);
	}

	public Object[] arguments() {
		return Arrays.copyOf(this.arguments, this.arguments.length);
	}

}
