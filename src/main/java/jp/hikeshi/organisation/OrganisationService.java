package jp.hikeshi.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class OrganisationService {

	public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Tokyo");

	private final OrganisationRepository organisations;

	private final AuditLog auditLog;

	private final Clock clock;

	/**
	 * Every page asks, so the answer is kept: reset here when the settings change, and read again after
	 * {@link #SETTINGS_KEPT} so that another node sees a change within a minute.
	 */
	static final Duration SETTINGS_KEPT = Duration.ofSeconds(60);

	private volatile Kept<ZoneId> timeZone;

	private record Kept<T>(T value, Instant until) {
	}

	OrganisationService(OrganisationRepository organisations, AuditLog auditLog, Clock clock) {
		this.organisations = organisations;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * The zone pages and deadlines use; Asia/Tokyo until the company is registered. No transaction of
	 * its own: a kept answer needs no connection, so a page that needs nothing else renders while the
	 * database is down; one that cannot be read again in time is kept while the database is down.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public ZoneId timeZone() {
		Kept<ZoneId> kept = this.timeZone;
		Instant now = this.clock.instant();
		if (kept != null && now.isBefore(kept.until())) {
			return kept.value();
		}
		try {
			ZoneId zone = current().map(Organisation::getTimeZone).orElse(DEFAULT_TIME_ZONE);
			this.timeZone = new Kept<>(zone, now.plus(SETTINGS_KEPT));
			return zone;
		}
		catch (DataAccessException | TransactionException ex) {
			if (kept == null) {
				throw ex;
			}
			return kept.value();
		}
	}

	@Transactional(readOnly = true)
	public Optional<Organisation> current() {
		return this.organisations.findById(Organisation.THE_ORGANISATION);
	}

	/**
	 * Registers the company, once. A second registration, even one racing the first in another
	 * transaction, fails on the table's primary key.
	 * @throws BusinessRuleViolation {@code setup.alreadyCompleted} when the company exists
	 */
	public Organisation register(Settings settings, String actor) {
		if (this.organisations.existsById(Organisation.THE_ORGANISATION)) {
			throw new BusinessRuleViolation("setup.alreadyCompleted");
		}
		try {
			Organisation organisation = this.organisations.saveAndFlush(new Organisation(settings, this.clock.instant()));
			this.auditLog.record(actor, AuditAction.SETUP_COMPLETED, settings.name(), null);
			return organisation;
		}
		catch (DataIntegrityViolationException ex) {
			throw new BusinessRuleViolation("setup.alreadyCompleted");
		}
	}

	public Organisation update(Settings settings, long version, String actor) {
		Organisation organisation = current().orElseThrow(() -> new BusinessRuleViolation("setup.notCompleted"));
		if (organisation.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(Organisation.class, Organisation.THE_ORGANISATION);
		}
		organisation.apply(settings);
		this.timeZone = null;
		this.auditLog.record(actor, AuditAction.ORGANISATION_UPDATED, settings.name(), null);
		return organisation;
	}

}
