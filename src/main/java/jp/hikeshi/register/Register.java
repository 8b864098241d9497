package jp.hikeshi.register;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as other modules read it: plain values, complete, that need no session — the
 * report form's list of systems, the data an incident's systems hold, the vendors to call.
 */
@Service
@Transactional(readOnly = true)
public class Register {

	private final SystemRepository systems;

	private final VendorRepository vendors;

	private final ClientRepository clients;

	Register(SystemRepository systems, VendorRepository vendors, ClientRepository clients) {
		this.systems = systems;
		this.vendors = vendors;
		this.clients = clients;
	}

	/** The systems in use, by name. */
	public List<SystemEntry> systemsInUse() {
		return this.systems.findInUse().stream().map(SystemEntry::of).toList();
	}

	/** These systems, retired ones too, by name; ids that name none are left out. */
	public List<SystemEntry> systems(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.systems.findWithDataByIdIn(ids).stream().map(SystemEntry::of).toList();
	}

	public List<VendorEntry> vendors() {
		return this.vendors.findAllByName().stream().map(VendorEntry::of).toList();
	}

	public Optional<VendorEntry> vendor(long id) {
		return this.vendors.findById(id).map(VendorEntry::of);
	}

	public List<ClientEntry> clients() {
		return this.clients.findAllByName().stream().map(ClientEntry::of).toList();
	}

	/** A system with everything the register knows about it. */
	public record SystemEntry(long id, String name, SystemKind kind, String location, String owner, VendorEntry vendor,
			boolean internetFacing, Backup backup, String backupLocation, boolean retired, List<DataEntry> dataSets) {

		static SystemEntry of(RegisteredSystem system) {
			return new SystemEntry(system.getId(), system.getName(), system.getKind(), system.getLocation(),
					system.getOwner(), (system.getVendor() != null) ? VendorEntry.of(system.getVendor()) : null,
					system.isInternetFacing(), system.getBackup(), system.getBackupLocation(), system.isRetired(),
					system.getDataSets().stream().map(DataEntry::of).toList());
		}

		/** Whether it holds any personal data. */
		public boolean holdsPersonalData() {
			return !this.dataSets.isEmpty();
		}

	}

	/** Personal data a system holds; {@code client} only for a client's data. */
	public record DataEntry(String description, String items, Whose whose, ClientEntry client, Integer peopleCount,
			boolean sensitive, boolean financial, boolean myNumber, boolean encrypted, String encryptionMethod,
			String keyCustody) {

		static DataEntry of(HeldData data) {
			return new DataEntry(data.getDescription(), data.getItems(), data.getWhose(),
					(data.getClient() != null) ? ClientEntry.of(data.getClient()) : null, data.getPeopleCount(),
					data.isSensitive(), data.isFinancial(), data.isMyNumber(), data.isEncrypted(),
					data.getEncryptionMethod(), data.getKeyCustody());
		}

	}

	public record VendorEntry(long id, VendorKind kind, String name, String incidentContact, String phone,
			String email, String contractNote) {

		static VendorEntry of(Vendor vendor) {
			return new VendorEntry(vendor.getId(), vendor.getKind(), vendor.getName(), vendor.getIncidentContact(),
					vendor.getPhone(), vendor.getEmail(), vendor.getContractNote());
		}

	}

	public record ClientEntry(long id, String name, String contact, String phone, String email) {

		static ClientEntry of(ClientCompany client) {
			return new ClientEntry(client.getId(), client.getName(), client.getContact(), client.getPhone(),
					client.getEmail());
		}

	}

}
