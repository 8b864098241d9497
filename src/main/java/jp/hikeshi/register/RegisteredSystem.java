package jp.hikeshi.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A system or service the company runs (a PC, the file server, the EC site, a cloud service):
 * where it runs, who is responsible, which vendor operates it, whether it faces the internet,
 * whether it is backed up and where, and the personal data it holds.
 */
@Entity
@Table(name = "register_system")
public class RegisteredSystem {

	public static final int MAX_NAME = 200;

	public static final int MAX_LOCATION = 200;

	public static final int MAX_OWNER = 200;

	public static final int MAX_BACKUP_LOCATION = 200;

	public static final int MAX_NOTE = 1000;

	/** More data sets than this on one system are surely a mistake of an import. */
	public static final int MAX_DATA_SETS = 50;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private SystemKind kind;

	/** Where it runs: the office, a data centre, the vendor's cloud. */
	private String location;

	/** The person or department responsible for it. */
	private String owner;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "vendor_id")
	private Vendor vendor;

	private boolean internetFacing;

	@Enumerated(EnumType.STRING)
	private Backup backup;

	private String backupLocation;

	private String note;

	private Instant retiredAt;

	@OneToMany(mappedBy = "system", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<HeldData> dataSets = new ArrayList<>();

	private String createdBy;

	private Instant createdAt;

	private String updatedBy;

	private Instant updatedAt;

	@Version
	private long version;

	protected RegisteredSystem() {
	}

	RegisteredSystem(Details details, Vendor vendor, List<HeldData.Details> data, LongFunction<ClientCompany> clients,
			String by, Instant at) {
		this.createdBy = by;
		this.createdAt = at;
		change(details, vendor, data, clients, by, at);
	}

	/** Takes the new details and replaces the data sets it holds. */
	void change(Details details, Vendor vendor, List<HeldData.Details> data, LongFunction<ClientCompany> clients,
			String by, Instant at) {
		this.name = details.name().strip();
		this.kind = details.kind();
		this.location = Vendor.blankToNull(details.location());
		this.owner = Vendor.blankToNull(details.owner());
		this.vendor = vendor;
		this.internetFacing = details.internetFacing();
		this.backup = (details.backup() == null) ? Backup.UNKNOWN : details.backup();
		this.backupLocation = (this.backup == Backup.BACKED_UP) ? Vendor.blankToNull(details.backupLocation()) : null;
		this.note = Vendor.blankToNull(details.note());
		this.dataSets.clear();
		int position = 0;
		for (HeldData.Details held : data) {
			ClientCompany client = (held.clientId() != null) ? clients.apply(held.clientId()) : null;
			this.dataSets.add(new HeldData(this, position++, held, client));
		}
		this.updatedBy = by;
		this.updatedAt = at;
	}

	void retire(String by, Instant at) {
		this.retiredAt = at;
		this.updatedBy = by;
		this.updatedAt = at;
	}

	public Details details() {
		return new Details(this.name, this.kind, this.location, this.owner,
				(this.vendor != null) ? this.vendor.getId() : null, this.internetFacing, this.backup,
				this.backupLocation, this.note);
	}

	public boolean isRetired() {
		return this.retiredAt != null;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public SystemKind getKind() {
		return this.kind;
	}

	public String getLocation() {
		return this.location;
	}

	public String getOwner() {
		return this.owner;
	}

	public Vendor getVendor() {
		return this.vendor;
	}

	public boolean isInternetFacing() {
		return this.internetFacing;
	}

	public Backup getBackup() {
		return this.backup;
	}

	public String getBackupLocation() {
		return this.backupLocation;
	}

	public String getNote() {
		return this.note;
	}

	public Instant getRetiredAt() {
		return this.retiredAt;
	}

	public List<HeldData> getDataSets() {
		return List.copyOf(this.dataSets);
	}

	public String getUpdatedBy() {
		return this.updatedBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	/** What the register keeps about a system, besides its data. */
	public record Details(String name, SystemKind kind, String location, String owner, Long vendorId,
			boolean internetFacing, Backup backup, String backupLocation, String note) {
	}

}
