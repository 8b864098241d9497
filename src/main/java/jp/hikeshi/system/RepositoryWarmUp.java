package jp.hikeshi.system;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.support.ServletRequestHandledEvent;

/**
 * The repositories are created on first use ({@code spring.data.jpa.repositories.bootstrap-mode=lazy}):
 * building them parses every query, a third of the start's main-thread time. Once the application
 * is up, a background thread builds them all, so the first person to report does not wait for it
 * and a broken query still shows in the log at start. The tests build them eagerly. Then the query
 * parsers' caches are emptied ({@link QueryParserCaches}): the parsing they served is done.
 * <p>
 * The build waits for the first request to be answered (the health check of whatever started the
 * application, as a rule), or {@link #AT_THE_LATEST} after the start: it holds the bean factory's
 * lock while it creates each repository, and a first request resolves beans by type through that
 * lock (Spring Security's actuator matchers, for one) — it waited up to 3 s behind the build, which
 * re-takes the lock the moment it lets go of it.
 */
@Component
class RepositoryWarmUp {

	static final Duration AT_THE_LATEST = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(RepositoryWarmUp.class);

	private final CountDownLatch firstRequestAnswered = new CountDownLatch(1);

	private final Duration atTheLatest;

	RepositoryWarmUp() {
		this(AT_THE_LATEST);
	}

	RepositoryWarmUp(Duration atTheLatest) {
		this.atTheLatest = atTheLatest;
	}

	@EventListener
	void answered(ServletRequestHandledEvent event) {
		this.firstRequestAnswered.countDown();
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Thread thread = new Thread(() -> {
			try {
				this.firstRequestAnswered.await(this.atTheLatest.toMillis(), TimeUnit.MILLISECONDS);
				event.getApplicationContext().getBeansOfType(Repository.class);
				QueryParserCaches.clear();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				// unless the application is being stopped while they are built
				if (!event.getApplicationContext().isClosed()) {
					log.error("A repository cannot be built", ex);
				}
			}
		}, "repository-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

}
