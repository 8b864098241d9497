package jp.hikeshi.emergency;

import java.util.List;
import java.util.Locale;

import jp.hikeshi.account.Role;
import jp.hikeshi.shared.ReadableTime;
import jp.hikeshi.shared.Readiness;
import jp.hikeshi.shared.web.Notice;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The readiness line 「緊急連絡網を6か月以内に確認」: ready when verified in the last six months
 * with every member reachable by phone and a stand-in for the security lead; attention when the
 * verification is older or someone cannot be called; missing when nobody ever verified it.
 */
@Component
class ContactsReadiness implements Readiness {

	static final String HREF = "/preparedness/contacts";

	private final EmergencyContacts contacts;

	ContactsReadiness(EmergencyContacts contacts) {
		this.contacts = contacts;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Line check() {
		EmergencyContacts.Verification verification = this.contacts.verification();
		return judge(verification, verification.ever() ? this.contacts.team() : List.of(),
				LocaleContextHolder.getLocale());
	}

	/** The line for a list verified so (or never) with this team. */
	static Line judge(EmergencyContacts.Verification verification, List<EmergencyContacts.Member> team,
			Locale locale) {
		Notice label = Notice.of("emergency.readiness.label");
		if (!verification.ever()) {
			return new Line(label, State.MISSING, Notice.of("emergency.readiness.never"), HREF);
		}
		String day = ReadableTime.day(verification.day(), locale);
		if (!verification.fresh()) {
			return new Line(label, State.ATTENTION, Notice.of("emergency.readiness.old", day), HREF);
		}
		long withoutPhone = team.stream().filter(member -> member.phone() == null).count();
		if (withoutPhone > 0) {
			return new Line(label, State.ATTENTION, Notice.of("emergency.readiness.noPhone", withoutPhone), HREF);
		}
		boolean leadWithoutStandIn = team.stream()
			.anyMatch(member -> member.role() == Role.SECURITY_LEAD && member.standIn() == null);
		if (leadWithoutStandIn) {
			return new Line(label, State.ATTENTION, Notice.of("emergency.readiness.noStandIn"), HREF);
		}
		return new Line(label, State.READY, Notice.of("emergency.readiness.ready", day), HREF);
	}

}
