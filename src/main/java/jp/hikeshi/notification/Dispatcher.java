package jp.hikeshi.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import jp.hikeshi.account.People;
import jp.hikeshi.organisation.OrganisationService;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;

/**
 * Sends what the outbox holds, after the transaction that wrote it committed. Rows are claimed
 * up to {@value #BATCH} at a time: {@code FOR UPDATE SKIP LOCKED} picks rows no other sender holds,
 * and the claim moves their next attempt a lease ahead ({@link #LEASE}), so two nodes (or a poll
 * and a wake-up) never send the same row. They are sent with no transaction open (a slow mail
 * server holds no connection of the pool), and what became of them is written in one transaction
 * per batch. A send that fails is tried again with a growing pause, up to {@value #MAX_ATTEMPTS}
 * times, then left "failed" for the administrator to resend. A restart loses nothing: the rows
 * wait in PostgreSQL, and the next poll sends them (a batch cut off by a crash, once its lease has
 * run out).
 */
@Component
class Dispatcher {

	static final int MAX_ATTEMPTS = 10;

	/** Rows claimed at once: two commits for a batch rather than two for each mail or request. */
	static final int BATCH = 20;

	/**
	 * How long a claimed row is left to its sender before another may take it. A batch stops
	 * sending at half of it (each send gives up after 15 s) and gives back what it did not send.
	 */
	static final Duration LEASE = Duration.ofMinutes(5);

	private static final Log log = LogFactory.getLog(Dispatcher.class);

	private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);

	private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final MailChannel mail;

	private final ChatChannel chat;

	private final HookChannel hooks;

	private final Webhooks webhooks;

	private final Messages messages;

	private final NotificationSettings settings;

	private final People people;

	private final OrganisationService organisations;

	private final Clock clock;

	private final boolean wakeOnCommit;

	/** The right-hand side of each mail's Message-ID: the same row always gets the same one. */
	private final String installation;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "notifications");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean woken = new AtomicBoolean();

	Dispatcher(JdbcTemplate jdbc, TransactionTemplate transaction, MailChannel mail, ChatChannel chat, HookChannel hooks,
			Webhooks webhooks, Messages messages, NotificationSettings settings, People people, OrganisationService organisations,
			Clock clock, @Value("${hikeshi.notifications.send-on-commit:true}") boolean wakeOnCommit,
			@Value("${hikeshi.public-base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.mail = mail;
		this.chat = chat;
		this.hooks = hooks;
		this.webhooks = webhooks;
		this.messages = messages;
		this.settings = settings;
		this.people = people;
		this.organisations = organisations;
		this.clock = clock;
		this.wakeOnCommit = wakeOnCommit;
		String host = java.net.URI.create(baseUrl.strip()).getHost();
		this.installation = (host == null || host.isBlank()) ? "hikeshi.invalid" : host;
	}

	/** Called after a commit that queued something: send it now, off the request's thread. */
	void wake() {
		if (this.wakeOnCommit && this.woken.compareAndSet(false, true)) {
			this.worker.execute(() -> {
				this.woken.set(false);
				drain(this.clock.instant());
			});
		}
	}

	/** Wakes the sender once the current transaction commits (at once when there is none). */
	void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake();
				}
			});
		}
		else {
			wake();
		}
	}

	/**
	 * Sends every row due by {@code now}, a batch at a time, until none is left that another
	 * sender does not hold.
	 * @return how many rows were claimed
	 */
	int drain(Instant now) {
		int tried = 0;
		try (Round round = new Round()) {
			int batch;
			do {
				batch = sendBatch(now, round);
				tried += batch;
			}
			while (batch == BATCH);
		}
		catch (RuntimeException ex) {
			// the database went away; the next poll tries again
			log.warn("Notifications: sending stopped for now: " + ex.getMessage());
		}
		return tried;
	}

	private int sendBatch(Instant now, Round round) {
		List<Due> claimed = this.transaction.execute(status -> claim(now));
		Instant claimedAt = this.clock.instant();
		List<Outcome> outcomes = new ArrayList<>(claimed.size());
		for (Due row : claimed) {
			boolean leaseHalfGone = this.clock.instant().isAfter(claimedAt.plus(LEASE.dividedBy(2)));
			outcomes.add(leaseHalfGone ? Outcome.unsent(row) : send(row, round));
		}
		this.transaction.executeWithoutResult(status -> {
			unhurriedCommit();
			outcomes.forEach(outcome -> record(outcome, now));
		});
		return claimed.size();
	}

	/** The next rows due, in order, each claimed for {@link #LEASE}. */
	private List<Due> claim(Instant now) {
		unhurriedCommit();
		List<Due> due = new ArrayList<>(this.jdbc.query("""
				update notification n set next_attempt_at = ?
				from (select id from notification where state = 'PENDING' and next_attempt_at <= ?
				      order by priority, id limit ? for update skip locked) due
				where n.id = due.id
				returning n.id, n.priority, n.rule, n.channel, n.recipient, n.webhook_id, n.endpoint_id, n.reference,
				          n.params::text as params, n.link, n.payload, n.attempts""", (rs, n) -> new Due(rs.getLong("id"),
				rs.getInt("priority"), rs.getString("rule"), rs.getString("channel"), rs.getString("recipient"),
				(Long) rs.getObject("webhook_id"), (Long) rs.getObject("endpoint_id"), rs.getString("reference"),
				rs.getString("params"), rs.getString("link"), rs.getString("payload"), rs.getInt("attempts")),
				Timestamp.from(now.plus(LEASE)), Timestamp.from(now), BATCH));
		due.sort(Comparator.comparingInt(Due::priority).thenComparingLong(Due::id));
		return due;
	}

	/**
	 * What the sender writes is bookkeeping of sends: if a crash loses the last fraction of a
	 * second of it, a claim is made again or a row sent again, as a send cut off before its record
	 * would be (a mail keeps its Message-ID, a request its webhook-id). So it does not wait for the
	 * disk, which leaves the commits that must (a report, a change) theirs alone.
	 */
	private void unhurriedCommit() {
		this.jdbc.execute("set local synchronous_commit = off");
	}

	private Outcome send(Due row, Round round) {
		try {
			// read inside the try: a row this version cannot read is marked failed, never blocks the queue
			return new Outcome(row, true, null, deliver(row, round), this.clock.instant());
		}
		catch (DeliveryFailed ex) {
			return new Outcome(row, true, ex.failure(), ex.status(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Notifications: could not send notification " + row.id(), ex);
			return new Outcome(row, true, Failure.UNKNOWN, null, this.clock.instant());
		}
	}

	/** @return the HTTP status an integration endpoint answered with; {@code null} for mail and chat */
	private Integer deliver(Due row, Round round) throws DeliveryFailed {
		if (Channel.valueOf(row.channel()) == Channel.HOOK) {
			return this.hooks.deliver(row.endpointId(), row.payload());
		}
		Rule rule = Rule.valueOf(row.rule());
		Map<String, String> params = Notifier.JSON.readValue(row.params(), new TypeReference<Map<String, String>>() {
		});
		ZoneId zone = round.zone();
		String base = round.baseUrl();
		if (Channel.valueOf(row.channel()) == Channel.CHAT) {
			Webhooks.Target target = this.webhooks.target(row.webhookId() == null ? -1 : row.webhookId())
				.orElseThrow(() -> new DeliveryFailed(Failure.WEBHOOK_REMOVED, null));
			Messages.Worded worded = this.messages.word(rule, row.reference(), params, target.language(), zone);
			this.chat.post(target, target.kind().payload(worded.headline(), worded.text(), base + row.link(),
					this.messages.openLabel(target.language())));
			return null;
		}
		People.Recipient account = round.account(row.recipient());
		if (account == null || !account.enabled()) {
			throw new DeliveryFailed(Failure.ACCOUNT_DISABLED, null);
		}
		Locale language = round.language(row.recipient());
		Messages.Worded worded = this.messages.word(rule, row.reference(), params, language, zone);
		round.outgoing().send(round.sender(), account.email(), worded.subject(),
				this.messages.mailBody(worded, base + row.link(), base + "/account/notifications", language),
				"<notification-" + row.id() + "@" + this.installation + ">");
		return null;
	}

	/** @param now the moment the batch was drained for: a row given back unsent is due again from then */
	private void record(Outcome outcome, Instant now) {
		Due row = outcome.row();
		if (!outcome.tried()) {
			this.jdbc.update("update notification set next_attempt_at = ? where id = ?", Timestamp.from(now), row.id());
			return;
		}
		if (outcome.failure() == null) {
			this.jdbc.update("""
					update notification set state = 'SENT', failure = null, http_status = ?, attempts = attempts + 1,
					sent_at = ? where id = ?""", outcome.status(), Timestamp.from(outcome.at()), row.id());
			return;
		}
		int attempts = row.attempts() + 1;
		boolean givingUp = outcome.failure().isPermanent() || attempts >= MAX_ATTEMPTS;
		this.jdbc.update("""
				update notification set state = ?, failure = ?, http_status = ?, attempts = ?, next_attempt_at = ?
				where id = ?""", givingUp ? DeliveryState.FAILED.name() : DeliveryState.PENDING.name(),
				outcome.failure().name(), outcome.status(), attempts, Timestamp.from(outcome.at().plus(pauseAfter(attempts))),
				row.id());
	}

	/** 30 s, 1 min, 2 min … doubling, at most an hour: ten tries span about four and a half hours. */
	static Duration pauseAfter(int attempts) {
		Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempts - 1, 20));
		return (pause.compareTo(LONGEST_PAUSE) > 0) ? LONGEST_PAUSE : pause;
	}

	@PreDestroy
	void stop() {
		this.worker.shutdownNow();
	}

	/**
	 * What one round of sending looks up once rather than for each mail: the company's settings
	 * and zone, and each recipient's account and language (a report to five leads sends five mails).
	 */
	private final class Round implements AutoCloseable {

		private MailChannel.Outgoing outgoing;

		private CompanySettings company;

		private ZoneId zone;

		private final Map<String, java.util.Optional<People.Recipient>> accounts = new java.util.HashMap<>();

		private final Map<String, Locale> languages = new java.util.HashMap<>();

		private CompanySettings company() {
			if (this.company == null) {
				this.company = Dispatcher.this.settings.cachedCompany();
			}
			return this.company;
		}

		ZoneId zone() {
			if (this.zone == null) {
				this.zone = Dispatcher.this.organisations.timeZone();
			}
			return this.zone;
		}

		String baseUrl() {
			return Dispatcher.this.settings.publicBaseUrl(company());
		}

		String sender() {
			return Dispatcher.this.settings.sender(company());
		}

		MailChannel.Outgoing outgoing() {
			if (this.outgoing == null) {
				this.outgoing = Dispatcher.this.mail.open();
			}
			return this.outgoing;
		}

		@Override
		public void close() {
			if (this.outgoing != null) {
				this.outgoing.close();
			}
		}

		People.Recipient account(String username) {
			return this.accounts
				.computeIfAbsent(username,
						name -> java.util.Optional.ofNullable(Dispatcher.this.people.recipients(List.of(name)).get(name)))
				.orElse(null);
		}

		Locale language(String username) {
			return this.languages.computeIfAbsent(username,
					name -> Dispatcher.this.settings.personal(List.of(name)).get(name).language());
		}

	}

	/** A row as stored: read into the product's types only when it is sent. */
	private record Due(long id, int priority, String rule, String channel, String recipient, Long webhookId,
			Long endpointId, String reference, String params, String link, String payload, int attempts) {
	}

	/**
	 * What became of a claimed row: tried (sent, or failed with a reason and perhaps the status an
	 * endpoint answered) at a moment, or given back untried.
	 */
	private record Outcome(Due row, boolean tried, Failure failure, Integer status, Instant at) {

		static Outcome unsent(Due row) {
			return new Outcome(row, false, null, null, null);
		}

	}

}
