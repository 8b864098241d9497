package jp.hikeshi.desk.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jp.hikeshi.desk.DeskAdministration;
import jp.hikeshi.desk.DeskAdministration.Reach;
import jp.hikeshi.shared.PlainText;

/**
 * How to reach a public desk, as the administrator typed it; {@code version} is the desk's, as
 * the page showed it. Texts arrive trimmed, blanks as {@code null} ({@code FormBinding}).
 */
record DeskForm(long version, @Size(max = 30) @Pattern(regexp = DeskAdministration.PHONE) String phone,
		@Size(max = 300) @Pattern(regexp = DeskAdministration.URL) String url,
		@Size(max = 200) @Email @PlainText String email, @Size(max = 100) @PlainText String hoursJa,
		@Size(max = 100) @PlainText String hoursEn, Boolean checkedToday) {

	static DeskForm of(DeskAdministration.Editable desk) {
		Reach reach = desk.reach();
		return new DeskForm(desk.version(), reach.phone(), reach.url(), reach.email(), reach.hoursJa(), reach.hoursEn(),
				true);
	}

	Reach toReach() {
		return new Reach(this.phone, this.url, this.email, this.hoursJa, this.hoursEn);
	}

	boolean checked() {
		return Boolean.TRUE.equals(this.checkedToday);
	}

}
