package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.organisation.Organisation;
import jp.hikeshi.prevention.PreventionPlan;

/**
 * The texts to file, prepared from what the incident already holds. They are in Japanese
 * because they go to Japanese authorities and the people affected; a fact the incident lacks
 * is marked 【要記入：…】 so that the gap is impossible to miss. Hikeshi files nothing itself.
 */
public final class FilingTexts {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final Incident incident;

	private final ReportingCase reportingCase;

	private final Organisation organisation;

	private final ZoneId zone;

	private final PreventionPlan plan;

	public FilingTexts(Incident incident, ReportingCase reportingCase, Organisation organisation, ZoneId zone,
			PreventionPlan plan) {
		this.incident = incident;
		this.reportingCase = reportingCase;
		this.organisation = organisation;
		this.zone = zone;
		this.plan = plan;
	}

	/** The kinds of text Hikeshi prepares. */
	public enum Kind {

		PPC, IPA, NOTICE, ANNOUNCEMENT_FIRST, ANNOUNCEMENT_FOLLOW_UP, ANNOUNCEMENT_FINAL

	}

	public String text(Kind kind) {
		return switch (kind) {
			case PPC -> ppc();
			case IPA -> ipa();
			case NOTICE -> notice();
			case ANNOUNCEMENT_FIRST -> firstAnnouncement();
			case ANNOUNCEMENT_FOLLOW_UP -> followUpAnnouncement();
			case ANNOUNCEMENT_FINAL -> finalAnnouncement();
		};
	}

	/** 個人情報保護委員会への報告事項（個人情報保護法施行規則第8条）. */
	String ppc() {
		RequiredItems record = this.incident.getRecord();
		return section("1. 概要", String.join("\n",
				"件名：" + this.incident.getTitle(),
				"発覚日時：" + dateTime(this.incident.getDiscoveredAt()),
				"発生日時：" + orGap(dateTime(this.incident.getOccurredAt()), "発生日時"),
				"発生事象：" + orGap(record.getEventsAndDamage(), "発生事象")))
				+ section("2. 漏えい等が発生し、又は発生したおそれがある個人データの項目",
						orGap(dataItems(), "個人データの項目"))
				+ section("3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数",
						orGap(people(), "本人の数"))
				+ section("4. 原因", orGap(firstText(this.plan.rootCauseNote(), record.getAssumedCause()), "原因"))
				+ section("5. 二次被害又はそのおそれの有無及びその内容",
						orGap(this.reportingCase.getSecondaryDamage(), "二次被害の有無と内容"))
				+ section("6. 本人への対応の実施状況", dutyStatus(DutyType.PERSON_NOTICE, "本人への通知"))
				+ section("7. 公表の実施状況", disclosure())
				+ section("8. 再発防止のための措置", orGap(measures(), "再発防止のための措置"))
				+ section("9. その他参考となる事項", others());
	}

	/** IPA コンピュータ不正アクセス・ウイルスの届出. */
	String ipa() {
		RequiredItems record = this.incident.getRecord();
		return section("届出者", this.organisation.getName() + "\n連絡先：" + orGap(record.getContact(), "連絡先"))
				+ section("発見日", date(this.incident.getDiscoveredAt()))
				+ section("被害を受けた機器", orGap(firstText(record.getAffectedSystemsStatus(), this.incident.getAffectedSystem()),
						"被害を受けた機器（PC、スマートフォン、サーバー、ネットワーク機器、NAS、クラウドアカウント等）"))
				+ section("稼働環境（オンプレミス、IaaS、SaaS、ホスティング等）・構成",
						orGap(record.getSystemConfiguration(), "稼働環境とネットワーク構成"))
				+ section("発見の経緯", this.incident.getDescription())
				+ section("侵入経路・感染経路", orGap(record.getAssumedCause(), "侵入経路"))
				+ section("被害内容", orGap(record.getEventsAndDamage(), "被害内容"));
	}

	/** 本人への通知の文案. */
	String notice() {
		return String.join("\n",
				"お客様各位",
				"",
				this.organisation.getName(),
				"",
				"個人情報の漏えい等に関するお詫びとお知らせ",
				"",
				"このたび、当社において、お客様の個人情報が漏えいした、又は漏えいしたおそれがあることが判明いたしました。"
						+ "お客様に多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。",
				"",
				"1. 経緯",
				dateTime(this.incident.getDiscoveredAt()) + "、" + orGap(this.incident.getRecord().getEventsAndDamage(), "発生事象"),
				"",
				"2. 対象となる情報",
				orGap(dataItems(), "個人データの項目"),
				"",
				"3. 二次被害又はそのおそれ",
				orGap(this.reportingCase.getSecondaryDamage(), "二次被害の有無と内容"),
				"",
				"4. お客様へのお願い",
				"不審な電話、メール、郵便物等にご注意ください。当社からパスワード等をお尋ねすることはありません。",
				"",
				"5. お問い合わせ窓口",
				orGap(this.reportingCase.getInquiryDeskContact(), "問い合わせ窓口の連絡先"),
				"",
				"今後、再発防止に全力で取り組んでまいります。");
	}

	String firstAnnouncement() {
		return announcement("【第一報】", String.join("\n",
				"1. 発生の事実",
				dateTime(this.incident.getDiscoveredAt()) + "、当社において" + this.incident.getTitle() + "が判明いたしました。",
				"",
				"2. 現時点で判明している事実",
				orGap(this.incident.getRecord().getEventsAndDamage(), "判明している事実"),
				"",
				"3. 当社の対応",
				"外部からのアクセスの遮断等の初動対応を行い、調査を進めております。",
				"",
				"4. 今後の対応",
				"調査の結果、新たな事実が判明した場合は、速やかにお知らせいたします。"));
	}

	String followUpAnnouncement() {
		return announcement("【第二報】", String.join("\n",
				"1. これまでに判明した事実",
				orGap(this.incident.getRecord().getEventsAndDamage(), "判明した事実"),
				"",
				"2. 想定される原因",
				orGap(this.incident.getRecord().getAssumedCause(), "想定される原因"),
				"",
				"3. 対応の状況",
				orGap(this.incident.getRecord().getAffectedSystemsStatus(), "対応の状況")));
	}

	String finalAnnouncement() {
		return announcement("【最終報】", String.join("\n",
				"1. 概要",
				orGap(this.incident.getRecord().getEventsAndDamage(), "発生事象"),
				"",
				"2. 原因",
				orGap(firstText(this.plan.rootCauseNote(), this.incident.getRecord().getAssumedCause()), "原因"),
				"",
				"3. 再発防止策",
				orGap(measures(), "再発防止策")));
	}

	/** Each data set a line: its name, items and medium. */
	private String dataItems() {
		return this.reportingCase.getDataSets()
			.stream()
			.map(set -> "・" + set.getDescription() + (set.getItems() == null ? "" : "：" + set.getItems().replace('\n', ' '))
					+ (set.getMedium() == null ? "" : "（" + set.getMedium() + "）"))
			.collect(Collectors.joining("\n"));
	}

	/** The people per data set: confirmed and the maximum possible. */
	private String people() {
		return this.reportingCase.getDataSets()
			.stream()
			.map(set -> "・" + set.getDescription() + "："
					+ (set.peopleAtMost() == null ? gap("本人の数")
							: (set.getConfirmedCount() == null ? "" : "確定 " + set.getConfirmedCount() + "人、") + "最大 "
									+ set.peopleAtMost() + "人"))
			.collect(Collectors.joining("\n"));
	}

	/** The prevention measures, done and planned (規則8条1項8号), one a line. */
	private String measures() {
		return this.plan.measures()
			.stream()
			.map(measure -> "・" + measure.description().replace('\n', ' ') + "（" + (measure.isDone()
					? DATE.format(measure.doneOn()) + " 実施済み" : DATE.format(measure.dueOn()) + "までに実施予定") + "）")
			.collect(Collectors.joining("\n"));
	}

	private String announcement(String heading, String body) {
		String desk = this.reportingCase.getInquiryDeskContact();
		return String.join("\n", heading + this.incident.getTitle() + "について", "", this.organisation.getName(), "",
				"このたびは、お客様ならびに関係者の皆様に多大なるご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。", "",
				body, "", "お問い合わせ窓口：" + orGap(desk, "問い合わせ窓口"));
	}

	private String dutyStatus(DutyType type, String what) {
		return this.reportingCase.applicableDuties()
			.stream()
			.filter(duty -> duty.getType() == type)
			.findFirst()
			.map(duty -> switch (duty.getState()) {
				case FILED -> what + "：" + DATE.format(duty.getFiledOn()) + " 実施済み";
				case WAIVED -> what + "：実施しない（理由：" + duty.getWaiverReason() + "）";
				default -> what + "：" + gap(what + "の実施状況");
			})
			.orElse(what + "：対象外");
	}

	private String disclosure() {
		List<String> published = this.reportingCase.getAnnouncements()
			.stream()
			.filter(a -> a.getPublishedOn() != null)
			.map(a -> DATE.format(a.getPublishedOn()) + " 公表（" + kindName(a.getKind()) + "）")
			.toList();
		return published.isEmpty() ? gap("公表の実施状況（未公表の場合はその旨と予定）") : String.join("\n", published);
	}

	private String others() {
		String desk = (this.reportingCase.getInquiryDeskOpenedOn() == null) ? "問い合わせ窓口：未開設"
				: "問い合わせ窓口：" + DATE.format(this.reportingCase.getInquiryDeskOpenedOn()) + " 開設（"
						+ this.reportingCase.getInquiryDeskContact() + "）、問い合わせ件数 " + this.reportingCase.getInquiryCount() + "件";
		String filings = this.reportingCase.applicableDuties()
			.stream()
			.filter(duty -> duty.getState() == Duty.State.FILED && (duty.getType() == DutyType.POLICE
					|| duty.getType() == DutyType.IPA))
			.map(duty -> (duty.getType() == DutyType.POLICE ? "警察" : "IPA") + "へ " + DATE.format(duty.getFiledOn())
					+ " 届出済み")
			.collect(Collectors.joining("\n"));
		return filings.isEmpty() ? desk : desk + "\n" + filings;
	}

	private static String kindName(Announcement.Kind kind) {
		return switch (kind) {
			case FIRST -> "第一報";
			case FOLLOW_UP -> "第二報";
			case FINAL -> "最終報";
		};
	}

	private static String section(String heading, String body) {
		return "■ " + heading + "\n" + body + "\n\n";
	}

	private static String orGap(String value, String what) {
		return (value == null || value.isBlank()) ? gap(what) : value;
	}

	static String gap(String what) {
		return "【要記入：" + what + "】";
	}

	private static String firstText(String first, String second) {
		return (first != null && !first.isBlank()) ? first : second;
	}

	private String dateTime(Instant instant) {
		return (instant == null) ? null : DATE_TIME.format(instant.atZone(this.zone));
	}

	private String date(Instant instant) {
		return DATE.format(instant.atZone(this.zone));
	}

}
