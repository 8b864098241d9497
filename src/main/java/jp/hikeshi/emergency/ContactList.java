package jp.hikeshi.emergency;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The list as a whole: who last checked it all against reality, and when. One row. */
@Entity
@Table(name = "emergency_contact_list")
class ContactList {

	static final short ONLY = 1;

	@Id
	private Short id;

	private String verifiedBy;

	private Instant verifiedAt;

	@Version
	private long version;

	protected ContactList() {
	}

	void verified(String by, Instant at) {
		this.verifiedBy = by;
		this.verifiedAt = at;
	}

	String verifiedBy() {
		return this.verifiedBy;
	}

	Instant verifiedAt() {
		return this.verifiedAt;
	}

	long version() {
		return this.version;
	}

}
