package jp.hikeshi.notification;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The two clocks of notifications: a poll that sends what is due (retries, and whatever a
 * restart left waiting) and a scan that writes the reminders time calls for. Tests switch them
 * off ({@code hikeshi.notifications.jobs.enabled=false}) and call both with a time of their own.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "hikeshi.notifications.jobs.enabled", havingValue = "true", matchIfMissing = true)
class NotificationJobs {

	private static final Log log = LogFactory.getLog(NotificationJobs.class);

	private final Dispatcher dispatcher;

	private final Reminders reminders;

	private final MailChannel mail;

	private final Clock clock;

	NotificationJobs(Dispatcher dispatcher, Reminders reminders, MailChannel mail, Clock clock) {
		this.dispatcher = dispatcher;
		this.reminders = reminders;
		this.mail = mail;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT5S", fixedDelayString = "${hikeshi.notifications.poll-interval:PT15S}")
	void send() {
		this.dispatcher.drain(this.clock.instant());
	}

	@Scheduled(initialDelayString = "PT10S", fixedDelayString = "${hikeshi.notifications.scan-interval:PT1M}")
	void remind() {
		try {
			this.reminders.scan(this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Notifications: the reminder scan failed and runs again shortly: " + ex.getMessage());
		}
	}

	/** The start-up banner says where mails go, so nobody waits for a mail that cannot come. */
	@EventListener(ApplicationReadyEvent.class)
	void sayWhereMailsGo() {
		if (!this.mail.isConfigured()) {
			log.warn("\n\n  Notifications: no mail server is configured (spring.mail.host). Mails are not sent: they are kept"
					+ "\n  in the notification log (/admin/notifications/log) as \"not sent\". In-app notifications work.\n");
		}
	}

}
