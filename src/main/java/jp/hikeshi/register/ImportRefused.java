package jp.hikeshi.register;

import java.util.List;

/** An import refused, line by line; nothing of it was kept (the transaction rolled back). */
public class ImportRefused extends RuntimeException {

	private final transient List<ImportProblem> problems;

	ImportRefused(List<ImportProblem> problems) {
		super("register.import.refused");
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

}
