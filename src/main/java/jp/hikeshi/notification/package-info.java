/**
 * Who is told what (#11): e-mail, chat webhooks (Teams, Slack, Google Chat) and the in-app bell.
 * It listens to the other modules' events and to their deadlines, writes one outbox row per
 * person and channel in the transaction of the fact, and sends after that transaction commits,
 * retrying with backoff. Messages carry a reference, what is needed and a link — never an
 * incident's description or personal data, since mail and chat leave the company's control.
 * Plain JDBC: the outbox is a queue read with {@code FOR UPDATE SKIP LOCKED}, not an aggregate.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "calendar", "incident", "organisation", "prevention",
		"reporting", "shared" })
package jp.hikeshi.notification;

import org.springframework.modulith.ApplicationModule;
