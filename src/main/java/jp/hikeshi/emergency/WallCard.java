package jp.hikeshi.emergency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jp.hikeshi.account.Role;
import jp.hikeshi.desk.PublicDesks;
import jp.hikeshi.notification.NotificationSettings;
import jp.hikeshi.organisation.Organisation;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.register.Register;
import jp.hikeshi.register.VendorKind;
import jp.hikeshi.shared.PhoneNumbers;
import jp.hikeshi.shared.QrImage;
import jp.hikeshi.shared.ReadableTime;

import org.springframework.stereotype.Service;

/**
 * What the wall card says: how to report (the report form's address, as text and as a QR
 * code), whom to call when the network is down (the security lead and their stand-in), and the
 * numbers to call — the team first in its order, the vendors that run the IT, the police and
 * IPA desks. Kept short on purpose: it must fit one A4 page.
 */
@Service
public class WallCard {

	/** At most this many of the team and of the vendors: the card must stay one page. */
	static final int TEAM_ON_CARD = 4;

	static final int VENDORS_ON_CARD = 3;

	/** The public desks a person at a PC may need at once (DOMAIN.md §7), in this order. */
	static final List<String> DESKS_ON_CARD = List.of("POLICE_CYBER", "POLICE_LOCAL", "IPA_CONSULT");

	private final EmergencyContacts contacts;

	private final Register register;

	private final PublicDesks desks;

	private final NotificationSettings settings;

	private final OrganisationService organisation;

	private final Clock clock;

	WallCard(EmergencyContacts contacts, Register register, PublicDesks desks, NotificationSettings settings,
			OrganisationService organisation, Clock clock) {
		this.contacts = contacts;
		this.register = register;
		this.desks = desks;
		this.settings = settings;
		this.organisation = organisation;
		this.clock = clock;
	}

	/** The card in one language. */
	public Card card(Locale language) {
		String reportUrl = reportUrl();
		List<EmergencyContacts.Member> team = this.contacts.team();
		EmergencyContacts.Member lead = team.stream()
			.filter(member -> member.role() == Role.SECURITY_LEAD)
			.findFirst()
			.orElse(null);
		List<Call> calls = team.stream()
			.filter(member -> member.phone() != null)
			.limit(TEAM_ON_CARD)
			.map(member -> new Call(member.name(), member.responseRole(), member.phone()))
			.toList();
		List<Call> vendors = this.register.vendors()
			.stream()
			.filter(vendor -> vendor.phone() != null && !vendor.phone().isBlank())
			// the IT vendor first: the one to call when the PCs are the problem
			.sorted(Comparator.comparing(vendor -> vendor.kind() != VendorKind.IT_VENDOR))
			.limit(VENDORS_ON_CARD)
			.map(vendor -> new Call(vendor.name(), vendor.incidentContact(), vendor.phone()))
			.toList();
		List<PublicDesks.Desk> desks = this.desks.all(language)
			.stream()
			.filter(desk -> DESKS_ON_CARD.contains(desk.code()))
			// a desk with neither a number nor an address gives the card nothing to dial or type
			.filter(desk -> desk.phone() != null || desk.url() != null)
			.sorted(Comparator.comparing(desk -> DESKS_ON_CARD.indexOf(desk.code())))
			.toList();
		String company = this.organisation.current().map(Organisation::getName).orElse(null);
		LocalDate today = LocalDate.now(this.clock.withZone(this.organisation.timeZone()));
		return new Card(company, reportUrl, QrImage.of(reportUrl).dataUri(), lead, calls, vendors, desks,
				ReadableTime.day(today, language));
	}

	/** The report form's address as a person at a PC reaches it: the address links in mails point to. */
	public String reportUrl() {
		return this.settings.publicBaseUrl() + "/report";
	}

	/**
	 * The card's content.
	 * @param company the company's name, or {@code null} before it was set up
	 * @param qrCode the report address as a QR code, a PNG {@code data:} address
	 * @param lead the security lead called first when the network is down, or {@code null} when there is none
	 * @param printed the day the card was made, so that an old card on the wall can be told apart
	 */
	public record Card(String company, String reportUrl, String qrCode, EmergencyContacts.Member lead,
			List<Call> team, List<Call> vendors, List<PublicDesks.Desk> desks, String printed) {
	}

	/** A number to call: who, what for (their part, or whom to ask for), the number. */
	public record Call(String name, String note, String phone) {

		public String phoneLink() {
			return PhoneNumbers.telLink(this.phone);
		}

	}

}
