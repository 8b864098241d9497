package jp.hikeshi.register;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A vendor that operates something for the company (IT vendor, cloud, hosting, payroll …). */
@Entity
@Table(name = "vendor")
public class Vendor {

	public static final int MAX_NAME = 200;

	public static final int MAX_CONTACT = 200;

	public static final int MAX_EMAIL = 200;

	public static final int MAX_NOTE = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private VendorKind kind;

	private String name;

	/** Whom to call at the vendor when something happens. */
	private String incidentContact;

	private String phone;

	private String email;

	private String contractNote;

	private String createdBy;

	private Instant createdAt;

	private String updatedBy;

	private Instant updatedAt;

	@Version
	private long version;

	protected Vendor() {
	}

	Vendor(Details details, String by, Instant at) {
		this.createdBy = by;
		this.createdAt = at;
		change(details, by, at);
	}

	void change(Details details, String by, Instant at) {
		this.kind = details.kind();
		this.name = details.name().strip();
		this.incidentContact = blankToNull(details.incidentContact());
		this.phone = blankToNull(details.phone());
		this.email = blankToNull(details.email());
		this.contractNote = blankToNull(details.contractNote());
		this.updatedBy = by;
		this.updatedAt = at;
	}

	public Details details() {
		return new Details(this.kind, this.name, this.incidentContact, this.phone, this.email, this.contractNote);
	}

	public Long getId() {
		return this.id;
	}

	public VendorKind getKind() {
		return this.kind;
	}

	public String getName() {
		return this.name;
	}

	public String getIncidentContact() {
		return this.incidentContact;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getEmail() {
		return this.email;
	}

	public String getContractNote() {
		return this.contractNote;
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

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** What the register keeps about a vendor. */
	public record Details(VendorKind kind, String name, String incidentContact, String phone, String email,
			String contractNote) {
	}

}
