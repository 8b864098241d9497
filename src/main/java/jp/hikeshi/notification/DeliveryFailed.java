package jp.hikeshi.notification;

/** A send that did not go through, with what an administrator can act on. */
class DeliveryFailed extends Exception {

	private final Failure failure;

	private final Integer status;

	DeliveryFailed(Failure failure, Throwable cause) {
		this(failure, null, cause);
	}

	/** @param status the HTTP status the other side answered with, if it answered */
	DeliveryFailed(Failure failure, Integer status, Throwable cause) {
		super(failure.name(), cause);
		this.failure = failure;
		this.status = status;
	}

	Failure failure() {
		return this.failure;
	}

	Integer status() {
		return this.status;
	}

}
