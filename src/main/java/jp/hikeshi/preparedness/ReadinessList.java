package jp.hikeshi.preparedness;

import java.util.Comparator;
import java.util.List;

import jp.hikeshi.shared.Readiness;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The readiness lines of every module that keeps one, in their order, checked as they stand now. */
@Component
public class ReadinessList {

	private final ObjectProvider<Readiness> checks;

	ReadinessList(ObjectProvider<Readiness> checks) {
		this.checks = checks;
	}

	public List<Readiness.Line> lines() {
		return this.checks.orderedStream()
			.sorted(Comparator.comparingInt(Readiness::order))
			.map(Readiness::check)
			.toList();
	}

}
