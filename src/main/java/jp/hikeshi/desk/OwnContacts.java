package jp.hikeshi.desk;

import java.util.List;

/**
 * The company's own contacts for an incident (its vendor, insurer, lawyer …), offered by the
 * module that keeps them, so that they are shown beside the public desks wherever those are.
 */
public interface OwnContacts {

	List<Contact> contacts();

	/**
	 * One contact.
	 * @param kind the message code of what the contact is (e.g. {@code ContactKind.INSURER})
	 */
	record Contact(String kind, String name, String phone, String note) {

		/** The {@code tel:} link for the phone number. */
		public String phoneLink() {
			return Links.phoneLink(this.phone);
		}

	}

}
