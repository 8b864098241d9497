package jp.hikeshi.register.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.register.Vendor;
import jp.hikeshi.register.VendorKind;
import jp.hikeshi.shared.PlainText;

/** A vendor as the lead or the administrator types it; the phone and e-mail as the account forms take them. */
public record VendorForm(
		@NotNull VendorKind kind,
		@NotBlank @Size(max = Vendor.MAX_NAME) @PlainText String name,
		@Size(max = Vendor.MAX_CONTACT) @PlainText String incidentContact,
		@Size(max = Profile.PHONE_LENGTH) @Pattern(regexp = Profile.PHONE) String phone,
		@Size(max = Vendor.MAX_EMAIL) @Email(regexp = Profile.EMAIL) String email,
		@Size(max = Vendor.MAX_NOTE) @PlainText(multiline = true) String contractNote,
		Long version) {

	static VendorForm empty() {
		return new VendorForm(null, null, null, null, null, null, null);
	}

	static VendorForm of(Vendor vendor) {
		Vendor.Details d = vendor.details();
		return new VendorForm(d.kind(), d.name(), d.incidentContact(), d.phone(), d.email(), d.contractNote(),
				vendor.getVersion());
	}

	Vendor.Details toDetails() {
		return new Vendor.Details(this.kind, this.name, this.incidentContact, this.phone, this.email, this.contractNote);
	}

}
