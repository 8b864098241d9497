package jp.hikeshi.api;

import jp.hikeshi.account.People;

/** A person as the API names them: the user name a script matches on, the name people read. */
public record Person(String username, String displayName) {

	/** {@code null} for nobody. */
	public static Person of(String username, People.Directory directory) {
		return (username == null) ? null : new Person(username, directory.name(username));
	}

}
