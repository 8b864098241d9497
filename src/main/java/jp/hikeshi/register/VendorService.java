package jp.hikeshi.register;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's vendors, kept by the security lead and the administrator; every change on the
 * audit trail. A vendor that operates a system of the register stays until no system names it.
 */
@Service
@Transactional
public class VendorService {

	private final VendorRepository vendors;

	private final AuditLog auditLog;

	private final Clock clock;

	@PersistenceContext
	private EntityManager entities;

	VendorService(VendorRepository vendors, AuditLog auditLog, Clock clock) {
		this.vendors = vendors;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Vendor> all() {
		return this.vendors.findAllByName();
	}

	@Transactional(readOnly = true)
	public Optional<Vendor> find(long id) {
		return this.vendors.findById(id);
	}

	/** The systems of the register, retired ones too, that this vendor operates: by name. */
	@Transactional(readOnly = true)
	public List<String> systemsOperatedBy(long id) {
		return this.entities
			.createQuery("select s.name from RegisteredSystem s where s.vendor.id = :id order by lower(s.name)", String.class)
			.setParameter("id", id)
			.getResultList();
	}

	/** @throws BusinessRuleViolation {@code vendor.name.taken} on the name */
	public Vendor add(Vendor.Details details, String actor) {
		refuseTakenName(details.name(), null);
		Vendor vendor = saved(new Vendor(details, actor, this.clock.instant()));
		this.auditLog.record(actor, AuditAction.VENDOR_ADDED, vendor.getName(), null);
		return vendor;
	}

	/** @throws ObjectOptimisticLockingFailureException when it changed since the form was opened */
	public Vendor change(long id, long version, Vendor.Details details, String actor) {
		Vendor vendor = current(id, version);
		refuseTakenName(details.name(), id);
		String before = vendor.getName();
		vendor.change(details, actor, this.clock.instant());
		saved(vendor);
		this.auditLog.record(actor, AuditAction.VENDOR_CHANGED, vendor.getName(),
				before.equals(vendor.getName()) ? null : before);
		return vendor;
	}

	/** @throws BusinessRuleViolation {@code vendor.remove.inUse} naming the systems it operates */
	public void remove(long id, long version, String actor) {
		Vendor vendor = current(id, version);
		List<String> systems = systemsOperatedBy(id);
		if (!systems.isEmpty()) {
			throw new BusinessRuleViolation("vendor.remove.inUse", vendor.getName(), String.join(", ", systems),
					systems.size());
		}
		this.vendors.delete(vendor);
		this.vendors.flush();
		this.auditLog.record(actor, AuditAction.VENDOR_REMOVED, vendor.getName(), null);
	}

	private Vendor current(long id, long version) {
		Vendor vendor = this.vendors.findById(id)
			.orElseThrow(() -> new ObjectOptimisticLockingFailureException(Vendor.class, id));
		if (vendor.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(Vendor.class, id);
		}
		return vendor;
	}

	private void refuseTakenName(String name, Long self) {
		this.vendors.findByNameIgnoringCase(name.strip())
			.filter(other -> !other.getId().equals(self))
			.ifPresent(other -> {
				throw BusinessRuleViolation.onField("name", "vendor.name.taken", other.getName());
			});
	}

	private Vendor saved(Vendor vendor) {
		try {
			return this.vendors.saveAndFlush(vendor);
		}
		catch (DataIntegrityViolationException raced) {
			// the same name added at the same moment (vendor_name_uq)
			throw BusinessRuleViolation.onField("name", "vendor.name.taken", vendor.getName());
		}
	}

}
