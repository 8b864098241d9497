package jp.hikeshi.system;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.repository.Repository;
import org.springframework.web.context.support.ServletRequestHandledEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repositories are built in the background only once the first request has been answered: until
 * then the build would hold the bean factory's lock that the first request needs.
 */
class RepositoryWarmUpTest {

	interface Probe extends Repository<Object, Long> {

	}

	private final CountDownLatch built = new CountDownLatch(1);

	private final GenericApplicationContext context = new GenericApplicationContext();

	private final RepositoryWarmUp warmUp = new RepositoryWarmUp();

	RepositoryWarmUpTest() {
		this.context.registerBean("probeRepository", Probe.class, () -> {
			this.built.countDown();
			return new Probe() {
			};
		}, definition -> definition.setLazyInit(true));
		this.context.refresh();
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void buildsTheRepositoriesOnceTheFirstRequestIsAnswered() throws InterruptedException {
		this.warmUp.ready(ready());
		assertThat(this.built.await(300, TimeUnit.MILLISECONDS)).as("built before any request was answered").isFalse();

		this.warmUp.answered(answered());
		assertThat(this.built.await(10, TimeUnit.SECONDS)).as("built after the first answer").isTrue();
	}

	@Test
	void buildsThemAnywayWhenNoRequestComesWithinItsBound() throws InterruptedException {
		new RepositoryWarmUp(Duration.ofMillis(100)).ready(ready());
		assertThat(this.built.await(10, TimeUnit.SECONDS)).as("built though no request came").isTrue();
	}

	private ApplicationReadyEvent ready() {
		return new ApplicationReadyEvent(new SpringApplication(), new String[0], this.context, Duration.ZERO);
	}

	private ServletRequestHandledEvent answered() {
		return new ServletRequestHandledEvent(this, "/actuator/health", "127.0.0.1", "GET", "dispatcherServlet", null,
				null, 3);
	}

}
