package jp.hikeshi.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two people acting on the same incident at once. Two changes of its state: one wins, the other
 * is told of the conflict, and the timeline keeps exactly the winner's entry. History (a note)
 * never conflicts: it lands beside whatever else happens.
 */
@IntegrationTest
class IncidentConcurrencyTest {

	private static final long SECONDS = 30;

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

	private Actor reporter;

	private Actor firstLead;

	private Actor secondLead;

	@BeforeEach
	void createPeople() {
		this.reporter = actor(this.users.create(Role.REPORTER));
		this.firstLead = actor(this.users.create(Role.SECURITY_LEAD));
		this.secondLead = actor(this.users.create(Role.SECURITY_LEAD));
	}

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.threads.shutdownNow();
		assertThat(this.threads.awaitTermination(SECONDS, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void twoLeadsTakingTheSameReportAtOnceOneWinsTheOtherIsTold() throws Exception {
		long id = report();
		long version = version(id);
		int length = entries(id);

		List<Outcome> outcomes = atOnce(() -> this.incidents.take(id, version, this.firstLead),
				() -> this.incidents.take(id, version, this.secondLead));

		Outcome winner = theOneWinner(outcomes);
		// the loser waited for the winner's lock, then found the version moved: told who changed what
		assertThat(theOneLoser(outcomes).failure()).isInstanceOf(IncidentChangedMeanwhile.class)
			.satisfies(failure -> assertThat(((IncidentChangedMeanwhile) failure).arguments()[0])
				.isEqualTo(this.users.displayNameOf(winner == outcomes.get(0) ? this.firstLead.username() : this.secondLead.username())));
		Incident after = page(id);
		assertThat(after.getState()).isEqualTo(IncidentState.TRIAGE);
		assertThat(after.getVersion()).isEqualTo(version + 1);
		assertOnlyTheWinnersEntry(id, length, winner == outcomes.get(0) ? this.firstLead : this.secondLead,
				TimelineEntry.Kind.STATE_CHANGED);
	}

	@Test
	void aNoteAndATakeAtOnceBothLandForHistoryNeverConflicts() throws Exception {
		long id = report();
		long version = version(id);
		int length = entries(id);

		List<Outcome> outcomes = atOnce(() -> this.incidents.addNote(id, this.firstLead, "送信元に確認中"),
				() -> this.incidents.take(id, version, this.secondLead));

		assertThat(outcomes).allMatch(Outcome::succeeded);
		Incident after = page(id);
		assertThat(after.getState()).isEqualTo(IncidentState.TRIAGE);
		assertThat(after.getVersion()).as("only the state change moves the version").isEqualTo(version + 1);
		assertWhole(id, length + 2);
		assertThat(after.getTimeline().subList(length, length + 2)).extracting(TimelineEntry::getKind)
			.containsExactlyInAnyOrder(TimelineEntry.Kind.NOTE, TimelineEntry.Kind.STATE_CHANGED);
	}

	@Test
	void twoNotesAtOnceBothLand() throws Exception {
		long id = report();
		long version = version(id);
		int length = entries(id);

		List<Outcome> outcomes = atOnce(() -> this.incidents.addNote(id, this.firstLead, "ログを確認中"),
				() -> this.incidents.addNote(id, this.secondLead, "送信元に電話した"));

		assertThat(outcomes).allMatch(Outcome::succeeded);
		assertThat(page(id).getVersion()).isEqualTo(version);
		assertWhole(id, length + 2);
		assertThat(page(id).getTimeline()).extracting(TimelineEntry::getNote).contains("ログを確認中", "送信元に電話した");
	}

	/**
	 * The interleaving the race above usually produces, made certain: the first has changed the
	 * incident but not committed yet when the second tries to act on the same version; the second
	 * waits for the first's lock, then sees the new version. It must be told of the conflict as a
	 * conflict (not as a database error) and must write nothing.
	 */
	@Test
	void theSecondOfTwoInterleavedCommandsIsToldTheIncidentChangedMeanwhile() throws Exception {
		long id = report();
		long version = version(id);
		int length = entries(id);
		CountDownLatch firstWritten = new CountDownLatch(1);
		CountDownLatch secondUnderway = new CountDownLatch(1);
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		Future<Object> first = this.threads.submit(() -> {
			transaction.executeWithoutResult(status -> {
				this.incidents.take(id, version, this.firstLead);
				this.entityManager.flush();
				firstWritten.countDown();
				await(secondUnderway);
			});
			return null;
		});
		Future<Object> second = this.threads.submit(() -> {
			await(firstWritten);
			try {
				this.incidents.dismiss(id, version, this.secondLead, "まだ誰も見ていない？");
				return null;
			}
			catch (RuntimeException ex) {
				return ex;
			}
		});
		// The second has read the old version and now waits for the first's locks (or is done already;
		// if the first is done, it failed, and the get below says why).
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
		while (!first.isDone() && !second.isDone() && !aSessionWaitsForALock()) {
			assertThat(System.nanoTime()).as("the second command neither waits nor ends").isLessThan(deadline);
		}
		secondUnderway.countDown();

		assertThat(first.get(SECONDS, TimeUnit.SECONDS)).isNull();
		assertThat(second.get(SECONDS, TimeUnit.SECONDS)).isInstanceOf(IncidentChangedMeanwhile.class);
		assertThat(page(id).getState()).isEqualTo(IncidentState.TRIAGE);
		assertOnlyTheWinnersEntry(id, length, this.firstLead, TimelineEntry.Kind.STATE_CHANGED);
	}

	@Test
	void aStaleVersionIsRefusedAndChangesNothing() {
		long id = report();
		long seen = version(id);
		this.incidents.take(id, seen, this.firstLead);
		Incident current = page(id);
		assertThat(current.getVersion()).isGreaterThan(seen);
		int length = entries(id);

		assertThatThrownBy(() -> this.incidents.escalate(id, current.getVersion() - 1, this.secondLead,
				Category.VIRUS_RANSOMWARE, null, Severity.HIGH, "古い画面から"))
			.isInstanceOf(IncidentChangedMeanwhile.class);
		assertThatThrownBy(() -> this.incidents.dismiss(id, seen, this.secondLead, "古い画面から却下"))
			.isInstanceOf(IncidentChangedMeanwhile.class);

		Incident after = page(id);
		assertThat(after.getVersion()).isEqualTo(current.getVersion());
		assertThat(after.getState()).isEqualTo(IncidentState.TRIAGE);
		assertThat(after.getTimelineLength()).isEqualTo(length);
		assertThat(entries(id)).isEqualTo(length);
		assertThat(after.getTimeline()).extracting(TimelineEntry::getNote).doesNotContain("古い画面から", "古い画面から却下");
		assertThat(this.incidents.verifyTimeline(id, this.firstLead).intact()).isTrue();
	}

	// --- helpers ---

	private long report() {
		return this.incidents.report(new Incident.Report(null, "見覚えのない送信元から請求書のメールが届いた",
				Instant.parse("2025-03-03T01:30:00Z"), "営業PC-11", StillHappening.NO, null, null), this.reporter)
			.getId();
	}

	/** Runs both commands at the same moment, each in its own transaction, and waits for both. */
	private List<Outcome> atOnce(Runnable one, Runnable other) throws Exception {
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Outcome>> futures = new ArrayList<>();
		for (Runnable command : List.of(one, other)) {
			Callable<Outcome> task = () -> {
				ready.countDown();
				await(go);
				try {
					command.run();
					return new Outcome(null);
				}
				catch (RuntimeException ex) {
					return new Outcome(ex);
				}
			};
			futures.add(this.threads.submit(task));
		}
		assertThat(ready.await(SECONDS, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<Outcome> future : futures) {
			outcomes.add(future.get(SECONDS, TimeUnit.SECONDS));
		}
		return outcomes;
	}

	private static Outcome theOneWinner(List<Outcome> outcomes) {
		assertThat(outcomes).filteredOn(Outcome::succeeded).as("exactly one command succeeds").hasSize(1);
		return outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow();
	}

	private static Outcome theOneLoser(List<Outcome> outcomes) {
		return outcomes.stream().filter(outcome -> !outcome.succeeded()).findFirst().orElseThrow();
	}

	/** Every entry there, numbered without gaps, the chain whole. */
	private void assertWhole(long id, int length) {
		assertThat(page(id).getTimelineLength()).isEqualTo(length);
		assertThat(this.jdbc.queryForList(
				"select sequence from incident_timeline_entry where incident_id = ? order by sequence", Integer.class,
				id))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, length).boxed().toList());
		assertThat(this.incidents.verifyTimeline(id, this.firstLead).problems()).isEmpty();
	}

	/** The timeline grew by the winner's one entry: nothing lost, nothing doubled, the chain whole. */
	private void assertOnlyTheWinnersEntry(long id, int lengthBefore, Actor winner, TimelineEntry.Kind kind) {
		Incident after = page(id);
		assertThat(after.getTimelineLength()).isEqualTo(lengthBefore + 1);
		assertThat(entries(id)).isEqualTo(lengthBefore + 1);
		assertThat(this.jdbc.queryForList(
				"select sequence from incident_timeline_entry where incident_id = ? order by sequence", Integer.class,
				id))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, lengthBefore + 1).boxed().toList());
		TimelineEntry added = after.getTimeline().get(lengthBefore);
		assertThat(added.getActor()).isEqualTo(winner.username());
		assertThat(added.getKind()).isEqualTo(kind);
		TimelineVerification verification = this.incidents.verifyTimeline(id, this.firstLead);
		assertThat(verification.problems()).isEmpty();
		assertThat(verification.entries()).isEqualTo(lengthBefore + 1);
	}

	private long version(long id) {
		return this.incidents.find(id, this.firstLead).getVersion();
	}

	private Incident page(long id) {
		return this.incidents.findForPage(id, this.firstLead);
	}

	private boolean aSessionWaitsForALock() {
		return this.jdbc.queryForObject(
				"select count(*) > 0 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
				Boolean.class);
	}

	private int entries(long id) {
		return this.jdbc.queryForObject("select count(*) from incident_timeline_entry where incident_id = ?",
				Integer.class, id);
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

	/** How one command ended: {@code failure} is {@code null} when it succeeded. */
	private record Outcome(RuntimeException failure) {

		boolean succeeded() {
			return this.failure == null;
		}

	}

}
