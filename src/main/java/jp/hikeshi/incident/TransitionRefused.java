package jp.hikeshi.incident;

import java.util.List;

import jp.hikeshi.shared.BusinessRuleViolation;

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

}
