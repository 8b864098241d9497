package jp.hikeshi.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An account id that does not exist; shown as the 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(long id) {
		super("No account " + id);
	}

	public AccountNotFoundException(String what) {
		super("No " + what);
	}

}
