package jp.hikeshi.investigation;

/** One of the company's own contacts for an incident, kept by the administrator. */
public record Contact(long id, Kind kind, String name, String phone, String note) {

	/** Who the contact is. */
	public enum Kind {

		VENDOR, INSURER, LAWYER, FORENSICS, OTHER

	}

}
