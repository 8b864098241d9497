package jp.hikeshi.investigation;

import java.util.List;

import jp.hikeshi.desk.OwnContacts;

import org.springframework.stereotype.Component;

/** The company's own contacts, offered to wherever the public desks are shown (the incident page from step 1). */
@Component
class ContactsBesideDesks implements OwnContacts {

	private final ContactService contacts;

	ContactsBesideDesks(ContactService contacts) {
		this.contacts = contacts;
	}

	@Override
	public List<Contact> contacts() {
		return this.contacts.all()
			.stream()
			.map(contact -> new Contact("ContactKind." + contact.kind().name(), contact.name(), contact.phone(),
					contact.note()))
			.toList();
	}

}
