package jp.hikeshi.emergency.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.emergency.EmergencyContacts;
import jp.hikeshi.emergency.EmergencyContacts.Change;
import jp.hikeshi.emergency.EmergencyContacts.Member;
import jp.hikeshi.shared.PlainText;

/**
 * What the list says about one person of the team, as typed: their place in the order of calls,
 * their part, when they can be reached and who stands in for them (a team member's login name
 * from the choice). {@code version} is their entry's as the page showed it, none for a person
 * without one yet. Texts arrive trimmed, blanks as {@code null} ({@code FormBinding}).
 */
record ContactForm(@NotNull @Min(1) @Max(99) Integer callOrder,
		@Size(max = EmergencyContacts.MAX_RESPONSE_ROLE) @PlainText String responseRole,
		@Size(max = EmergencyContacts.MAX_REACHABLE) @PlainText String reachable, @Size(max = 64) String standIn,
		Long version) {

	static ContactForm of(Member member, int place) {
		return new ContactForm((member.position() != null) ? member.position() : place, member.responseRole(),
				member.reachable(), member.standIn(), member.version());
	}

	Change toChange() {
		return new Change(this.callOrder, this.responseRole, this.reachable, this.standIn);
	}

}
