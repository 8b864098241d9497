package jp.hikeshi.system.security;

import jp.hikeshi.account.AccountSignedOut;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the open sessions of an account that was disabled, changed roles or had its password
 * reset: their next request goes to the sign-in page.
 */
@Component
class SessionTerminator {

	private final SessionRegistry sessions;

	SessionTerminator(SessionRegistry sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountSignedOut event) {
		this.sessions.getAllPrincipals()
			.stream()
			.filter(principal -> principal instanceof UserDetails user
					&& user.getUsername().equalsIgnoreCase(event.username()))
			.flatMap(principal -> this.sessions.getAllSessions(principal, false).stream())
			.forEach(session -> session.expireNow());
	}

}
