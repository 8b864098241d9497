package jp.hikeshi.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The points to work through: the initial response every incident needs (初動対応), and the
 * points per kind of incident of DOMAIN.md §5 (事象ごとの対応のポイント). Their wording is in
 * the message bundles under {@code ChecklistPoint.<name>}.
 */
public enum ChecklistPoint {

	// 初動対応 — every incident
	ISOLATE_NETWORK(Group.INITIAL),
	ISOLATE_DATA_AND_DEVICES(Group.INITIAL),
	STOP_SYSTEM_OR_SERVICE(Group.INITIAL),
	PRESERVE_RECORDS(Group.INITIAL),

	// ウイルス感染・ランサムウェア感染
	DISCONNECT_INFECTED_DEVICE(Group.MALWARE),
	CHECK_BACKUPS(Group.MALWARE),
	REPORT_TO_IPA(Group.MALWARE),
	POLICE_IF_EXTORTION(Group.MALWARE),

	// 不正アクセス・改ざん
	CLOSE_INTRUSION_ROUTE(Group.INTRUSION),
	REPORT_INTRUSION_TO_IPA(Group.INTRUSION),
	POLICE_FOR_INTRUSION(Group.INTRUSION),

	// 情報漏えい
	IDENTIFY_LEAKED_DATA(Group.LEAK),
	ASSESS_PERSONAL_DATA_DUTY(Group.LEAK),
	POLICE_FOR_CRIMINAL_LEAK(Group.LEAK_CRIMINAL),
	REPORT_LOSS_TO_POLICE(Group.LEAK_LOSS),
	WIPE_OR_LOCK_DEVICE(Group.LEAK_LOSS),
	ASK_RECIPIENT_TO_DELETE(Group.LEAK_MISSENT),
	REMOVE_PUBLISHED_DATA(Group.LEAK_MISSENT),
	ASK_PLATFORM_TO_REMOVE_POST(Group.LEAK_POSTING),

	// システム停止
	TREAT_AS_POSSIBLE_ATTACK(Group.OUTAGE),
	SWITCH_TO_CONTINUITY_PLAN(Group.OUTAGE),
	PRESERVE_EQUIPMENT_LOGS(Group.OUTAGE);

	private final Group group;

	ChecklistPoint(Group group) {
		this.group = group;
	}

	public Group group() {
		return this.group;
	}

	/** The initial-response points, which gate leaving containment. */
	public static List<ChecklistPoint> initialResponse() {
		return of(Group.INITIAL);
	}

	/** The points for an incident of this kind, beyond the initial response. */
	public static List<ChecklistPoint> forKind(Category category, LeakKind leakKind) {
		List<ChecklistPoint> points = new ArrayList<>();
		if (category == null) {
			return points;
		}
		switch (category) {
			case VIRUS_RANSOMWARE -> points.addAll(of(Group.MALWARE));
			case UNAUTHORISED_ACCESS, WEBSITE_DEFACEMENT -> points.addAll(of(Group.INTRUSION));
			case SYSTEM_OUTAGE -> points.addAll(of(Group.OUTAGE));
			case LOST_OR_STOLEN_DEVICE -> points.addAll(of(Group.LEAK_LOSS));
			case MISSENT_EMAIL -> points.addAll(of(Group.LEAK_MISSENT));
			case INFORMATION_LEAK -> {
				points.addAll(of(Group.LEAK));
				if (leakKind != null) {
					switch (leakKind) {
						case INSIDER, UNAUTHORISED_ACCESS, MALWARE -> points.addAll(of(Group.LEAK_CRIMINAL));
						case LOSS_OR_THEFT -> points.addAll(of(Group.LEAK_LOSS));
						case MISSENT_OR_MISPUBLISHED -> points.addAll(of(Group.LEAK_MISSENT));
						case RUMOUR_OR_POSTING -> points.addAll(of(Group.LEAK_POSTING));
					}
				}
			}
			case OTHER -> {
			}
		}
		return points;
	}

	private static List<ChecklistPoint> of(Group group) {
		return Arrays.stream(values()).filter(point -> point.group == group).toList();
	}

	/** Which group a point belongs to; {@link #INITIAL} is the initial response. */
	public enum Group {

		INITIAL, MALWARE, INTRUSION, LEAK, LEAK_CRIMINAL, LEAK_LOSS, LEAK_MISSENT, LEAK_POSTING, OUTAGE,
		/** The company's own points, from its playbook. */
		COMPANY;

		/** Whether this group is the initial response rather than the points for the kind of incident. */
		public boolean isInitial() {
			return this == INITIAL;
		}

	}

}
