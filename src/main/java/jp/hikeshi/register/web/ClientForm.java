package jp.hikeshi.register.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.register.ClientCompany;
import jp.hikeshi.shared.PlainText;

/** A client (委託元) as the lead or the administrator types it. */
public record ClientForm(
		@NotBlank @Size(max = ClientCompany.MAX_NAME) @PlainText String name,
		@Size(max = 200) @PlainText String contact,
		@Size(max = Profile.PHONE_LENGTH) @Pattern(regexp = Profile.PHONE) String phone,
		@Size(max = 200) @Email(regexp = Profile.EMAIL) String email,
		@Size(max = 1000) @PlainText(multiline = true) String note,
		Long version) {

	static ClientForm empty() {
		return new ClientForm(null, null, null, null, null, null);
	}

	static ClientForm of(ClientCompany client) {
		ClientCompany.Details d = client.details();
		return new ClientForm(d.name(), d.contact(), d.phone(), d.email(), d.note(), client.getVersion());
	}

	ClientCompany.Details toDetails() {
		return new ClientCompany.Details(this.name, this.contact, this.phone, this.email, this.note);
	}

}
