package jp.hikeshi.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real PostgreSQL, with MockMvc. Test classes with the same
 * configuration share one context (and so one database): they create their own data with
 * names of their own and do not count rows they did not make. The notification jobs (the
 * sending poll and the reminder scan) do not run on their own here: tests call them with a time.
 * Integration endpoints may be aimed at a receiver in the test JVM (on 127.0.0.1). The repositories,
 * lazy in the application, are built at start here, so that a broken query fails every test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "hikeshi.notifications.jobs.enabled=false",
		"hikeshi.integrations.allow-local-addresses=true", "spring.data.jpa.repositories.bootstrap-mode=default" })
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
public @interface IntegrationTest {

}
