package jp.hikeshi.investigation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.investigation.Investigation.Remediation;
import jp.hikeshi.investigation.InvestigationCommands.RecordRemediation;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people marking the same repair done at once: one completion, one timeline line, and the
 * other is told in words the page can show (already done, or changed meanwhile), never with a
 * database error.
 */
@IntegrationTest
class RemediationConcurrencyTest {

	private static final long SECONDS = 30;

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	@Autowired
	InvestigationService investigation;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	private Actor firstLead;

	private Actor secondLead;

	private long incident;

	private long repair;

	@BeforeEach
	void aRepairInProgress() {
		this.firstLead = actor(this.users.create(Role.SECURITY_LEAD));
		this.secondLead = actor(this.users.create(Role.SECURITY_LEAD));
		this.incident = this.incidents.report(new Incident.Report(null, "ランサムウェア感染", null, null, null, null, null),
				actor(this.users.create(Role.REPORTER))).getId();
		this.investigation.addRemediation(this.incident, this.firstLead, new RecordRemediation(
				Remediation.Kind.DATA_RESTORE, "バックアップから復元", this.firstLead.username(), null));
		this.repair = this.investigation.of(this.incident, this.firstLead).remediations().get(0).id();
	}

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.threads.shutdownNow();
		assertThat(this.threads.awaitTermination(SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void twoCompletionsAtOnceMakeOneAndTheOtherIsToldCleanly() throws Exception {
		List<RuntimeException> failures = atOnce(() -> complete(this.firstLead), () -> complete(this.secondLead));

		assertThat(failures).filteredOn(failure -> failure == null).as("exactly one completion succeeds").hasSize(1);
		RuntimeException refusal = failures.stream().filter(failure -> failure != null).findFirst().orElseThrow();
		assertThat(refusal).isInstanceOfAny(ObjectOptimisticLockingFailureException.class, BusinessRuleViolation.class);
		if (refusal instanceof BusinessRuleViolation violation) {
			assertThat(violation.code()).isEqualTo("remediation.alreadyDone");
		}
		assertCompletedOnce();
	}

	/**
	 * The interleaving the race above may produce, made certain: the first has marked the repair
	 * done but not committed when the second reads it (still in progress) and writes; then the
	 * first commits. The second must be an optimistic-locking conflict and must write nothing.
	 */
	@Test
	void theSecondOfTwoInterleavedCompletionsIsAConflict() throws Exception {
		CountDownLatch firstWritten = new CountDownLatch(1);
		CountDownLatch secondUnderway = new CountDownLatch(1);
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		Future<Object> first = this.threads.submit(() -> {
			transaction.executeWithoutResult(status -> {
				complete(this.firstLead);
				firstWritten.countDown();
				await(secondUnderway);
			});
			return null;
		});
		Future<RuntimeException> second = this.threads.submit(() -> {
			await(firstWritten);
			try {
				complete(this.secondLead);
				return null;
			}
			catch (RuntimeException ex) {
				return ex;
			}
		});
		// the second has read the repair in progress and now waits for the first's row lock (or is done)
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
		while (!first.isDone() && !second.isDone() && !aSessionWaitsForALock()) {
			assertThat(System.nanoTime()).as("the second completion neither waits nor ends").isLessThan(deadline);
		}
		secondUnderway.countDown();

		assertThat(first.get(SECONDS, TimeUnit.SECONDS)).isNull();
		assertThat(second.get(SECONDS, TimeUnit.SECONDS)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertCompletedOnce();
		assertThat(timeline(TimelineEntry.Kind.REMEDIATION_COMPLETED)).singleElement()
			.satisfies(entry -> assertThat(entry.getActor()).isEqualTo(this.firstLead.username()));
	}

	private void complete(Actor lead) {
		this.investigation.completeRemediation(this.incident, this.repair, lead, TODAY);
	}

	private void assertCompletedOnce() {
		assertThat(this.investigation.of(this.incident, this.firstLead).remediations()).singleElement()
			.satisfies(done -> assertThat(done.doneOn()).isEqualTo(TODAY));
		assertThat(this.jdbc.queryForObject("select version from remediation_action where id = ?", Long.class,
				this.repair)).isOne();
		assertThat(timeline(TimelineEntry.Kind.REMEDIATION_COMPLETED)).hasSize(1);
		assertThat(this.incidents.verifyTimeline(this.incident, this.firstLead).problems()).isEmpty();
	}

	private List<TimelineEntry> timeline(TimelineEntry.Kind kind) {
		return this.incidents.findForPage(this.incident, this.firstLead)
			.getTimeline()
			.stream()
			.filter(entry -> entry.getKind() == kind)
			.toList();
	}

	/** Runs both at the same moment, each in its own transaction; what each threw, {@code null} if nothing. */
	private List<RuntimeException> atOnce(Runnable one, Runnable other) throws Exception {
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<RuntimeException>> futures = new ArrayList<>();
		for (Runnable command : List.of(one, other)) {
			Callable<RuntimeException> task = () -> {
				ready.countDown();
				await(go);
				try {
					command.run();
					return null;
				}
				catch (RuntimeException ex) {
					return ex;
				}
			};
			futures.add(this.threads.submit(task));
		}
		assertThat(ready.await(SECONDS, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<RuntimeException> failures = new ArrayList<>();
		for (Future<RuntimeException> future : futures) {
			failures.add(future.get(SECONDS, TimeUnit.SECONDS));
		}
		return failures;
	}

	private boolean aSessionWaitsForALock() {
		return this.jdbc.queryForObject(
				"select count(*) > 0 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
				Boolean.class);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the other thread did not get there in time");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), account.getRoles());
	}

}
