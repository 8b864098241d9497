package jp.hikeshi.register;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 委託元: a company whose personal data this company processes for it. */
@Entity
@Table(name = "client_company")
public class ClientCompany {

	public static final int MAX_NAME = 200;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String contact;

	private String phone;

	private String email;

	private String note;

	private String createdBy;

	private Instant createdAt;

	private String updatedBy;

	private Instant updatedAt;

	@Version
	private long version;

	protected ClientCompany() {
	}

	ClientCompany(Details details, String by, Instant at) {
		this.createdBy = by;
		this.createdAt = at;
		change(details, by, at);
	}

	void change(Details details, String by, Instant at) {
		this.name = details.name().strip();
		this.contact = Vendor.blankToNull(details.contact());
		this.phone = Vendor.blankToNull(details.phone());
		this.email = Vendor.blankToNull(details.email());
		this.note = Vendor.blankToNull(details.note());
		this.updatedBy = by;
		this.updatedAt = at;
	}

	public Details details() {
		return new Details(this.name, this.contact, this.phone, this.email, this.note);
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getContact() {
		return this.contact;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getEmail() {
		return this.email;
	}

	public String getNote() {
		return this.note;
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

	/** What the register keeps about a client. */
	public record Details(String name, String contact, String phone, String email, String note) {
	}

}
