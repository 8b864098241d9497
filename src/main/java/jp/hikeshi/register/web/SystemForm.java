package jp.hikeshi.register.web;

import java.util.ArrayList;
import java.util.List;

import jp.hikeshi.register.Backup;
import jp.hikeshi.register.HeldData;
import jp.hikeshi.register.Register.DataEntry;
import jp.hikeshi.register.RegisteredSystem;
import jp.hikeshi.register.SystemChange;
import jp.hikeshi.register.SystemKind;
import jp.hikeshi.register.SystemService.Editable;
import jp.hikeshi.register.Whose;

/**
 * A system as the page's form holds it, with a row per set of personal data. A bean rather than
 * a record: rows come with the button 「データを追加」 and go with their box 「削除する」,
 * without JavaScript, the form coming back with everything typed; the register's rules are checked by the service
 * ({@code SystemRules}), which names the field of each refusal.
 */
public class SystemForm {

	private long version;

	private String name;

	private SystemKind kind;

	private String location;

	private String owner;

	private Long vendorId;

	private boolean internetFacing;

	private Backup backup = Backup.UNKNOWN;

	private String backupLocation;

	private String note;

	private List<DataRow> dataSets = new ArrayList<>();

	static SystemForm empty() {
		return new SystemForm();
	}

	static SystemForm of(Editable editable) {
		SystemForm form = new SystemForm();
		var entry = editable.entry();
		form.version = editable.version();
		form.name = entry.name();
		form.kind = entry.kind();
		form.location = entry.location();
		form.owner = entry.owner();
		form.vendorId = (entry.vendor() != null) ? entry.vendor().id() : null;
		form.internetFacing = entry.internetFacing();
		form.backup = entry.backup();
		form.backupLocation = entry.backupLocation();
		form.note = editable.note();
		for (DataEntry data : entry.dataSets()) {
			form.dataSets.add(DataRow.of(data));
		}
		return form;
	}

	SystemChange change() {
		return new SystemChange(new RegisteredSystem.Details(this.name, this.kind, this.location, this.owner,
				this.vendorId, this.internetFacing, this.backup, this.backupLocation, this.note),
				this.dataSets.stream().map(DataRow::details).toList());
	}

	/** One more empty row, as the button 「データを追加」 asks. */
	void addRow() {
		this.dataSets.add(new DataRow());
	}

	/** Without the rows ticked 「削除する」 (and the gaps a tampered form may leave). */
	void dropRemoved() {
		this.dataSets.removeIf(row -> row == null || row.remove);
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public SystemKind getKind() {
		return this.kind;
	}

	public void setKind(SystemKind kind) {
		this.kind = kind;
	}

	public String getLocation() {
		return this.location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public String getOwner() {
		return this.owner;
	}

	public void setOwner(String owner) {
		this.owner = owner;
	}

	public Long getVendorId() {
		return this.vendorId;
	}

	public void setVendorId(Long vendorId) {
		this.vendorId = vendorId;
	}

	public boolean isInternetFacing() {
		return this.internetFacing;
	}

	public void setInternetFacing(boolean internetFacing) {
		this.internetFacing = internetFacing;
	}

	public Backup getBackup() {
		return this.backup;
	}

	public void setBackup(Backup backup) {
		this.backup = backup;
	}

	public String getBackupLocation() {
		return this.backupLocation;
	}

	public void setBackupLocation(String backupLocation) {
		this.backupLocation = backupLocation;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public List<DataRow> getDataSets() {
		return this.dataSets;
	}

	public void setDataSets(List<DataRow> dataSets) {
		this.dataSets = (dataSets == null) ? new ArrayList<>() : new ArrayList<>(dataSets);
	}

	/** One set of personal data the system holds. */
	public static class DataRow {

		private String description;

		private String items;

		private Whose whose = Whose.CUSTOMERS;

		private Long clientId;

		private Integer peopleCount;

		private boolean sensitive;

		private boolean financial;

		private boolean myNumber;

		private boolean encrypted;

		private String encryptionMethod;

		private String keyCustody;

		private boolean remove;

		static DataRow of(DataEntry data) {
			DataRow row = new DataRow();
			row.description = data.description();
			row.items = data.items();
			row.whose = data.whose();
			row.clientId = (data.client() != null) ? data.client().id() : null;
			row.peopleCount = data.peopleCount();
			row.sensitive = data.sensitive();
			row.financial = data.financial();
			row.myNumber = data.myNumber();
			row.encrypted = data.encrypted();
			row.encryptionMethod = data.encryptionMethod();
			row.keyCustody = data.keyCustody();
			return row;
		}

		HeldData.Details details() {
			return new HeldData.Details(this.description, this.items, this.whose, this.clientId, this.peopleCount,
					this.sensitive, this.financial, this.myNumber, this.encrypted, this.encryptionMethod,
					this.keyCustody);
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getItems() {
			return this.items;
		}

		public void setItems(String items) {
			this.items = items;
		}

		public Whose getWhose() {
			return this.whose;
		}

		public void setWhose(Whose whose) {
			this.whose = whose;
		}

		public Long getClientId() {
			return this.clientId;
		}

		public void setClientId(Long clientId) {
			this.clientId = clientId;
		}

		public Integer getPeopleCount() {
			return this.peopleCount;
		}

		public void setPeopleCount(Integer peopleCount) {
			this.peopleCount = peopleCount;
		}

		public boolean isSensitive() {
			return this.sensitive;
		}

		public void setSensitive(boolean sensitive) {
			this.sensitive = sensitive;
		}

		public boolean isFinancial() {
			return this.financial;
		}

		public void setFinancial(boolean financial) {
			this.financial = financial;
		}

		public boolean isMyNumber() {
			return this.myNumber;
		}

		public void setMyNumber(boolean myNumber) {
			this.myNumber = myNumber;
		}

		public boolean isEncrypted() {
			return this.encrypted;
		}

		public void setEncrypted(boolean encrypted) {
			this.encrypted = encrypted;
		}

		public String getEncryptionMethod() {
			return this.encryptionMethod;
		}

		public void setEncryptionMethod(String encryptionMethod) {
			this.encryptionMethod = encryptionMethod;
		}

		public String getKeyCustody() {
			return this.keyCustody;
		}

		public void setKeyCustody(String keyCustody) {
			this.keyCustody = keyCustody;
		}

		public boolean isRemove() {
			return this.remove;
		}

		public void setRemove(boolean remove) {
			this.remove = remove;
		}

	}

}
