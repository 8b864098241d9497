package jp.hikeshi.incident;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such incident, or not one this person may see: the same 404 either way. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class IncidentNotFoundException extends RuntimeException {

	public IncidentNotFoundException(long id) {
		super("No visible incident " + id);
	}

}
