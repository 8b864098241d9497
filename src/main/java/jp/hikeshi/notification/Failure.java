package jp.hikeshi.notification;

/**
 * What went wrong with a send, in words an administrator can act on (the log and the settings
 * page show the label, never an exception's message).
 */
public enum Failure {

	NO_MAIL_SERVER(true), NO_ADDRESS(true), INVALID_ADDRESS(true), ACCOUNT_DISABLED(true), AUTHENTICATION_FAILED(false),
	HOST_NOT_FOUND(false), CONNECTION_REFUSED(false), TLS(false), TIMEOUT(false), MAIL_REJECTED(false),
	WEBHOOK_NOT_HTTPS(true), WEBHOOK_REJECTED(true), WEBHOOK_SERVER_ERROR(false), WEBHOOK_REMOVED(true),
	WEBHOOK_KEY_CHANGED(true),
	/** An integration endpoint answered with a status other than 2xx (the log shows which): tried again. */
	ENDPOINT_STATUS(false),
	/** An integration endpoint's host now resolves to an address inside the network: never sent there. */
	ENDPOINT_ADDRESS_REFUSED(true),
	/** The administrator switched the endpoint off. */
	ENDPOINT_DISABLED(true),
	/** The endpoint's signing secret cannot be read: the encryption key was replaced. */
	ENDPOINT_KEY_CHANGED(true), UNKNOWN(false);

	private final boolean permanent;

	Failure(boolean permanent) {
		this.permanent = permanent;
	}

	/** Trying again cannot help until someone changes something (an address, a webhook). */
	public boolean isPermanent() {
		return this.permanent;
	}

}
