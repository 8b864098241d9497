package jp.hikeshi.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's JDBC repository, asked less of: a page neither opens a transaction to write a
 * session in which nothing changed (only its access time moved, by less than a minute), nor reads
 * the session a second time when it has just saved it.
 * <p>
 * The first is what {@link SessionWriteConfiguration}'s update already decides in SQL, decided
 * here before a connection is taken. The second is spring-session#1731: once the response is
 * committed, {@code SessionRepositoryFilter} forgets the session it loaded, saves it, then loads it
 * again to ask whether the id the browser sent is still valid. The session just saved is the
 * answer; it is handed back from this thread's last save, which {@link #forget()} clears at the end
 * of every request ({@link SessionWriteConfiguration}).
 * <p>
 * A change counts as Spring Session's default save mode counts it ({@code ON_SET_ATTRIBUTE}): an
 * attribute set or removed, a new id, a new timeout. Sessions loaded by person (to end them) are
 * the repository's own and saved as they are.
 */
final class QuietSessions implements FindByIndexNameSessionRepository<Session> {

	/** How old the stored access time may be before a request writes it again. */
	static final Duration ACCESS_WRITTEN_EVERY = Duration.ofMinutes(1);

	private static final ThreadLocal<Tracked> JUST_SAVED = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<Session> sessions;

	@SuppressWarnings("unchecked")
	QuietSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		// the repository's session type is package-private; every session it is given back is its own
		this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
	}

	@Override
	public Session createSession() {
		return new Tracked(this.sessions.createSession(), true);
	}

	@Override
	public void save(Session session) {
		if (!(session instanceof Tracked tracked)) {
			this.sessions.save(session);
			return;
		}
		if (tracked.changed || !tracked.getLastAccessedTime().isBefore(tracked.storedAccess.plus(ACCESS_WRITTEN_EVERY))) {
			this.sessions.save(tracked.session);
			tracked.stored();
		}
		JUST_SAVED.set(tracked);
	}

	@Override
	public Session findById(String id) {
		Tracked saved = JUST_SAVED.get();
		if (saved != null) {
			JUST_SAVED.remove();
			if (saved.getId().equals(id)) {
				return saved;
			}
		}
		Session session = this.sessions.findById(id);
		return (session != null) ? new Tracked(session, false) : null;
	}

	@Override
	public void deleteById(String id) {
		JUST_SAVED.remove();
		this.sessions.deleteById(id);
	}

	@Override
	public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return this.sessions.findByIndexNameAndIndexValue(indexName, indexValue);
	}

	/** The end of a request: nothing this thread saved is handed to the next one. */
	static void forget() {
		JUST_SAVED.remove();
	}

	/** A session as the filter uses it, remembering whether anything in it changed. */
	private static final class Tracked implements Session {

		private final Session session;

		private boolean changed;

		private Instant storedAccess;

		Tracked(Session session, boolean isNew) {
			this.session = session;
			this.changed = isNew;
			this.storedAccess = session.getLastAccessedTime();
		}

		void stored() {
			this.changed = false;
			this.storedAccess = this.session.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			// as the repository's session: removing what is not there changes nothing
			if (attributeValue != null || this.session.getAttribute(attributeName) != null) {
				this.changed = true;
			}
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			setAttribute(attributeName, null);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			if (!interval.equals(this.session.getMaxInactiveInterval())) {
				this.changed = true;
			}
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
