package jp.hikeshi.system.security;

import jp.hikeshi.account.AccountSignedOut;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the open sessions of an account that was disabled, changed roles or had its password
 * changed or reset: their next request, on any node, goes to the sign-in page. The sessions are
 * found in PostgreSQL by the account's name; one the event names as kept (the session that
 * changed its own password) stays open.
 */
@Component
class SessionTerminator {

	private final SessionRegistry sessions;

	SessionTerminator(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountSignedOut event) {
		this.sessions.getAllSessions(event.username(), false)
			.stream()
			.filter(session -> !session.getSessionId().equals(event.keptSession()))
			.forEach(session -> session.expireNow());
	}

}
