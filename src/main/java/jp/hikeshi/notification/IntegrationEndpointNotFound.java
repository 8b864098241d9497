package jp.hikeshi.notification;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No integration endpoint with this id (it was deleted, or never was). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class IntegrationEndpointNotFound extends RuntimeException {

	public IntegrationEndpointNotFound(long id) {
		super("No integration endpoint " + id);
	}

}
