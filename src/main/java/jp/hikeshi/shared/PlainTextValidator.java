package jp.hikeshi.shared;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

	private boolean multiline;

	@Override
	public void initialize(PlainText annotation) {
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return isPlain(value, this.multiline);
	}

	/** The same check for text that does not come through a validated form ({@code null} is plain). */
	public static boolean isPlain(String value, boolean multiline) {
		return value == null || value.codePoints().allMatch(codePoint -> isAllowed(codePoint, multiline));
	}

	private static boolean isAllowed(int codePoint, boolean multiline) {
		if (multiline && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t')) {
			return true;
		}
		int type = Character.getType(codePoint);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
				&& type != Character.PRIVATE_USE && type != Character.SURROGATE;
	}

}
