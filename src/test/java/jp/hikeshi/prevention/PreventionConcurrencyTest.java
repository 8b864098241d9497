package jp.hikeshi.prevention;

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

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.prevention.PreventionService.NewMeasure;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner and the lead mark the same measure done at the same moment: one completion is
 * made, the other is told it is already done, and the timeline holds one line for it.
 */
@IntegrationTest
class PreventionConcurrencyTest {

	private static final long SECONDS = 30;

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	@Autowired
	PreventionService prevention;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@PersistenceContext
	EntityManager entityManager;

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	private Actor lead;

	private Actor owner;

	private long incident;

	private long measure;

	@BeforeEach
	void aMeasure() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.owner = new Actor(this.users.create(Role.RESPONDER).getUsername(), Set.of(Role.RESPONDER));
		this.incident = this.incidents.report(new Incident.Report(null, "共有フォルダが誰でも読める設定だった", null, null, null,
				null, null), new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
		this.measure = this.prevention.addMeasure(this.incident, this.lead,
				new NewMeasure(Measure.Kind.TECHNICAL, "共有フォルダの権限を見直す", this.owner.username(), TODAY.plusDays(14)));
	}

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.threads.shutdownNow();
		assertThat(this.threads.awaitTermination(SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void twoCompletionsAtOnceMakeOneAndTellTheOtherItIsDone() throws Exception {
		List<RuntimeException> outcomes = atOnce(
				() -> this.prevention.complete(this.incident, this.measure, this.owner, TODAY),
				() -> this.prevention.complete(this.incident, this.measure, this.lead, TODAY));

		assertThat(outcomes).filteredOn(outcome -> outcome == null).as("exactly one completion is made").hasSize(1);
		RuntimeException loser = outcomes.stream().filter(outcome -> outcome != null).findFirst().orElseThrow();
		assertThat(loser).isInstanceOf(BusinessRuleViolation.class).hasMessage("measure.alreadyDone");
		String winner = (outcomes.get(0) == null) ? this.owner.username() : this.lead.username();
		assertOneCompletionBy(winner);
	}

	/**
	 * The interleaving the race above may produce, made certain: the first has marked it done but
	 * not committed when the second asks; the second waits for it, then finds it done.
	 */
	@Test
	void theSecondOfTwoInterleavedCompletionsWaitsAndFindsItDone() throws Exception {
		CountDownLatch firstWritten = new CountDownLatch(1);
		CountDownLatch secondWaiting = new CountDownLatch(1);
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		Future<Object> first = this.threads.submit(() -> {
			transaction.executeWithoutResult(status -> {
				this.prevention.complete(this.incident, this.measure, this.owner, TODAY);
				this.entityManager.flush();
				firstWritten.countDown();
				await(secondWaiting);
			});
			return null;
		});
		Future<RuntimeException> second = this.threads.submit(() -> {
			await(firstWritten);
			try {
				this.prevention.complete(this.incident, this.measure, this.lead, TODAY);
				return null;
			}
			catch (RuntimeException ex) {
				return ex;
			}
		});
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
		while (!first.isDone() && !second.isDone() && !aSessionWaitsForALock()) {
			assertThat(System.nanoTime()).as("the second completion neither waits nor ends").isLessThan(deadline);
		}
		assertThat(second.isDone()).as("the second completion waits for the first").isFalse();
		secondWaiting.countDown();

		assertThat(first.get(SECONDS, TimeUnit.SECONDS)).isNull();
		assertThat(second.get(SECONDS, TimeUnit.SECONDS)).isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("measure.alreadyDone");
		assertOneCompletionBy(this.owner.username());
	}

	private void assertOneCompletionBy(String winner) {
		assertThat(this.prevention.plan(this.incident, this.lead).measures()).singleElement().satisfies(m -> {
			assertThat(m.doneBy()).isEqualTo(winner);
			assertThat(m.doneOn()).isEqualTo(TODAY);
		});
		assertThat(this.jdbc.queryForObject("select version from prevention_measure where id = ?", Long.class,
				this.measure))
			.isEqualTo(1L);
		assertThat(this.incidents.findForPage(this.incident, this.lead).getTimeline())
			.filteredOn(entry -> entry.getKind() == TimelineEntry.Kind.MEASURE_COMPLETED)
			.singleElement()
			.satisfies(entry -> assertThat(entry.getActor()).isEqualTo(winner));
		assertThat(this.incidents.verifyTimeline(this.incident, this.lead).intact()).isTrue();
	}

	/** Runs both at the same moment, each in its own transaction; {@code null} for the one that succeeded. */
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
		List<RuntimeException> outcomes = new ArrayList<>();
		for (Future<RuntimeException> future : futures) {
			outcomes.add(future.get(SECONDS, TimeUnit.SECONDS));
		}
		return outcomes;
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

}
