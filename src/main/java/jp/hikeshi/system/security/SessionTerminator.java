package jp.hikeshi.system.security;

import jp.hikeshi.account.AccountSignedOut;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the open sessions of an account that was disabled, changed roles or had its password
 * changed or reset: their next request, on any node, goes to the sign-in page. The sessions are
 * found in PostgreSQL by the account's name and marked ended there ({@link EndedSessionFilter}
 * reads the mark); one the event names as kept (the session that changed its own password) stays
 * open.
 */
@Component
class SessionTerminator {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountSignedOut event) {
		end(this.sessions, event);
	}

	private static <S extends Session> void end(FindByIndexNameSessionRepository<S> sessions, AccountSignedOut event) {
		sessions.findByPrincipalName(event.username())
			.values()
			.stream()
			.filter(session -> !session.getId().equals(event.keptSession()))
			.forEach(session -> {
				session.setAttribute(EndedSessionFilter.ENDED, Boolean.TRUE);
				sessions.save(session);
			});
	}

}
