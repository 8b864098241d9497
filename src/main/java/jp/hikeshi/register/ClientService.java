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
 * The register's clients (委託元), kept by the security lead and the administrator; every change
 * on the audit trail. A client stays while a data set of the register is named as its data.
 */
@Service
@Transactional
public class ClientService {

	private final ClientRepository clients;

	private final AuditLog auditLog;

	private final Clock clock;

	@PersistenceContext
	private EntityManager entities;

	ClientService(ClientRepository clients, AuditLog auditLog, Clock clock) {
		this.clients = clients;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ClientCompany> all() {
		return this.clients.findAllByName();
	}

	@Transactional(readOnly = true)
	public Optional<ClientCompany> find(long id) {
		return this.clients.findById(id);
	}

	/** The systems of the register, retired ones too, holding a data set of this client's: by name. */
	@Transactional(readOnly = true)
	public List<String> systemsHoldingDataOf(long id) {
		return this.entities
			.createQuery("select distinct lower(s.name), s.name from HeldData d join d.system s where d.client.id = :id"
					+ " order by lower(s.name)", Object[].class)
			.setParameter("id", id)
			.getResultList()
			.stream()
			.map(row -> (String) row[1])
			.toList();
	}

	/** @throws BusinessRuleViolation {@code client.name.taken} on the name */
	public ClientCompany add(ClientCompany.Details details, String actor) {
		refuseTakenName(details.name(), null);
		ClientCompany client = saved(new ClientCompany(details, actor, this.clock.instant()));
		this.auditLog.record(actor, AuditAction.CLIENT_ADDED, client.getName(), null);
		return client;
	}

	/** @throws ObjectOptimisticLockingFailureException when it changed since the form was opened */
	public ClientCompany change(long id, long version, ClientCompany.Details details, String actor) {
		ClientCompany client = current(id, version);
		refuseTakenName(details.name(), id);
		String before = client.getName();
		client.change(details, actor, this.clock.instant());
		saved(client);
		this.auditLog.record(actor, AuditAction.CLIENT_CHANGED, client.getName(),
				before.equals(client.getName()) ? null : before);
		return client;
	}

	/** @throws BusinessRuleViolation {@code client.remove.inUse} naming the systems that hold its data */
	public void remove(long id, long version, String actor) {
		ClientCompany client = current(id, version);
		List<String> systems = systemsHoldingDataOf(id);
		if (!systems.isEmpty()) {
			throw new BusinessRuleViolation("client.remove.inUse", client.getName(), String.join(", ", systems),
					systems.size());
		}
		this.clients.delete(client);
		this.clients.flush();
		this.auditLog.record(actor, AuditAction.CLIENT_REMOVED, client.getName(), null);
	}

	private ClientCompany current(long id, long version) {
		ClientCompany client = this.clients.findById(id)
			.orElseThrow(() -> new ObjectOptimisticLockingFailureException(ClientCompany.class, id));
		if (client.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(ClientCompany.class, id);
		}
		return client;
	}

	private void refuseTakenName(String name, Long self) {
		this.clients.findByNameIgnoringCase(name.strip())
			.filter(other -> !other.getId().equals(self))
			.ifPresent(other -> {
				throw BusinessRuleViolation.onField("name", "client.name.taken", other.getName());
			});
	}

	private ClientCompany saved(ClientCompany client) {
		try {
			return this.clients.saveAndFlush(client);
		}
		catch (DataIntegrityViolationException raced) {
			// the same name added at the same moment (client_company_name_uq)
			throw BusinessRuleViolation.onField("name", "client.name.taken", client.getName());
		}
	}

}
