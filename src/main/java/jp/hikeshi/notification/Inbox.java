package jp.hikeshi.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.shared.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;

/**
 * Each person's in-app notifications: the bell's count ({@code ${@inbox.unread(...)}} in the
 * header) and the list, worded in the language of the page that shows them.
 */
@Component("inbox")
public class Inbox {

	public static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	private final Messages messages;

	private final OrganisationService organisations;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Messages messages, OrganisationService organisations, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** A reader's unread notifications, counted up to the bound. */
	static final String UNREAD = """
			select count(*) from (select from notification
			where channel = 'IN_APP' and recipient = ? and read_at is null order by id desc limit ?) unread""";

	/** One line of the list. */
	public record Item(long id, String headline, String text, String link, Instant createdAt, boolean unread) {
	}

	/**
	 * How many of one's notifications are unread, counted no further than {@value #BELL_SHOWS_UP_TO}
	 * (the bell then shows "99+"): a lead with 37,000 unread made every page count them all (4 to
	 * 14 ms). One statement, so no transaction is opened for it (every page asks); newest first, so
	 * that it reads the unread-only index (V59) in its order whoever the reader is.
	 */
	public Unread unread(String username) {
		long counted = this.jdbc.sql(UNREAD)
			.params(username, BELL_SHOWS_UP_TO + 1)
			.query(Long.class)
			.single();
		return new Unread(Math.min(counted, BELL_SHOWS_UP_TO), counted > BELL_SHOWS_UP_TO);
	}

	/** The most the bell counts. */
	static final int BELL_SHOWS_UP_TO = 99;

	/**
	 * The bell's count.
	 * @param count how many are unread, or {@value #BELL_SHOWS_UP_TO} when {@code more}
	 * @param more whether there are more than that
	 */
	public record Unread(long count, boolean more) {
	}

	@Transactional(readOnly = true)
	public List<Item> page(String username, int page, Locale locale) {
		ZoneId zone = this.organisations.timeZone();
		return this.jdbc.sql("""
				select id, rule, reference, params::text as params, link, created_at, read_at from notification
				where channel = 'IN_APP' and recipient = ? order by id desc limit ? offset ?""")
			.params(username, PAGE_SIZE + 1, Paging.page(page) * PAGE_SIZE)
			.query((rs, n) -> {
				Messages.Worded worded = this.messages.word(Rule.valueOf(rs.getString("rule")), rs.getString("reference"),
						Notifier.JSON.readValue(rs.getString("params"), new TypeReference<Map<String, String>>() {
						}), locale, zone);
				return new Item(rs.getLong("id"), worded.headline(), worded.text(), rs.getString("link"),
						rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") == null);
			})
			.list();
	}

	/** Marks one of one's own notifications read; returns the page it points to. */
	@Transactional
	public Optional<String> open(String username, long id) {
		Optional<String> link = this.jdbc
			.sql("select link from notification where id = ? and channel = 'IN_APP' and recipient = ?")
			.params(id, username)
			.query(String.class)
			.optional();
		link.ifPresent(found -> this.jdbc
			.sql("update notification set read_at = ? where id = ? and recipient = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), id, username)
			.update());
		return link;
	}

	@Transactional
	public int readAll(String username) {
		return this.jdbc.sql("""
				update notification set read_at = ? where channel = 'IN_APP' and recipient = ? and read_at is null""")
			.params(Timestamp.from(this.clock.instant()), username)
			.update();
	}

}
