package jp.hikeshi.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public desks to ask and report to, for any page that wants them: all of them (the
 * "where to ask and report" panel) or those that serve one duty or decision (the PPC desks next
 * to the PPC report, say). Each comes in the reader's language, with the day it was last checked.
 */
@Service
@Transactional(readOnly = true)
public class PublicDesks {

	/** The duties and decisions a desk can serve: the values of {@link #serving(String)}. */
	public static final Set<String> DUTIES = Set.of("PPC", "MYNUMBER", "IPA", "POLICE", "CLIENT", "EU", "DISCLOSURE",
			"ADVICE");

	private final PublicDeskRepository desks;

	private final List<OwnContacts> ownContacts;

	PublicDesks(PublicDeskRepository desks, List<OwnContacts> ownContacts) {
		this.desks = desks;
		this.ownContacts = ownContacts;
	}

	/** Every public desk, in the language of the current request. */
	public List<Desk> all() {
		return all(LocaleContextHolder.getLocale());
	}

	public List<Desk> all(Locale locale) {
		return this.desks.findAllByOrderById().stream().map(desk -> desk.view(locale)).toList();
	}

	/**
	 * The desks that serve a duty or decision, in the language of the current request.
	 * @param duty one of {@link #DUTIES}, e.g. {@code PPC}, {@code POLICE}, {@code DISCLOSURE}
	 * @throws IllegalArgumentException for a duty no desk can serve (a typo would otherwise show nothing)
	 */
	public List<Desk> serving(String duty) {
		return serving(duty, LocaleContextHolder.getLocale());
	}

	public List<Desk> serving(String duty, Locale locale) {
		if (!DUTIES.contains(duty)) {
			throw new IllegalArgumentException("No desk serves '" + duty + "'; known: " + DUTIES);
		}
		return this.desks.findAllByOrderById().stream().filter(desk -> desk.serves(duty)).map(desk -> desk.view(locale)).toList();
	}

	/**
	 * The desks serving each of several duties, read at once (a page of reports asks for all its
	 * duties together), in the language of the current request.
	 */
	public java.util.Map<String, List<Desk>> servingEach(java.util.Collection<String> duties) {
		Locale locale = LocaleContextHolder.getLocale();
		List<PublicDesk> desks = this.desks.findAllByOrderById();
		java.util.Map<String, List<Desk>> byDuty = new java.util.HashMap<>();
		for (String duty : duties) {
			if (!DUTIES.contains(duty)) {
				throw new IllegalArgumentException("No desk serves '" + duty + "'; known: " + DUTIES);
			}
			byDuty.put(duty, desks.stream().filter(desk -> desk.serves(duty)).map(desk -> desk.view(locale)).toList());
		}
		return byDuty;
	}

	/** The company's own contacts (vendor, insurer, lawyer …), shown beside the public desks. */
	public List<OwnContacts.Contact> ownContacts() {
		return this.ownContacts.stream().flatMap(source -> source.contacts().stream()).toList();
	}

	/**
	 * A public desk as the reader reads it. Any of phone, URL, e-mail and hours may be missing.
	 * @param code the desk's code, for links to it; never shown
	 * @param checked the day it was last checked, as the reader reads a day (「2026年11月29日」)
	 */
	public record Desk(String code, String name, String purpose, String phone, String url, String email, String hours,
			String checked, LocalDate checkedOn) {

		/** The {@code tel:} link for the phone number. */
		public String phoneLink() {
			return Links.phoneLink(this.phone);
		}

		/** Where the URL link goes: the address as kept, over https:// where it was kept without its scheme. */
		public String link() {
			return Links.link(this.url);
		}

		/** The address as a person reads it: without its scheme. */
		public String address() {
			return Links.address(this.url);
		}

	}

}
