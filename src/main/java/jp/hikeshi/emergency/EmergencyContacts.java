package jp.hikeshi.emergency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.hikeshi.account.People;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.PhoneNumbers;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emergency contact list: the response team as it is called, and who last verified it.
 * The team is whoever holds a response role (security lead, executive, responder) on an enabled
 * account; their name and phone come from the account, so a phone changed there is changed here.
 */
@Service
public class EmergencyContacts {

	/** The roles whose holders are the response team, in the order they are listed when no order was set. */
	static final List<Role> TEAM_ROLES = List.of(Role.SECURITY_LEAD, Role.EXECUTIVE, Role.RESPONDER);

	/** A verification older than this needs doing again (the readiness line turns to attention). */
	public static final Period FRESH_FOR = Period.ofMonths(6);

	public static final int MAX_RESPONSE_ROLE = 100;

	public static final int MAX_REACHABLE = 200;

	private final EmergencyContactRepository contacts;

	private final ContactListRepository lists;

	private final People people;

	private final AuditLog audit;

	private final OrganisationService organisation;

	private final Clock clock;

	EmergencyContacts(EmergencyContactRepository contacts, ContactListRepository lists, People people, AuditLog audit,
			OrganisationService organisation, Clock clock) {
		this.contacts = contacts;
		this.lists = lists;
		this.people = people;
		this.audit = audit;
		this.organisation = organisation;
		this.clock = clock;
	}

	/** The team in the order it is called: those given a place first, then by role and name. */
	@Transactional(readOnly = true)
	public List<Member> team() {
		Map<String, UserAccount> accounts = this.people
			.accounts(this.people.holding(TEAM_ROLES.toArray(Role[]::new)));
		Map<String, EmergencyContact> rows = this.contacts.findAllById(accounts.keySet())
			.stream()
			.collect(Collectors.toMap(EmergencyContact::username, Function.identity()));
		List<Member> members = new ArrayList<>();
		for (UserAccount account : accounts.values()) {
			EmergencyContact row = rows.get(account.getUsername());
			String standIn = (row != null) ? row.standIn() : null;
			UserAccount standInAccount = (standIn != null) ? accounts.get(standIn) : null;
			members.add(new Member(account.getId(), account.getUsername(), account.getDisplayName(),
					account.getDepartment(), blankToNull(account.getPhone()), firstTeamRole(account.getRoles()),
					(row != null) ? row.position() : null, (row != null) ? row.responseRole() : null,
					(row != null) ? row.reachable() : null, (standInAccount != null) ? standIn : null,
					(standInAccount != null) ? standInAccount.getDisplayName() : null,
					(standInAccount != null) ? blankToNull(standInAccount.getPhone()) : null,
					(row != null) ? row.version() : null));
		}
		members.sort(Comparator.comparing((Member m) -> (m.position() != null) ? m.position() : Integer.MAX_VALUE)
			.thenComparing(m -> TEAM_ROLES.indexOf(m.role()))
			.thenComparing(Member::name)
			.thenComparing(Member::accountId));
		return members;
	}

	/** One person of the team, found by their account's id. */
	@Transactional(readOnly = true)
	public Optional<Member> member(long accountId) {
		return team().stream().filter(m -> m.accountId() == accountId).findFirst();
	}

	/** Who verified the list last, and when; empty when nobody ever did. */
	@Transactional(readOnly = true)
	public Verification verification() {
		ContactList list = list();
		return new Verification(list.verifiedAt(), list.verifiedBy(), list.version(), this.organisation.timeZone(),
				this.clock);
	}

	/**
	 * Changes what the list says about one person of the team.
	 * @param version the version the form was read at; {@code null} when the person had no entry yet
	 * @throws BusinessRuleViolation when the stand-in is the person themselves or not of the team
	 */
	@Transactional
	public void change(String username, Long version, Change change, String actor) {
		Map<String, UserAccount> team = this.people.accounts(this.people.holding(TEAM_ROLES.toArray(Role[]::new)));
		UserAccount person = team.get(username);
		if (person == null) {
			throw new BusinessRuleViolation("emergency.notTeam");
		}
		if (change.standIn() != null) {
			if (change.standIn().equals(username)) {
				throw BusinessRuleViolation.onField("standIn", "emergency.standIn.self");
			}
			if (!team.containsKey(change.standIn())) {
				throw BusinessRuleViolation.onField("standIn", "emergency.standIn.notTeam");
			}
		}
		EmergencyContact row = this.contacts.findById(username).orElse(null);
		if ((row == null) ? version != null : (version == null || row.version() != version)) {
			throw new ObjectOptimisticLockingFailureException(EmergencyContact.class, username);
		}
		if (row == null) {
			row = new EmergencyContact(username);
		}
		row.change(change, actor, this.clock.instant());
		this.contacts.save(row);
		this.audit.record(actor, AuditAction.EMERGENCY_CONTACTS_CHANGED, person.getDisplayName(), describe(change, team));
	}

	/** Someone checked the whole list against reality: 「確認しました」. */
	@Transactional
	public void verify(long version, String actor) {
		ContactList list = list();
		if (list.version() != version) {
			throw new ObjectOptimisticLockingFailureException(ContactList.class, ContactList.ONLY);
		}
		list.verified(actor, this.clock.instant());
		this.lists.save(list);
		this.audit.record(actor, AuditAction.EMERGENCY_CONTACTS_VERIFIED, this.people.name(actor), null);
	}

	private ContactList list() {
		return this.lists.findById(ContactList.ONLY).orElseThrow();
	}

	private static String describe(Change change, Map<String, UserAccount> team) {
		List<String> parts = new ArrayList<>();
		parts.add("#" + change.position());
		Optional.ofNullable(change.responseRole()).ifPresent(parts::add);
		Optional.ofNullable(change.reachable()).ifPresent(parts::add);
		Optional.ofNullable(change.standIn()).map(team::get).map(UserAccount::getDisplayName).map(name -> "→ " + name)
			.ifPresent(parts::add);
		return String.join(" / ", parts);
	}

	private static Role firstTeamRole(Set<Role> roles) {
		return TEAM_ROLES.stream().filter(roles::contains).findFirst().orElse(Role.RESPONDER);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * What is changed about one person: their place in the order of calls (1 is called first),
	 * their part in the response, when they can be reached, and who stands in for them (a login
	 * name of the team, or {@code null}).
	 */
	public record Change(int position, String responseRole, String reachable, String standIn) {
	}

	/**
	 * One person of the team as the page shows them.
	 * @param username for the stand-in choice only; never shown
	 * @param role the response role they hold that comes first (security lead, executive, responder)
	 * @param position their place in the order of calls, {@code null} when none was set
	 * @param version the version of their entry, {@code null} when they have none yet
	 */
	public record Member(long accountId, String username, String name, String department, String phone, Role role,
			Integer position, String responseRole, String reachable, String standIn, String standInName,
			String standInPhone, Long version) {

		public String phoneLink() {
			return PhoneNumbers.telLink(this.phone);
		}

		public String standInPhoneLink() {
			return PhoneNumbers.telLink(this.standInPhone);
		}

		/** The stand-in choice lists the team as {@code username}, {@code displayName}, {@code department}. */
		public String getUsername() {
			return this.username;
		}

		public String getDisplayName() {
			return this.name;
		}

		public String getDepartment() {
			return this.department;
		}

	}

	/** Who last verified the list and when, as a day in the company's time zone and its age in months. */
	public record Verification(Instant at, String by, long version, ZoneId zone, Clock clock) {

		public boolean ever() {
			return this.at != null;
		}

		/** The day it was verified, in the company's time zone. */
		public LocalDate day() {
			return (this.at == null) ? null : this.at.atZone(this.zone).toLocalDate();
		}

		/** Whole months since then (0 in the first month). */
		public int monthsAgo() {
			return (this.at == null) ? 0
					: Math.max(0, (int) Period.between(day(), LocalDate.now(this.clock.withZone(this.zone))).toTotalMonths());
		}

		/** Verified within {@link EmergencyContacts#FRESH_FOR}. */
		public boolean fresh() {
			return this.at != null && !day().plus(FRESH_FOR).isBefore(LocalDate.now(this.clock.withZone(this.zone)));
		}

	}

}
