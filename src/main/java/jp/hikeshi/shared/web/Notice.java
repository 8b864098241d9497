package jp.hikeshi.shared.web;

import java.io.Serializable;
import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * A message shown once at the top of the next page (a flash attribute {@code notice} or
 * {@code problem}): a code and its arguments, resolved in the reader's language when the page
 * renders. Arguments that are themselves {@link MessageSourceResolvable} are translated too.
 */
public record Notice(String code, Object[] args) implements MessageSourceResolvable, Serializable {

	public static Notice of(String code, Object... args) {
		return new Notice(code, (args == null) ? new Object[0] : args.clone());
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.args.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Notice notice && notice.code.equals(this.code) && Arrays.equals(notice.args, this.args);
	}

	@Override
	public int hashCode() {
		return 31 * this.code.hashCode() + Arrays.hashCode(this.args);
	}

	@Override
	public String toString() {
		return "Notice[" + this.code + "]";
	}

}
