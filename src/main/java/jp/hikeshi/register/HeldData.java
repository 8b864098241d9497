package jp.hikeshi.register;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Personal data a registered system holds, in the shape of step 2's data sets so that choosing
 * the system for an incident can propose it as it is: what, whose, how many people at most,
 * how sensitive, and whether it is encrypted and who keeps the key.
 */
@Entity
@Table(name = "register_data_set")
public class HeldData {

	public static final int MAX_DESCRIPTION = 200;

	public static final int MAX_ITEMS = 1000;

	public static final int MAX_ENCRYPTION = 200;

	public static final int MAX_PEOPLE = 100_000_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "system_id")
	private RegisteredSystem system;

	private int position;

	private String description;

	private String items;

	@Enumerated(EnumType.STRING)
	private Whose whose;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "client_id")
	private ClientCompany client;

	private Integer peopleCount;

	/** 要配慮個人情報. */
	private boolean sensitive;

	/** Card numbers, banking credentials. */
	private boolean financial;

	/** 特定個人情報: personal data with a マイナンバー. */
	private boolean myNumber;

	private boolean encrypted;

	private String encryptionMethod;

	/** Who keeps the key, and where. */
	private String keyCustody;

	protected HeldData() {
	}

	HeldData(RegisteredSystem system, int position, Details details, ClientCompany client) {
		this.system = system;
		this.position = position;
		this.description = details.description().strip();
		this.items = Vendor.blankToNull(details.items());
		this.whose = details.whose();
		this.client = (details.whose() == Whose.CLIENT) ? client : null;
		this.peopleCount = details.peopleCount();
		this.sensitive = details.sensitive();
		this.financial = details.financial();
		this.myNumber = details.myNumber();
		this.encrypted = details.encrypted();
		this.encryptionMethod = details.encrypted() ? Vendor.blankToNull(details.encryptionMethod()) : null;
		this.keyCustody = details.encrypted() ? Vendor.blankToNull(details.keyCustody()) : null;
	}

	public Details details() {
		return new Details(this.description, this.items, this.whose, (this.client != null) ? this.client.getId() : null,
				this.peopleCount, this.sensitive, this.financial, this.myNumber, this.encrypted, this.encryptionMethod,
				this.keyCustody);
	}

	public Long getId() {
		return this.id;
	}

	public RegisteredSystem getSystem() {
		return this.system;
	}

	public int getPosition() {
		return this.position;
	}

	public String getDescription() {
		return this.description;
	}

	public String getItems() {
		return this.items;
	}

	public Whose getWhose() {
		return this.whose;
	}

	public ClientCompany getClient() {
		return this.client;
	}

	public Integer getPeopleCount() {
		return this.peopleCount;
	}

	public boolean isSensitive() {
		return this.sensitive;
	}

	public boolean isFinancial() {
		return this.financial;
	}

	public boolean isMyNumber() {
		return this.myNumber;
	}

	public boolean isEncrypted() {
		return this.encrypted;
	}

	public String getEncryptionMethod() {
		return this.encryptionMethod;
	}

	public String getKeyCustody() {
		return this.keyCustody;
	}

	/** What the register keeps about a set of personal data; {@code clientId} only for a client's data. */
	public record Details(String description, String items, Whose whose, Long clientId, Integer peopleCount,
			boolean sensitive, boolean financial, boolean myNumber, boolean encrypted, String encryptionMethod,
			String keyCustody) {

		public Details {
			whose = (whose == null) ? Whose.CUSTOMERS : whose;
		}

	}

}
