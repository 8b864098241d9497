package jp.hikeshi.drill;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such drill: a 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DrillNotFound extends RuntimeException {

	public DrillNotFound() {
		super("no such drill");
	}

}
