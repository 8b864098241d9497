package jp.hikeshi.organisation;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
public class OrganisationService {

	public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Tokyo");

	private final OrganisationRepository organisations;

	private final AuditLog auditLog;

	private final Clock clock;

	/** Cached: every page asks. Reset when the settings change. */
	private volatile ZoneId timeZone;

	OrganisationService(OrganisationRepository organisations, AuditLog auditLog, Clock clock) {
		this.organisations = organisations;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The zone pages and deadlines use; Asia/Tokyo until the company is registered. */
	@Transactional(readOnly = true)
	public ZoneId timeZone() {
		ZoneId zone = this.timeZone;
		if (zone == null) {
			zone = current().map(Organisation::getTimeZone).orElse(DEFAULT_TIME_ZONE);
			this.timeZone = zone;
		}
		return zone;
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
