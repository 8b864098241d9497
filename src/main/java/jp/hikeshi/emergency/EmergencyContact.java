package jp.hikeshi.emergency;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the contacts page adds to one person of the response team: where they stand in the
 * order of calls, their part, when they can be reached and who stands in for them. Their name
 * and phone number stay on their account.
 */
@Entity
@Table(name = "emergency_contact")
class EmergencyContact {

	@Id
	private String username;

	private int position;

	private String responseRole;

	private String reachable;

	private String standIn;

	private String updatedBy;

	private Instant updatedAt;

	@Version
	private long version;

	protected EmergencyContact() {
	}

	EmergencyContact(String username) {
		this.username = username;
	}

	void change(EmergencyContacts.Change change, String by, Instant at) {
		this.position = change.position();
		this.responseRole = change.responseRole();
		this.reachable = change.reachable();
		this.standIn = change.standIn();
		this.updatedBy = by;
		this.updatedAt = at;
	}

	String username() {
		return this.username;
	}

	int position() {
		return this.position;
	}

	String responseRole() {
		return this.responseRole;
	}

	String reachable() {
		return this.reachable;
	}

	String standIn() {
		return this.standIn;
	}

	long version() {
		return this.version;
	}

}
