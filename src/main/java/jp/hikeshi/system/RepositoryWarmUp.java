package jp.hikeshi.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * The repositories are created on first use ({@code spring.data.jpa.repositories.bootstrap-mode=lazy}):
 * building them parses every query, a third of the start's main-thread time. Once the application
 * is up, a background thread builds them all, so the first person to report does not wait for it
 * and a broken query still shows in the log at start. The tests build them eagerly. Then the query
 * parsers' caches are emptied ({@link QueryParserCaches}): the parsing they served is done.
 */
@Component
class RepositoryWarmUp {

	private static final Logger log = LoggerFactory.getLogger(RepositoryWarmUp.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Thread thread = new Thread(() -> {
			try {
				event.getApplicationContext().getBeansOfType(Repository.class);
				QueryParserCaches.clear();
			}
			catch (RuntimeException ex) {
				log.error("A repository cannot be built", ex);
			}
		}, "repository-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

}
