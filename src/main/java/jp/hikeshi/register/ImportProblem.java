package jp.hikeshi.register;

import jp.hikeshi.shared.web.Notice;

/**
 * One thing an import refused: the line of the file (0 for the file as a whole), the column where
 * there is one, and why, as a message in the reader's language.
 */
public record ImportProblem(int line, RegisterColumn column, Notice reason) {

	static ImportProblem of(int line, RegisterColumn column, String code, Object... arguments) {
		return new ImportProblem(line, column, Notice.of(code, arguments));
	}

	/** The file as a whole is refused (not a spreadsheet, no lines, too many). */
	static ImportProblem ofFile(String code, Object... arguments) {
		return of(0, null, code, arguments);
	}

}
