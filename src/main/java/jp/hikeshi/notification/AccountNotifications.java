package jp.hikeshi.notification;

import java.util.List;
import java.util.Map;

import jp.hikeshi.account.PasswordPathLocked;
import jp.hikeshi.account.People;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What a person is told about their own account: that someone's wrong passwords locked signing
 * in with their password. A name that is no account's tells nobody.
 */
@Component
class AccountNotifications {

	private final Notifier notifier;

	private final People people;

	AccountNotifications(Notifier notifier, People people) {
		this.notifier = notifier;
		this.people = people;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(PasswordPathLocked event) {
		this.people.account(event.username()).ifPresent(account -> this.notifier.tell(
				Occurrence.of(Rule.PASSWORD_LOCKED,
						"account:" + account.getId() + ":password-locked:" + event.until().toEpochMilli(), null, null,
						Map.of("dueAt", event.until().toString()), "/login"),
				List.of(account.getUsername())));
	}

}
