package jp.hikeshi.account;

import org.springframework.security.core.AuthenticationException;

/** An attempt refused without checking the password, because of earlier failures. */
public class ThrottledLoginException extends AuthenticationException {

	public ThrottledLoginException() {
		super("Too many failed sign-in attempts");
	}

}
