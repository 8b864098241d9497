package jp.hikeshi.shared.web;

import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.Errors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One way to refuse. A business rule the domain enforces ({@link BusinessRuleViolation}) or a
 * change someone made meanwhile reaches the person in one of two ways:
 * <ul>
 * <li>on a form: as errors of that form — next to the field it names, with its message
 * arguments — so that the controller re-renders the form with everything that was typed
 * ({@link #accepted});</li>
 * <li>for a button without a form: as a notice that carries its arguments, after the redirect
 * ({@link #flash}).</li>
 * </ul>
 * Either way nothing was saved: the refused service call ran in a transaction that rolled back.
 */
public final class Refusals {

	/** The code of the message for a change made by someone else since the page was loaded. */
	public static final String CHANGED_MEANWHILE = "form.changedMeanwhile";

	private Refusals() {
	}

	/**
	 * Runs a form's action.
	 * @return {@code true} if it was done; {@code false} if it was refused, the reasons then
	 * being on {@code errors}
	 */
	public static boolean accepted(Errors errors, Runnable action) {
		if (errors.hasErrors()) {
			return false;
		}
		try {
			action.run();
			return true;
		}
		catch (BusinessRuleViolation violation) {
			violation.reportTo(errors);
			return false;
		}
		catch (ObjectOptimisticLockingFailureException conflict) {
			errors.reject(CHANGED_MEANWHILE);
			return false;
		}
	}

	/**
	 * Whether the form was refused because someone changed the record since the page was loaded
	 * (the generic conflict, or a module's own "changed meanwhile" that names who changed what).
	 */
	public static boolean changedMeanwhile(Errors errors) {
		return errors.getGlobalErrors()
			.stream()
			.anyMatch(error -> error.getCode() != null && error.getCode().endsWith("changedMeanwhile"));
	}

	/**
	 * Runs an action that has no form and flashes what came of it: {@code done} (with
	 * {@code doneArguments}) or the refusal, with its arguments.
	 * @return {@code true} if it was done
	 */
	public static boolean flash(RedirectAttributes redirect, Runnable action, String done, Object... doneArguments) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", Notice.of(done, doneArguments));
			return true;
		}
		catch (BusinessRuleViolation violation) {
			redirect.addFlashAttribute("problem", Notice.of(violation.code(), violation.message().getArguments()));
			return false;
		}
		catch (ObjectOptimisticLockingFailureException conflict) {
			redirect.addFlashAttribute("problem", Notice.of(CHANGED_MEANWHILE));
			return false;
		}
	}

}
