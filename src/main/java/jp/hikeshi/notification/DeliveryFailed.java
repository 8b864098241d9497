package jp.hikeshi.notification;

/** A send that did not go through, with what an administrator can act on. */
class DeliveryFailed extends Exception {

	private final Failure failure;

	DeliveryFailed(Failure failure, Throwable cause) {
		super(failure.name(), cause);
		this.failure = failure;
	}

	Failure failure() {
		return this.failure;
	}

}
