package jp.hikeshi.notification.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A notification that is not the reader's own, or does not exist: the same 404 either way. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotificationNotFound extends RuntimeException {

	NotificationNotFound(long id) {
		super("notification " + id);
	}

}
