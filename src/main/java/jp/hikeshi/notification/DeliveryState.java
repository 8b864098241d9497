package jp.hikeshi.notification;

/** Where a notification stands. */
public enum DeliveryState {

	/** Waiting to be sent, or to be tried again after a failure. */
	PENDING,
	/** Accepted by the mail server or the chat service; for the in-app list, delivered. */
	SENT,
	/** Given up after the tries allowed, or refused for good; the administrator may send it again. */
	FAILED,
	/** Never tried: no mail server configured, or the person has no e-mail address. */
	NOT_SENT

}
