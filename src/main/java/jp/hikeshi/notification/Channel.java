package jp.hikeshi.notification;

/** How a notification reaches people. */
public enum Channel {

	EMAIL,
	/** A company chat channel through an incoming webhook: one message per webhook, not per person. */
	CHAT,
	/** The bell in the header and the page of one's notifications. */
	IN_APP,
	/** A signed JSON event to an integrator's endpoint: one per endpoint, never to a person. */
	HOOK

}
