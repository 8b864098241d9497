package jp.hikeshi.incident;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The points to work through: the initial response every incident needs (初動対応), the points
 * every response needs whatever its kind, and the points per kind of incident of DOMAIN.md §5
 * (事象ごとの対応のポイント). Their wording is in the message bundles under
 * {@code ChecklistPoint.<name>}. Incidents keep copies of the points (name and group) they
 * were given, so a point is never renamed or removed: its label must still read.
 */
public enum ChecklistPoint {

	// 初動対応 — every incident
	ISOLATE_NETWORK(Group.INITIAL),
	ISOLATE_DATA_AND_DEVICES(Group.INITIAL),
	STOP_SYSTEM_OR_SERVICE(Group.INITIAL),
	PRESERVE_RECORDS(Group.INITIAL),

	// every kind: personal data, card data or マイナンバー may be affected whatever happened (§4)
	ASSESS_AFFECTED_DATA(Group.EVERY_KIND),

	// ウイルス感染・ランサムウェア感染
	DISCONNECT_INFECTED_DEVICE(Group.MALWARE),
	ISOLATE_BACKUPS(Group.MALWARE),
	CHECK_BACKUPS(Group.MALWARE),
	PHOTOGRAPH_RANSOM_NOTE(Group.MALWARE),
	DO_NOT_PAY_OR_CONTACT_ATTACKER(Group.MALWARE),
	KEEP_VPN_AND_FIREWALL_POWERED(Group.MALWARE),
	FIND_INTRUSION_ROUTE(Group.MALWARE),
	REPORT_TO_IPA(Group.MALWARE),
	POLICE_IF_EXTORTION(Group.MALWARE),

	// Emotet・なりすましメール
	WARN_BUSINESS_PARTNERS(Group.SPOOFED_MAIL),
	CHANGE_MAIL_PASSWORDS(Group.SPOOFED_MAIL),

	// 不正アクセス・改ざん
	CLOSE_INTRUSION_ROUTE(Group.INTRUSION),
	REPORT_INTRUSION_TO_IPA(Group.INTRUSION),
	POLICE_FOR_INTRUSION(Group.INTRUSION),

	// ウェブサイト改ざん
	TAKE_SITE_OFFLINE(Group.DEFACEMENT),
	CHECK_INPUT_FORMS(Group.DEFACEMENT),
	CONTACT_CARD_COMPANY(Group.DEFACEMENT),

	// 情報漏えい
	IDENTIFY_LEAKED_DATA(Group.LEAK),
	ASSESS_PERSONAL_DATA_DUTY(Group.LEAK),
	// the insider's accounts and logs first: questioning someone warns them
	SUSPEND_ACCOUNTS_AND_PRESERVE_LOGS(Group.LEAK_INSIDER),
	POLICE_FOR_CRIMINAL_LEAK(Group.LEAK_CRIMINAL),

	// 紛失・盗難
	WIPE_OR_LOCK_DEVICE(Group.LEAK_LOSS),
	CHECK_DEVICE_ENCRYPTED(Group.LEAK_LOSS),
	REPORT_LOSS_TO_POLICE(Group.LOSS),
	REPORT_THEFT_TO_POLICE(Group.THEFT),

	// 誤送信・誤公開
	ASK_RECIPIENT_TO_DELETE(Group.LEAK_MISSENT),
	CONFIRM_DELETED_UNREAD(Group.LEAK_MISSENT),
	REMOVE_PUBLISHED_DATA(Group.LEAK_MISSENT),
	ASK_PLATFORM_TO_REMOVE_POST(Group.LEAK_POSTING),

	// システム停止
	TREAT_AS_POSSIBLE_ATTACK(Group.OUTAGE),
	SWITCH_TO_CONTINUITY_PLAN(Group.OUTAGE),
	PRESERVE_EQUIPMENT_LOGS(Group.OUTAGE),
	CONTACT_ISP_OR_HOSTING(Group.OUTAGE),

	// 不正送金・ビジネスメール詐欺
	ASK_BANK_TO_RECALL_TRANSFER(Group.FRAUD),
	REPORT_FRAUD_TO_POLICE(Group.FRAUD);

	private final Group group;

	ChecklistPoint(Group group) {
		this.group = group;
	}

	public Group group() {
		return this.group;
	}

	/** The initial-response points, which gate leaving containment. */
	public static List<ChecklistPoint> initialResponse() {
		return of(EnumSet.of(Group.INITIAL));
	}

	/**
	 * The points for an incident of these kinds, beyond the initial response: the points every
	 * kind needs, then each kind's, without duplicates, in the order of this enum.
	 * @param categories the incident's categories (empty before escalation: no points)
	 * @param leakKind how information leaked; read only when {@code INFORMATION_LEAK} is among them
	 */
	public static List<ChecklistPoint> forKinds(Set<Category> categories, LeakKind leakKind) {
		Set<Group> groups = EnumSet.noneOf(Group.class);
		if (categories.isEmpty()) {
			return List.of();
		}
		groups.add(Group.EVERY_KIND);
		for (Category category : categories) {
			groups.addAll(groupsFor(category, leakKind));
		}
		return of(groups);
	}

	private static Set<Group> groupsFor(Category category, LeakKind leakKind) {
		return switch (category) {
			case VIRUS_RANSOMWARE -> EnumSet.of(Group.MALWARE, Group.SPOOFED_MAIL);
			case UNAUTHORISED_ACCESS -> EnumSet.of(Group.INTRUSION);
			case WEBSITE_DEFACEMENT -> EnumSet.of(Group.INTRUSION, Group.DEFACEMENT);
			case SYSTEM_OUTAGE -> EnumSet.of(Group.OUTAGE);
			case LOST_DEVICE -> EnumSet.of(Group.LEAK_LOSS, Group.LOSS);
			case STOLEN_DEVICE -> EnumSet.of(Group.LEAK_LOSS, Group.THEFT);
			case MISSENT_EMAIL -> EnumSet.of(Group.LEAK_MISSENT);
			case FRAUDULENT_TRANSFER -> EnumSet.of(Group.FRAUD);
			case INFORMATION_LEAK -> {
				Set<Group> leak = EnumSet.of(Group.LEAK);
				if (leakKind != null) {
					leak.addAll(switch (leakKind) {
						case INSIDER -> EnumSet.of(Group.LEAK_INSIDER, Group.LEAK_CRIMINAL);
						case UNAUTHORISED_ACCESS, MALWARE -> EnumSet.of(Group.LEAK_CRIMINAL);
						case LOSS -> EnumSet.of(Group.LEAK_LOSS, Group.LOSS);
						case THEFT -> EnumSet.of(Group.LEAK_LOSS, Group.THEFT);
						case MISSENT_OR_MISPUBLISHED -> EnumSet.of(Group.LEAK_MISSENT);
						case RUMOUR_OR_POSTING -> EnumSet.of(Group.LEAK_POSTING);
					});
				}
				yield leak;
			}
			case OTHER -> EnumSet.noneOf(Group.class);
		};
	}

	private static List<ChecklistPoint> of(Set<Group> groups) {
		return Arrays.stream(values()).filter(point -> groups.contains(point.group)).toList();
	}

	/**
	 * Which group a point belongs to; {@link #INITIAL} is the initial response. Checklist items
	 * keep the group they were given, so a group is never removed either.
	 */
	public enum Group {

		INITIAL,
		/** Every incident, whatever its kind; not part of the initial response. */
		EVERY_KIND,
		MALWARE, SPOOFED_MAIL, INTRUSION, DEFACEMENT, LEAK, LEAK_CRIMINAL, LEAK_INSIDER,
		/** Lost or stolen devices alike (older items: every point of a lost or stolen device). */
		LEAK_LOSS,
		/** 紛失. */
		LOSS,
		/** 盗難. */
		THEFT,
		LEAK_MISSENT, LEAK_POSTING, OUTAGE,
		/** 不正送金・ビジネスメール詐欺. */
		FRAUD,
		/** The company's own points, from its playbook. */
		COMPANY;

		/** Whether this group is the initial response rather than the points for the kind of incident. */
		public boolean isInitial() {
			return this == INITIAL;
		}

	}

}
