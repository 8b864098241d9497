package jp.hikeshi.register;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.register.RegisterSpreadsheet.ImportedData;
import jp.hikeshi.register.RegisterSpreadsheet.ImportedSystem;
import jp.hikeshi.register.RegisterSpreadsheet.Parsed;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the register's systems: adds, changes (the first of two people changing one system at
 * once wins), retires, and imports a whole spreadsheet at once — all or nothing. Every change
 * goes to the audit trail; every refusal names the field (or the file's line and column) it
 * concerns.
 */
@Service
@Transactional
public class SystemService {

	private final SystemRepository systems;

	private final VendorRepository vendors;

	private final ClientRepository clients;

	private final RegisterSpreadsheet spreadsheet;

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final Clock clock;

	SystemService(SystemRepository systems, VendorRepository vendors, ClientRepository clients,
			RegisterSpreadsheet spreadsheet, AuditLog auditLog, MessageSource messages, Clock clock) {
		this.systems = systems;
		this.vendors = vendors;
		this.clients = clients;
		this.spreadsheet = spreadsheet;
		this.auditLog = auditLog;
		this.messages = messages;
		this.clock = clock;
	}

	/** A system to show and edit: as the register knows it, with its note and the version an edit starts from. */
	public record Editable(SystemEntry entry, String note, long version, String updatedBy, Instant updatedAt) {
	}

	/** What an import did: systems added and changed, vendors and clients it created by name. */
	public record ImportSummary(int added, int changed, List<String> newVendors, List<String> newClients) {
	}

	@Transactional(readOnly = true)
	public Optional<Editable> editable(long id) {
		return this.systems.findWithDataByIdIn(List.of(id))
			.stream()
			.findFirst()
			.map(system -> new Editable(SystemEntry.of(system), system.getNote(), system.getVersion(),
					system.getUpdatedBy(), system.getUpdatedAt()));
	}

	/** The notes of the systems in use that have one, by id (the register's entries leave them out). */
	@Transactional(readOnly = true)
	public Map<Long, String> notesInUse() {
		Map<Long, String> notes = new HashMap<>();
		this.systems.findInUse()
			.stream()
			.filter(system -> system.getNote() != null)
			.forEach(system -> notes.put(system.getId(), system.getNote()));
		return notes;
	}

	/** A new system; refused with its field named. @return its id */
	public long add(SystemChange change, String actor) {
		requireAccepted(change, null);
		Instant now = this.clock.instant();
		RegisteredSystem system = this.systems.save(new RegisteredSystem(change.system(), vendor(change),
				change.dataSets(), this::client, actor, now));
		this.auditLog.record(actor, AuditAction.SYSTEM_ADDED, system.getName(), describe(system));
		return system.getId();
	}

	/** New details and data for a system; refused when it changed since {@code version}. */
	public void change(long id, long version, SystemChange change, String actor) {
		RegisteredSystem system = current(id, version);
		requireAccepted(change, id);
		replace(system, change, actor, this.clock.instant());
		this.auditLog.record(actor, AuditAction.SYSTEM_CHANGED, system.getName(), describe(system));
	}

	/**
	 * Takes a system out of use. It stays in the register, retired, for the incidents that named it;
	 * its name is free again for a system in use.
	 */
	public void retire(long id, long version, String actor) {
		RegisteredSystem system = current(id, version);
		system.retire(actor, this.clock.instant());
		this.auditLog.record(actor, AuditAction.SYSTEM_RETIRED, system.getName(), describe(system));
	}

	/** The register as spreadsheet rows (the systems in use), for the CSV and Excel exports. */
	@Transactional(readOnly = true)
	public List<List<String>> exportRows() {
		return this.spreadsheet.rows(this.systems.findInUse());
	}

	/**
	 * Imports a spreadsheet: every line is checked first; if any is refused, {@link ImportRefused}
	 * lists them all and nothing changes. Otherwise, in this one transaction, a system whose name
	 * is in use is replaced by the file's, any other added; a vendor or client the file names and
	 * the register does not know is created by that name (kind OTHER).
	 */
	public ImportSummary importFile(byte[] content, String fileName, String actor) {
		Parsed parsed = this.spreadsheet.read(content);
		if (!parsed.problems().isEmpty()) {
			throw new ImportRefused(parsed.problems());
		}
		Instant now = this.clock.instant();
		List<String> newVendors = new ArrayList<>();
		List<String> newClients = new ArrayList<>();
		Map<String, Long> vendorIds = new HashMap<>();
		Map<String, Long> clientIds = new HashMap<>();
		List<SystemChange> changes = new ArrayList<>();
		for (ImportedSystem imported : parsed.systems()) {
			Long vendorId = (imported.vendor() == null) ? null
					: vendorIds.computeIfAbsent(imported.vendor().toLowerCase(Locale.ROOT),
							key -> this.vendors.findByNameIgnoringCase(imported.vendor()).orElseGet(() -> {
								newVendors.add(imported.vendor());
								return this.vendors.save(new Vendor(
										new Vendor.Details(VendorKind.OTHER, imported.vendor(), null, null, null, null),
										actor, now));
							}).getId());
			List<HeldData.Details> data = new ArrayList<>();
			for (ImportedData held : imported.dataSets()) {
				Long clientId = (held.client() == null) ? null
						: clientIds.computeIfAbsent(held.client().toLowerCase(Locale.ROOT),
								key -> this.clients.findByNameIgnoringCase(held.client()).orElseGet(() -> {
									newClients.add(held.client());
									return this.clients.save(new ClientCompany(
											new ClientCompany.Details(held.client(), null, null, null, null), actor, now));
								}).getId());
				data.add(new HeldData.Details(held.description(), held.items(), held.whose(), clientId,
						held.peopleCount(), held.sensitive(), held.financial(), held.myNumber(), held.encrypted(),
						held.encryptionMethod(), held.keyCustody()));
			}
			changes.add(new SystemChange(new RegisteredSystem.Details(imported.name(), imported.kind(),
					imported.location(), imported.owner(), vendorId, imported.internetFacing(), imported.backup(),
					imported.backupLocation(), imported.note()), data));
		}
		List<ImportProblem> problems = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			ImportedSystem imported = parsed.systems().get(i);
			for (SystemRules.Refusal refusal : SystemRules.check(changes.get(i), this.vendors::existsById,
					this.clients::existsById)) {
				problems.add(problem(imported, refusal));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRefused(problems);
		}
		int added = 0;
		int changed = 0;
		for (SystemChange change : changes) {
			Optional<RegisteredSystem> existing = this.systems.findInUseByName(change.system().name().strip());
			if (existing.isPresent()) {
				replace(existing.get(), change, actor, now);
				changed++;
			}
			else {
				this.systems.save(new RegisteredSystem(change.system(), vendor(change), change.dataSets(), this::client,
						actor, now));
				added++;
			}
		}
		this.systems.flush();
		ImportSummary summary = new ImportSummary(added, changed, List.copyOf(newVendors), List.copyOf(newClients));
		this.auditLog.record(actor, AuditAction.REGISTER_IMPORTED, (fileName == null) ? "—" : fileName,
				this.messages.getMessage("register.import.audit", new Object[] { added, changed, newVendors.size(),
						newClients.size() }, Locale.JAPANESE));
		return summary;
	}

	private static ImportProblem problem(ImportedSystem imported, SystemRules.Refusal refusal) {
		int line = imported.line();
		String field = refusal.field();
		if (field.startsWith("dataSets[") && field.indexOf(']') > 0) {
			int index = Integer.parseInt(field.substring("dataSets[".length(), field.indexOf(']')));
			line = imported.dataSets().get(index).line();
		}
		return new ImportProblem(line, RegisterColumn.ofField(field).orElse(null),
				jp.hikeshi.shared.web.Notice.of(refusal.code(), refusal.arguments()));
	}

	/**
	 * Everything the register refuses of {@code change}, each naming its field, so that a form can
	 * show them all at once; {@code id} is the system's own (its name is no clash with itself).
	 */
	@Transactional(readOnly = true)
	public List<BusinessRuleViolation> refusals(SystemChange change, Long id) {
		List<BusinessRuleViolation> refusals = new ArrayList<>(SystemRules
			.check(change, this.vendors::existsById, this.clients::existsById)
			.stream()
			.map(SystemRules.Refusal::violation)
			.toList());
		if (!SystemRules.blank(change.system().name())) {
			this.systems.findInUseByName(change.system().name().strip())
				.filter(other -> !other.getId().equals(id))
				.ifPresent(other -> refusals
					.add(BusinessRuleViolation.onField("name", "register.system.name.taken", other.getName())));
		}
		return refusals;
	}

	private void requireAccepted(SystemChange change, Long id) {
		List<BusinessRuleViolation> refusals = refusals(change, id);
		if (!refusals.isEmpty()) {
			throw refusals.get(0);
		}
	}

	private RegisteredSystem current(long id, long version) {
		RegisteredSystem system = this.systems.findById(id)
			.filter(found -> !found.isRetired())
			.orElseThrow(() -> new BusinessRuleViolation("register.system.unknown"));
		if (system.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(RegisteredSystem.class, id);
		}
		return system;
	}

	/**
	 * Replaces a system's details and data sets. The old data sets go first, in a flush of their
	 * own: Hibernate inserts before it deletes orphans, and the new ones take the old positions.
	 */
	private void replace(RegisteredSystem system, SystemChange change, String actor, Instant at) {
		Vendor vendor = vendor(change);
		system.change(change.system(), vendor, List.of(), this::client, actor, at);
		this.systems.flush();
		system.change(change.system(), vendor, change.dataSets(), this::client, actor, at);
		this.systems.flush();
	}

	private Vendor vendor(SystemChange change) {
		Long id = change.system().vendorId();
		return (id == null) ? null : this.vendors.findById(id).orElseThrow();
	}

	private ClientCompany client(long id) {
		return this.clients.findById(id).orElseThrow();
	}

	/** The audit trail's words for a system, in Japanese (the company's record language). */
	private String describe(RegisteredSystem system) {
		Locale ja = Locale.JAPANESE;
		return this.messages.getMessage("register.audit.system",
				new Object[] { this.messages.getMessage("SystemKind." + system.getKind().name(), null, ja),
						this.messages.getMessage("Backup." + system.getBackup().name(), null, ja),
						system.getDataSets().size() },
				ja);
	}

}
