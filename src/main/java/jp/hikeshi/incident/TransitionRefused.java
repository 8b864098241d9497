package jp.hikeshi.incident;

import java.util.List;

import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;

/** A transition that was not made, with every guard that failed. Nothing was changed. */
public class TransitionRefused extends BusinessRuleViolation {

	private final transient List<Unmet> unmet;

	TransitionRefused(List<Unmet> unmet) {
		super(unmet.get(0).code(), unmet.get(0).args());
		this.unmet = List.copyOf(unmet);
	}

	TransitionRefused(String code, Object... arguments) {
		this(List.of(new Unmet(code, arguments)));
	}

	public List<Unmet> unmet() {
		return this.unmet;
	}

	/** The first guard that failed, its role, state or items translated. */
	@Override
	public MessageSourceResolvable message() {
		return this.unmet.get(0);
	}

	/** Every guard that failed: on the form's field where it concerns one the form has, else on the form. */
	@Override
	public void reportTo(Errors errors) {
		for (Unmet guard : this.unmet) {
			if (guard.field() != null && hasField(errors, guard.field())) {
				errors.rejectValue(guard.field(), guard.code(), guard.getArguments(), guard.code());
			}
			else {
				errors.reject(guard.code(), guard.getArguments(), guard.code());
			}
		}
	}

	private static boolean hasField(Errors errors, String field) {
		try {
			return errors.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
