package jp.hikeshi.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.hikeshi.account.People;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the notifications of an occurrence into the outbox, in the caller's transaction: one
 * in-app row per person, one mail per person who gets it, one chat message per webhook, each
 * unique, so an occurrence seen twice (a second node, a rescan) adds nothing. Rows that cannot
 * be sent (no mail server, no address) are kept as "not sent" with the reason, so the log shows
 * them. After the commit the {@link Dispatcher} is woken; nothing is sent inside the transaction.
 */
@Component
class Notifier {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final People people;

	private final NotificationSettings settings;

	private final Webhooks webhooks;

	private final MailChannel mail;

	private final Dispatcher dispatcher;

	private final Clock clock;

	private final boolean enabled;

	private final IncidentService incidents;

	Notifier(JdbcTemplate jdbc, People people, NotificationSettings settings, Webhooks webhooks,
			MailChannel mail, Dispatcher dispatcher, Clock clock,
			@Value("${hikeshi.notifications.enabled:true}") boolean enabled, IncidentService incidents) {
		this.incidents = incidents;
		this.jdbc = jdbc;
		this.people = people;
		this.settings = settings;
		this.webhooks = webhooks;
		this.mail = mail;
		this.dispatcher = dispatcher;
		this.clock = clock;
		this.enabled = enabled;
	}

	/**
	 * Tells these people (login names; unknown or disabled ones are left out) about the occurrence.
	 * @return how many rows were new
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int tell(Occurrence occurrence, Collection<String> usernames) {
		if (!this.enabled) {
			return 0;
		}
		// a drill (訓練) tells its participants only, marked as practice, and never a chat channel
		Incident drill = (occurrence.incidentId() == null) ? null
				: this.incidents.findById(occurrence.incidentId()).filter(Incident::isDrill).orElse(null);
		if (drill != null) {
			Set<String> participants = drill.drillParticipants();
			usernames = usernames.stream().filter(participants::contains).toList();
			occurrence = occurrence.asDrill();
		}
		Instant now = this.clock.instant();
		CompanySettings.Channels channels = this.settings.cachedCompany().channelsOf(occurrence.rule());
		Map<String, People.Recipient> accounts = this.people.recipients(new LinkedHashSet<>(usernames));
		boolean mailServer = this.mail.isConfigured();
		String params = JSON.writeValueAsString(occurrence.params());
		List<Object[]> rows = new ArrayList<>();
		Map<String, PersonalSettings> personal = this.settings.personal(new LinkedHashSet<>(usernames));
		for (String username : new LinkedHashSet<>(usernames)) {
			People.Recipient account = accounts.get(username);
			if (account == null || !account.enabled()) {
				continue;
			}
			if (occurrence.rule() != Rule.DAILY_DIGEST) {
				rows.add(row(occurrence, Channel.IN_APP, username, null, params, occurrence.linkFor(account),
						DeliveryState.SENT, null, now));
			}
			if (channels.email() && personal.get(username).wantsEmail(occurrence.rule())) {
				Failure unsendable = !mailServer ? Failure.NO_MAIL_SERVER
						: (account.email() == null || account.email().isBlank()) ? Failure.NO_ADDRESS : null;
				rows.add(row(occurrence, Channel.EMAIL, username, null, params, occurrence.linkFor(account),
						(unsendable == null) ? DeliveryState.PENDING : DeliveryState.NOT_SENT, unsendable, now));
			}
		}
		if (channels.chat() && drill == null) {
			for (long webhook : this.webhooks.ids()) {
				rows.add(row(occurrence, Channel.CHAT, null, webhook, params, occurrence.link(), DeliveryState.PENDING, null,
						now));
			}
		}
		int written = 0;
		for (int count : this.jdbc.batchUpdate("""
				insert into notification (rule, occurrence, channel, recipient, webhook_id, incident_id, reference,
				                          params, link, priority, state, failure, next_attempt_at, created_at, sent_at)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
				on conflict (occurrence, channel, coalesce(recipient, ''), coalesce(webhook_id, 0), coalesce(endpoint_id, 0))
				do nothing""", rows)) {
			written += Math.max(count, 0);
		}
		if (rows.stream().anyMatch(row -> DeliveryState.PENDING.name().equals(row[10]))) {
			this.dispatcher.wakeAfterCommit();
		}
		return written;
	}

	private static Object[] row(Occurrence occurrence, Channel channel, String recipient, Long webhook, String params,
			String link, DeliveryState state, Failure failure, Instant now) {
		Timestamp at = Timestamp.from(now);
		return new Object[] { occurrence.rule().name(), occurrence.key(), channel.name(), recipient, webhook,
				occurrence.incidentId(), occurrence.reference(), params, link, occurrence.priority(),
				state.name(), (failure == null) ? null : failure.name(), at, at,
				(state == DeliveryState.SENT) ? at : null };
	}

	static Map<String, String> variant(String variant) {
		return Map.of("variant", variant);
	}

}
