package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.ChecklistPoint;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.organisation.Organisation;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionPlan;

/**
 * The texts to file, prepared from what the incident already holds (DOMAIN.md §4). They are in
 * Japanese because they go to Japanese authorities, clients and the people affected; a fact the
 * incident lacks is marked 【要記入：…】 so that the gap is impossible to miss. They hold no
 * internal code: no enum name, no login name (people by their display name), no ISO date.
 * Hikeshi files nothing itself.
 */
public final class FilingTexts {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final String GAP_MARK = "【要記入：";

	/** The grounds of 規則7条, by the reason codes {@link Situation} gives them. */
	private static final Map<String, String> PPC_GROUNDS = Map.of(
			"duty.reason.sensitive", "第1号：要配慮個人情報が含まれる個人データの漏えい等",
			"duty.reason.financial", "第2号：不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等",
			"duty.reason.improperPurpose", "第3号：不正の目的をもって行われたおそれがある個人データの漏えい等",
			"duty.reason.overThousand", "第4号：個人データに係る本人の数が1,000人を超える漏えい等");

	private static final List<String> GROUND_ORDER = List.of("duty.reason.sensitive", "duty.reason.financial",
			"duty.reason.improperPurpose", "duty.reason.overThousand");

	/**
	 * What a checklist point done tells the public, in the words of an announcement. Points that
	 * are internal (photographing the ransom note, not paying) say nothing to the public.
	 */
	private static final Map<ChecklistPoint, String> DONE_IN_PUBLIC_WORDS = publicWords();

	/** The points that are measures for the people affected (規則8条1項6号). */
	private static final List<ChecklistPoint> FOR_THE_PEOPLE = List.of(ChecklistPoint.ASK_RECIPIENT_TO_DELETE,
			ChecklistPoint.CONFIRM_DELETED_UNREAD, ChecklistPoint.REMOVE_PUBLISHED_DATA,
			ChecklistPoint.ASK_PLATFORM_TO_REMOVE_POST, ChecklistPoint.CONTACT_CARD_COMPANY,
			ChecklistPoint.WARN_BUSINESS_PARTNERS);

	private final Incident incident;

	private final ReportingCase reportingCase;

	private final Organisation organisation;

	private final PreventionPlan plan;

	private final ZoneId zone;

	private final LocalDate today;

	private final Function<String, String> names;

	/**
	 * @param zone the company's time zone, in which dates and times are shown
	 * @param today the day the texts are dated (in the company's zone)
	 * @param names a person's display name by login name: texts never show a login name
	 */
	public FilingTexts(Incident incident, ReportingCase reportingCase, Organisation organisation, PreventionPlan plan,
			ZoneId zone, LocalDate today, Function<String, String> names) {
		this.incident = incident;
		this.reportingCase = reportingCase;
		this.organisation = organisation;
		this.plan = plan;
		this.zone = zone;
		this.today = today;
		this.names = names;
	}

	/** The kinds of text Hikeshi prepares. */
	public enum Kind {

		PPC_PRELIMINARY, PPC_FINAL, IPA_ACCESS, IPA_VIRUS, NOTICE, CLIENT_NOTICE, ANNOUNCEMENT_FIRST,
		ANNOUNCEMENT_FOLLOW_UP, ANNOUNCEMENT_FINAL;

		/** Whether the text is a letter to the people affected, addressed to a chosen addressee. */
		public boolean addressed() {
			return this == NOTICE;
		}

	}

	/** Whom the notice to the people is addressed to (labels: {@code Addressee.<NAME>}). */
	public enum Addressee {

		CUSTOMERS("お客様各位"), MEMBERS("会員の皆様"), EMPLOYEES("従業員各位"), CONCERNED("関係者各位");

		private final String salutation;

		Addressee(String salutation) {
			this.salutation = salutation;
		}

		/** The line that opens the letter. */
		public String salutation() {
			return this.salutation;
		}

		/**
		 * Follows whose data it is: the employees' only → 従業員各位; the customers' only (or
		 * nothing recorded yet) → お客様各位; else → 関係者各位.
		 */
		public static Addressee defaultFor(List<DataSet> dataSets) {
			if (!dataSets.isEmpty() && dataSets.stream().allMatch(set -> set.getWhose() == DataSet.Owner.EMPLOYEES)) {
				return EMPLOYEES;
			}
			if (dataSets.stream().allMatch(set -> set.getWhose() == DataSet.Owner.CUSTOMERS)) {
				return CUSTOMERS;
			}
			return CONCERNED;
		}

	}

	public String text(Kind kind) {
		return text(kind, null);
	}

	/** @param addressee for the notice to the people; {@code null}: the default for the data sets */
	public String text(Kind kind, Addressee addressee) {
		return switch (kind) {
			case PPC_PRELIMINARY -> ppc(false);
			case PPC_FINAL -> ppc(true);
			case IPA_ACCESS -> ipaAccess();
			case IPA_VIRUS -> ipaVirus();
			case NOTICE -> notice((addressee != null) ? addressee : Addressee.defaultFor(dataSets(set -> true)));
			case CLIENT_NOTICE -> clientNotice();
			case ANNOUNCEMENT_FIRST -> firstAnnouncement();
			case ANNOUNCEMENT_FOLLOW_UP -> followUpAnnouncement();
			case ANNOUNCEMENT_FINAL -> finalAnnouncement();
		};
	}

	// --- 個人情報保護委員会への報告 ---

	/**
	 * 個人情報保護委員会への報告（施行規則第8条第1項の9項目）: a 速報 that has no gap left may
	 * serve as the 確報 too; a 確報 once filed is followed by supplementary reports (追完).
	 */
	String ppc(boolean finalReport) {
		String items = ppcItems(this::reportable, true);
		String type;
		if (finalReport) {
			type = dutyFiled(DutyType.PPC_FINAL) ? "確報（追完）" : "確報";
		}
		else {
			type = items.contains(GAP_MARK) ? "速報" : "速報（すべての項目を記載しているため、確報を兼ねます）";
		}
		// the financial sector reports to 金融庁, to which the PPC delegated its powers (法150条1項)
		String to = (this.organisation.getIndustry() == jp.hikeshi.organisation.Industry.FINANCE_INSURANCE)
				? "金融庁（財務局）への報告（個人情報保護法第26条第1項・第150条第1項・施行規則第8条）"
				: "個人情報保護委員会への報告（個人情報保護法第26条第1項・施行規則第8条）";
		return String.join("\n", to, "報告の種類：" + type,
				"報告者：" + this.organisation.getName(), "作成日：" + DATE.format(this.today), "", "") + items;
	}

	/** The nine items of 規則8条1項, about the data sets chosen. */
	private String ppcItems(Predicate<DataSet> which, boolean toThePpc) {
		List<DataSet> sets = dataSets(which);
		return section("1. 概要", summary(sets, toThePpc))
				+ section("2. 漏えい等が発生し、又は発生したおそれがある個人データの項目", dataItems(sets) + excluded(toThePpc))
				+ section("3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数", people(sets))
				+ section("4. 原因", cause() + "\n原因を生じさせた者：" + causedBy())
				+ section("5. 二次被害又はそのおそれの有無及びその内容",
						orGap(this.reportingCase.getSecondaryDamage(), "二次被害又はそのおそれの有無と内容"))
				+ section("6. 本人への対応の実施状況", measuresForThePeople())
				+ section("7. 公表の実施状況", disclosure())
				+ section("8. 再発防止のための措置", prevention())
				+ section("9. その他参考となる事項", others());
	}

	private String summary(List<DataSet> sets, boolean toThePpc) {
		RequiredItems record = this.incident.getRecord();
		List<String> lines = new ArrayList<>();
		lines.add("発生日時：" + orGap(dateTime(this.incident.getOccurredAt()), "発生日時（不明な場合はその旨）"));
		lines.add("発覚日時：" + dateTime(this.incident.getDiscoveredAt()));
		lines.add("発生事案：" + orGap(record.getEventsAndDamage(), "発生事案の内容"));
		lines.add("発見者・発見の経緯：" + discoverer());
		if (toThePpc) {
			lines.add("該当する事態（施行規則第7条）：" + grounds());
		}
		lines.add("委託元・委託先の関与：" + clientsAndContractors(sets));
		lines.add("事案の経過：\n" + course());
		return String.join("\n", lines);
	}

	/** Who found it: someone outside who told the company, or the person who reported it inside. */
	private String discoverer() {
		String outside = this.incident.getOutsideReporterName();
		if (outside != null && !outside.isBlank()) {
			return "社外（" + outside.strip() + "）からの連絡により発覚";
		}
		String reporter = this.names.apply(this.incident.getReportedBy());
		return (reporter == null || reporter.isBlank()) ? gap("発見者と発見の経緯") : "社内の " + reporter + " が発見し報告";
	}

	/** The grounds of 規則7条 Hikeshi worked out, おそれ or 発生 as the facts say. */
	private String grounds() {
		Optional<Duty> ppc = duty(DutyType.PPC_PRELIMINARY).or(() -> duty(DutyType.PPC_FINAL));
		List<String> reasons = ppc.map(Duty::getReasons).orElse(List.of());
		List<String> grounds = GROUND_ORDER.stream().filter(reasons::contains).map(PPC_GROUNDS::get).toList();
		if (grounds.isEmpty()) {
			return gap("該当する施行規則第7条の事態（報告の要否を判断中）");
		}
		String happened = (this.reportingCase.getFacts().leak() == LeakStatus.FEARED) ? "が発生したおそれがある事態"
				: "が発生した事態";
		return grounds.stream().map(ground -> "\n・" + ground + happened).collect(Collectors.joining());
	}

	private String clientsAndContractors(List<DataSet> sets) {
		List<String> lines = new ArrayList<>();
		List<String> clients = sets.stream().filter(DataSet::handledForClient).map(DataSet::getDescription).toList();
		if (!clients.isEmpty()) {
			lines.add("委託元から委託を受けて取り扱っている個人データ（" + String.join("、", clients) + "）が含まれます。");
		}
		if (this.reportingCase.getFacts().causedBy() == CausedBy.CONTRACTOR) {
			lines.add("当社の委託先において発生しました。");
		}
		String parties = this.incident.getRecord().getClientAndParties();
		if (parties != null && !parties.isBlank()) {
			lines.add("関係する事業者：" + parties.strip());
		}
		return lines.isEmpty() ? "なし" : String.join("", lines);
	}

	/** The course so far: discovered, contained, recovered, filed, announced. */
	private String course() {
		List<String> lines = new ArrayList<>();
		lines.add("・" + dateTime(this.incident.getDiscoveredAt()) + " 発覚");
		if (this.incident.getContainedAt() != null) {
			lines.add("・" + dateTime(this.incident.getContainedAt()) + " 被害の拡大防止の措置を完了");
		}
		if (this.incident.getRecoveredAt() != null) {
			lines.add("・" + dateTime(this.incident.getRecoveredAt()) + " 復旧");
		}
		duty(DutyType.PPC_PRELIMINARY).filter(d -> d.getState() == Duty.State.FILED)
			.ifPresent(d -> lines.add("・" + DATE.format(d.getFiledOn()) + " 個人情報保護委員会へ速報"));
		return String.join("\n", lines);
	}

	/** Each data set: its name, whose it is, the items and the medium. */
	private String dataItems(List<DataSet> sets) {
		if (sets.isEmpty()) {
			return gap("個人データの項目（データごとに項目・媒体・誰の情報か）");
		}
		return sets.stream().map(set -> {
			String kinds = kindsOf(set);
			return "・" + set.getDescription() + "（" + whose(set.getWhose()) + "）\n　項目："
					+ orGap(oneLine(set.getItems()), set.getDescription() + "の項目") + "\n　媒体・保管場所："
					+ orGap(set.getMedium(), set.getDescription() + "の媒体") + (kinds.isEmpty() ? "" : "\n　" + kinds);
		}).collect(Collectors.joining("\n"));
	}

	private static String kindsOf(DataSet set) {
		List<String> kinds = new ArrayList<>();
		if (set.isSensitive()) {
			kinds.add("要配慮個人情報を含む");
		}
		if (set.isFinancial()) {
			kinds.add("クレジットカード番号・口座の認証情報等を含む");
		}
		if (set.isMyNumber()) {
			kinds.add("マイナンバー（個人番号）を含む");
		}
		if (set.isEncrypted()) {
			kinds.add("暗号化あり" + (set.getEncryptionMethod() == null ? "" : "（" + set.getEncryptionMethod() + "）"));
		}
		return String.join("、", kinds);
	}

	private static String whose(DataSet.Owner owner) {
		return switch (owner) {
			case CUSTOMERS -> "顧客の情報";
			case EMPLOYEES -> "従業員の情報";
			case CLIENT -> "委託元から預かった情報";
			case OTHER -> "その他の者の情報";
		};
	}

	/** The people per data set and in total: 「最大○人（確定○人）」. */
	private String people(List<DataSet> sets) {
		if (sets.isEmpty()) {
			return gap("本人の数");
		}
		List<String> lines = new ArrayList<>(sets.stream()
			.map(set -> "・" + set.getDescription() + "：" + count(set.getConfirmedCount(), set.getMaximumCount(),
					set.getDescription() + "の本人の数"))
			.toList());
		if (sets.size() > 1) {
			boolean allKnown = sets.stream().allMatch(set -> set.peopleAtMost() != null);
			Integer confirmed = sets.stream().allMatch(set -> set.getConfirmedCount() != null)
					? sets.stream().mapToInt(DataSet::getConfirmedCount).sum() : null;
			Integer maximum = allKnown ? sets.stream().mapToInt(DataSet::peopleAtMost).sum() : null;
			lines.add("合計：" + count(confirmed, maximum, "本人の数の合計"));
		}
		return String.join("\n", lines);
	}

	private static String count(Integer confirmed, Integer maximum, String what) {
		if (maximum == null && confirmed == null) {
			return gap(what);
		}
		if (maximum == null || maximum.equals(confirmed)) {
			return number(confirmed) + "人（確定）";
		}
		return "最大" + number(maximum) + "人（" + (confirmed == null ? "確定した人数は調査中" : "確定" + number(confirmed) + "人")
				+ "）";
	}

	private String cause() {
		return orGap(firstText(this.reportingCase.getFacts().cause(), this.plan.rootCauseNote(),
				this.incident.getRecord().getAssumedCause()), "原因");
	}

	private String causedBy() {
		return switch (this.reportingCase.getFacts().causedBy()) {
			case COMPANY -> "当社";
			case CONTRACTOR -> "当社の委託先";
			case THIRD_PARTY -> "第三者";
			case UNKNOWN -> gap("原因を生じさせた者（当社・委託先・第三者）");
		};
	}

	/** Every measure for the people: the notice and its alternative, the inquiry desk, announcements, the rest. */
	private String measuresForThePeople() {
		List<String> lines = new ArrayList<>();
		lines.add("本人への通知：" + noticeStatus());
		lines.add("問い合わせ窓口：" + inquiryDesk());
		List<Announcement> published = published();
		lines.add("公表：" + (published.isEmpty() ? "未実施" : DATE.format(published.get(0).getPublishedOn()) + " から実施（7. のとおり）"));
		List<String> other = done(FOR_THE_PEOPLE::contains);
		if (!other.isEmpty()) {
			lines.add("その他の措置：" + String.join("、", other));
		}
		return String.join("\n", lines);
	}

	private String noticeStatus() {
		Optional<Duty> notice = duty(DutyType.PERSON_NOTICE);
		if (notice.isEmpty()) {
			return gap("本人への通知の実施状況");
		}
		Duty duty = notice.get();
		return switch (duty.getState()) {
			case FILED -> DATE.format(duty.getFiledOn()) + " " + switch ((duty.getNoticeOutcome() == null)
					? Duty.NoticeOutcome.ALL_NOTIFIED : duty.getNoticeOutcome()) {
				case ALL_NOTIFIED -> "対象となる本人全員に通知しました。";
				case PARTLY_WITH_ALTERNATIVE -> "連絡先の分かる本人に通知し、通知が困難な本人には代替措置として"
						+ alternative(duty.getAlternativeMeasure()) + "を行いました。";
				case ALTERNATIVE_ONLY -> "本人への通知が困難なため、代替措置として" + alternative(duty.getAlternativeMeasure())
						+ "を行いました。";
			};
			case WAIVED -> "通知しない（理由：" + duty.getWaiverReason() + "）";
			case TO_DO, NOT_YET_DUE -> "未実施（" + gap("通知の予定時期と方法") + "）";
		};
	}

	private static String alternative(Duty.AlternativeMeasure measure) {
		if (measure == null) {
			return gap("代替措置");
		}
		return switch (measure) {
			case ANNOUNCEMENT -> "事案の公表";
			case INQUIRY_DESK -> "本人が自らの情報が対象か確認できる問い合わせ窓口の設置";
		};
	}

	private String inquiryDesk() {
		if (this.reportingCase.getInquiryDeskOpenedOn() == null) {
			return "未開設";
		}
		return DATE.format(this.reportingCase.getInquiryDeskOpenedOn()) + " 開設（"
				+ orGap(this.reportingCase.getInquiryDeskContact(), "窓口の連絡先") + "）、これまでの問い合わせ "
				+ number(this.reportingCase.getInquiryCount()) + "件";
	}

	private String disclosure() {
		List<Announcement> published = published();
		if (!published.isEmpty()) {
			return published.stream()
				.map(a -> DATE.format(a.getPublishedOn()) + " 公表（" + kindName(a.getKind()) + "：" + a.getTitle() + "）")
				.collect(Collectors.joining("\n"));
		}
		return this.reportingCase.getAnnouncements().isEmpty() ? gap("公表の実施状況（未公表の場合はその旨と予定）")
				: "未公表（公表文を準備中）";
	}

	/** 再発防止策: those done, with their dates, apart from those planned. */
	private String prevention() {
		if (this.plan.measures().isEmpty()) {
			return gap("再発防止のための措置");
		}
		return "実施済みの措置：\n" + measures(this.plan.done()) + "\n今後実施する措置：\n" + measures(this.plan.planned());
	}

	private static String measures(List<Measure> measures) {
		if (measures.isEmpty()) {
			return "・なし";
		}
		return measures.stream()
			.map(measure -> "・" + oneLine(measure.description()) + "（" + (measure.isDone()
					? DATE.format(measure.doneOn()) + " 実施済み" : DATE.format(measure.dueOn()) + "までに実施予定") + "）")
			.collect(Collectors.joining("\n"));
	}

	/** Police and IPA with their dates; the 番号法 reports where they apply. */
	private String others() {
		List<String> lines = new ArrayList<>();
		duty(DutyType.POLICE).ifPresent(d -> lines.add("警察への届出・相談：" + filingStatus(d)));
		duty(DutyType.IPA).ifPresent(d -> lines.add("IPAへの届出：" + filingStatus(d)));
		Optional<Duty> myNumber = duty(DutyType.MYNUMBER_PRELIMINARY);
		Optional<Duty> myNumberFinal = duty(DutyType.MYNUMBER_FINAL);
		if (myNumber.isPresent() || myNumberFinal.isPresent()) {
			lines.add("特定個人情報（マイナンバー）を含むため、番号法第29条の4第1項に基づく報告の対象です。速報："
					+ myNumber.map(FilingTexts::filingStatus).orElse("―") + "、確報："
					+ myNumberFinal.map(FilingTexts::filingStatus).orElse("―"));
		}
		duty(DutyType.CLIENT).ifPresent(d -> lines.add("委託元への通知：" + filingStatus(d)));
		return lines.isEmpty() ? "特になし" : String.join("\n", lines);
	}

	private static String filingStatus(Duty duty) {
		return switch (duty.getState()) {
			case FILED -> DATE.format(duty.getFiledOn()) + " 実施済み"
					+ (duty.getFilingReference() == null ? "" : "（受付番号：" + duty.getFilingReference() + "）");
			case WAIVED -> "行わない（理由：" + duty.getWaiverReason() + "）";
			case TO_DO, NOT_YET_DUE -> "未実施";
		};
	}

	// --- IPA ---

	/** IPA コンピュータ不正アクセス届出: the fields of its form (DOMAIN.md §4.3). */
	String ipaAccess() {
		RequiredItems record = this.incident.getRecord();
		return "IPAへの届出（コンピュータ不正アクセス）\n\n" + filer()
				+ section("発見日", date(this.incident.getDiscoveredAt()))
				+ section("被害を受けた機器（PC、スマートフォン、サーバー（種類）、ネットワーク機器、NAS、クラウドアカウント等）",
						orGap(firstText(record.getAffectedSystemsStatus(), this.incident.getAffectedSystem()),
								"被害を受けた機器とその種類"))
				+ section("稼働環境", environment(record.getSystemConfiguration()))
				+ section("ネットワーク構成図", gap("ネットワーク構成図（添付する場合はそのファイル名）")
						+ (blank(record.getSystemConfiguration()) ? "" : "\nシステム構成：" + record.getSystemConfiguration().strip()))
				+ section("発見の経緯（直接発見／監視ツールの警告／顧客・取引先からの連絡／サービス提供者からの連絡）", howFound())
				+ section("侵入経路", orGap(record.getAssumedCause(), "侵入経路"))
				+ section("被害内容", orGap(record.getEventsAndDamage(), "被害内容"))
				+ section("対応状況", orGap(doneSentence(), "実施した対応"));
	}

	/** IPA コンピュータウイルス届出. */
	String ipaVirus() {
		RequiredItems record = this.incident.getRecord();
		return "IPAへの届出（コンピュータウイルス）\n\n" + filer()
				+ section("ウイルス名（不明な場合は症状）", gap("ウイルス名（不明な場合は画面の表示などの症状）")
						+ (blank(this.incident.getDescription()) ? "" : "\n症状など（報告時の記録）：" + oneLine(this.incident.getDescription())))
				+ section("発見日・感染台数", "発見日：" + date(this.incident.getDiscoveredAt()) + "\n感染台数：" + gap("感染台数"))
				+ section("感染した機器", orGap(firstText(record.getAffectedSystemsStatus(), this.incident.getAffectedSystem()),
						"感染した機器（PC、サーバー等）"))
				+ section("インターネットへの接続の有無・OS", "インターネット接続：" + gap("接続の有無") + "\nOS：" + gap("OSとバージョン")
						+ (blank(record.getSystemConfiguration()) ? "" : "\nシステム構成：" + record.getSystemConfiguration().strip()))
				+ section("発見の経緯（直接発見／監視ツールの警告／顧客・取引先からの連絡／サービス提供者からの連絡）", howFound())
				+ section("推定される感染経路", orGap(record.getAssumedCause(), "感染経路"))
				+ section("被害内容", orGap(record.getEventsAndDamage(), "被害内容"))
				+ section("対応状況", orGap(doneSentence(), "実施した対応"));
	}

	private String filer() {
		String responsible = this.names.apply(this.incident.getResponsible());
		return section("届出者", String.join("\n", "住所：" + gap("所在地"), "組織名：" + this.organisation.getName(),
				"担当者氏名：" + orGap(responsible, "担当者氏名"),
				"連絡先（電子メール・電話番号）：" + orGap(this.incident.getRecord().getContact(), "電子メールアドレスと電話番号")));
	}

	/** Where the system runs, where the recorded configuration names it. */
	private static String environment(String configuration) {
		if (!blank(configuration)) {
			List<String> kinds = new ArrayList<>();
			if (configuration.contains("オンプレ")) {
				kinds.add("オンプレミス");
			}
			if (configuration.contains("IaaS")) {
				kinds.add("IaaS");
			}
			if (configuration.contains("SaaS")) {
				kinds.add("SaaS");
			}
			if (configuration.contains("ホスティング") || configuration.contains("レンタルサーバ")) {
				kinds.add("ホスティング");
			}
			if (!kinds.isEmpty()) {
				return String.join("、", kinds);
			}
		}
		return gap("オンプレミス／IaaS／SaaS／ホスティングのいずれか");
	}

	private String howFound() {
		String outside = this.incident.getOutsideReporterName();
		String how = (outside != null && !outside.isBlank())
				? "社外（" + outside.strip() + "）からの連絡：" + gap("顧客・取引先／サービス提供者の別")
				: gap("直接発見／監視ツールの警告／顧客・取引先からの連絡／サービス提供者からの連絡 のいずれか");
		return blank(this.incident.getDescription()) ? how : how + "\n経緯：" + oneLine(this.incident.getDescription());
	}

	// --- 本人への通知 ---

	/** 本人への通知（施行規則第10条：概要、項目、原因、二次被害、その他）. */
	String notice(Addressee addressee) {
		// the people whose data the company reports itself; a client tells its own people
		List<DataSet> sets = dataSets(this::reportable);
		boolean feared = this.reportingCase.getFacts().leak() == LeakStatus.FEARED;
		return String.join("\n",
				DATE.format(this.today),
				addressee.salutation(),
				this.organisation.getName(),
				"",
				"個人情報の漏えい" + (feared ? "のおそれ" : "") + "に関するお詫びとお知らせ",
				"",
				"このたび、当社において、皆様の個人情報が漏えいした" + (feared ? "おそれがある" : "") + "ことが判明いたしました。"
						+ "皆様に多大なるご迷惑とご心配をおかけしましたことを、深くお詫び申し上げます。",
				"",
				"1. 概要",
				date(this.incident.getDiscoveredAt()) + "、" + orGap(this.incident.getRecord().getEventsAndDamage(), "発生した事案の概要"),
				"",
				"2. 対象となる情報",
				sets.isEmpty() ? gap("漏えい等した（おそれのある）個人情報の項目")
						: sets.stream()
							.map(set -> "・" + set.getDescription() + "：" + orGap(oneLine(set.getItems()), set.getDescription() + "の項目"))
							.collect(Collectors.joining("\n")),
				"",
				"3. 原因",
				cause(),
				"",
				"4. 二次被害又はそのおそれ",
				orGap(this.reportingCase.getSecondaryDamage(), "二次被害又はそのおそれの有無と内容"),
				"",
				"5. 皆様へのお願い",
				advice(sets),
				"",
				"6. その他",
				orGap(doneSentence(), "実施した対応"),
				"",
				"7. お問い合わせ窓口",
				orGap(this.reportingCase.getInquiryDeskContact(), "問い合わせ窓口の名称・電話番号・受付時間"),
				"",
				"今後、このような事態が生じないよう、再発防止に全力で取り組んでまいります。");
	}

	/** Advice per kind of data: card numbers, banking credentials, マイナンバー, 要配慮, and always suspicious contacts. */
	private static String advice(List<DataSet> sets) {
		List<String> lines = new ArrayList<>();
		List<DataSet> financial = sets.stream().filter(DataSet::isFinancial).toList();
		boolean card = financial.stream().anyMatch(set -> mentions(set, "カード"));
		boolean banking = financial.stream().anyMatch(set -> mentions(set, "口座", "銀行", "パスワード", "暗証"));
		if (!financial.isEmpty() && !card && !banking) {
			card = true;
			banking = true;
		}
		if (card) {
			lines.add("・クレジットカードの利用明細に身に覚えのない請求がないか、ご確認ください。不審な請求があった場合は、"
					+ "お手数ですがカード裏面に記載のカード会社にお問い合わせください。");
		}
		if (banking) {
			lines.add("・インターネットバンキング等のパスワードを変更してください。身に覚えのない取引があった場合は、"
					+ "お取引の金融機関にご連絡ください。");
		}
		if (sets.stream().anyMatch(DataSet::isMyNumber)) {
			lines.add("・マイナンバー（個人番号）を聞き出そうとする不審な電話やメールにご注意ください。当社からマイナンバーを"
					+ "お尋ねすることはありません。不正に用いられるおそれがある場合は、お住まいの市区町村で番号の変更を相談できます。");
		}
		if (sets.stream().anyMatch(DataSet::isSensitive)) {
			lines.add("・健康状態など配慮を要する情報が含まれています。これらの情報に触れる不審な連絡や勧誘があった場合は、"
					+ "応じずに当社窓口までご連絡ください。");
		}
		lines.add("・当社をかたる不審なメール、電話、郵便物にご注意ください。当社からパスワード等をお尋ねすることはありません。");
		return String.join("\n", lines);
	}

	private static boolean mentions(DataSet set, String... words) {
		String text = Objects.toString(set.getDescription(), "") + Objects.toString(set.getItems(), "");
		for (String word : words) {
			if (text.contains(word)) {
				return true;
			}
		}
		return false;
	}

	// --- 委託元への通知 ---

	/** 委託元への通知（施行規則第9条）: the items of 規則8条 the company knows, about that client's data. */
	String clientNotice() {
		boolean feared = this.reportingCase.getFacts().leak() == LeakStatus.FEARED;
		return String.join("\n", DATE.format(this.today), gap("委託元の名称") + " 御中", this.organisation.getName(), "",
				"個人データの漏えい等に関するご報告", "",
				"個人情報保護法第26条第1項ただし書・施行規則第9条に基づき、下記のとおり通知いたします。",
				"貴社から委託を受けて取り扱っている個人データについて、漏えい等が発生した" + (feared ? "おそれがある" : "")
						+ "ことが判明いたしました。貴社に多大なるご迷惑とご心配をおかけしましたことを、深くお詫び申し上げます。",
				"なお、現時点で判明していない事項は、判明次第あらためてご報告いたします。", "", "記", "", "")
				+ ppcItems(DataSet::handledForClient, false) + "以上";
	}

	// --- 公表 ---

	String firstAnnouncement() {
		List<DataSet> sets = dataSets(set -> true);
		return announcement(1, false, String.join("\n",
				"1. 発生の事実",
				date(this.incident.getDiscoveredAt()) + "、" + orGap(this.incident.getRecord().getEventsAndDamage(), "発生した事案の概要"),
				"",
				"2. 現時点で判明している事実",
				sets.isEmpty() ? "対象となる情報の範囲を調査しております。" : affectedData(sets),
				"",
				"3. 当社の対応",
				response(),
				"",
				"4. 今後の対応",
				"調査の結果、新たな事実が判明した場合は、速やかにお知らせいたします。"));
	}

	String followUpAnnouncement() {
		return announcement(followUpNumber(), false, String.join("\n",
				"1. これまでに判明した事実",
				orGap(this.incident.getRecord().getEventsAndDamage(), "前回のお知らせ以降に判明した事実"),
				"",
				"2. 対象となる情報",
				dataSets(set -> true).isEmpty() ? gap("対象となる情報と人数") : affectedData(dataSets(set -> true)),
				"",
				"3. 想定される原因",
				cause(),
				"",
				"4. 当社の対応",
				response(),
				"",
				"5. 今後の対応",
				"引き続き調査を進め、新たな事実が判明した場合は、速やかにお知らせいたします。"));
	}

	String finalAnnouncement() {
		List<DataSet> sets = dataSets(set -> true);
		return announcement(0, true, String.join("\n",
				"1. 概要",
				date(this.incident.getDiscoveredAt()) + "、" + orGap(this.incident.getRecord().getEventsAndDamage(), "発生した事案の概要"),
				"",
				"2. 対象となった情報と人数",
				sets.isEmpty() ? gap("対象となった情報と人数") : affectedData(sets),
				"",
				"3. 二次被害の有無",
				orGap(this.reportingCase.getSecondaryDamage(), "二次被害又はそのおそれの有無と内容"),
				"",
				"4. 対象となった皆様への対応",
				gap("補償の内容"),
				"",
				"5. 原因",
				cause(),
				"",
				"6. 再発防止策",
				prevention(),
				"",
				"このたびの事態を重く受け止め、再発防止に全力で取り組んでまいります。"));
	}

	/** 第N報: the announcements drafted so far decide N; the first is 第1報. */
	private int followUpNumber() {
		List<Announcement> drafted = this.reportingCase.getAnnouncements();
		boolean first = drafted.stream().anyMatch(a -> a.getKind() == Announcement.Kind.FIRST);
		long followUps = drafted.stream().filter(a -> a.getKind() == Announcement.Kind.FOLLOW_UP).count();
		return Math.max(2, 1 + (first ? 1 : 0) + (int) followUps);
	}

	private String affectedData(List<DataSet> sets) {
		return sets.stream()
			.map(set -> "・" + set.getDescription() + "（" + orGap(oneLine(set.getItems()), set.getDescription() + "の項目")
					+ "）：" + count(set.getConfirmedCount(), set.getMaximumCount(), set.getDescription() + "の人数"))
			.collect(Collectors.joining("\n"));
	}

	/** What was actually done, from the checklist points marked done; never more. */
	private String response() {
		String done = doneSentence();
		return "当社は、" + (done == null ? gap("実施した対応") : done) + "を行い、現在、詳しい調査を進めております。";
	}

	/** The done points in public words, joined 「A、B及びC」; {@code null} where none is done. */
	private String doneSentence() {
		List<String> done = done(point -> true);
		if (done.isEmpty()) {
			return null;
		}
		if (done.size() == 1) {
			return done.get(0);
		}
		return String.join("、", done.subList(0, done.size() - 1)) + "及び" + done.get(done.size() - 1);
	}

	private List<String> done(Predicate<ChecklistPoint> which) {
		return this.incident.getChecklist()
			.stream()
			.filter(item -> item.getStatus() == ChecklistItem.Status.DONE && item.getItem() != null)
			.map(ChecklistItem::getItem)
			.filter(which)
			.map(DONE_IN_PUBLIC_WORDS::get)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	/**
	 * @param number 第N報; ignored for the final one
	 */
	private String announcement(int number, boolean last, String body) {
		String title = orGap(this.reportingCase.getPublicTitle(), "公表用の件名");
		String heading = title + "について" + (last ? "（最終報）" : "（第" + number + "報）");
		return String.join("\n", heading, "", DATE.format(this.today), this.organisation.getName(), "",
				"このたびは、お客様ならびに関係者の皆様に多大なるご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。", "",
				body, "", "お問い合わせ窓口：" + orGap(this.reportingCase.getInquiryDeskContact(), "問い合わせ窓口の連絡先"));
	}

	/** The data sets the company reports itself ({@link DataSet#reportedByTheCompany}). */
	private boolean reportable(DataSet set) {
		return set.reportedByTheCompany(this.reportingCase.getFacts());
	}

	/** The data sets left out of the company's own report, and why: the PPC may ask. */
	private String excluded(boolean toThePpc) {
		if (!toThePpc) {
			return "";
		}
		List<String> lines = dataSets(set -> !reportable(set)).stream()
			.map(set -> "・" + set.getDescription() + "：報告の対象外（" + (set.encryptionExempt()
					? "高度な暗号化がされ、復号鍵は漏えいしていない" : "委託元へ通知済み（個人情報保護法第26条第1項ただし書）") + "）")
			.toList();
		return lines.isEmpty() ? "" : "\n" + String.join("\n", lines);
	}

	// --- helpers ---

	private List<DataSet> dataSets(Predicate<DataSet> which) {
		return this.reportingCase.getDataSets().stream().filter(which).toList();
	}

	private Optional<Duty> duty(DutyType type) {
		return this.reportingCase.applicableDuties().stream().filter(d -> d.getType() == type).findFirst();
	}

	private boolean dutyFiled(DutyType type) {
		return duty(type).map(d -> d.getState() == Duty.State.FILED).orElse(false);
	}

	private List<Announcement> published() {
		return this.reportingCase.getAnnouncements().stream().filter(a -> a.getPublishedOn() != null).toList();
	}

	private static String kindName(Announcement.Kind kind) {
		return switch (kind) {
			case FIRST -> "第1報";
			case FOLLOW_UP -> "続報";
			case FINAL -> "最終報";
		};
	}

	private static Map<ChecklistPoint, String> publicWords() {
		Map<ChecklistPoint, String> words = new EnumMap<>(ChecklistPoint.class);
		words.put(ChecklistPoint.ISOLATE_NETWORK, "外部からのアクセスの遮断");
		words.put(ChecklistPoint.ISOLATE_DATA_AND_DEVICES, "対象となる情報・機器の隔離");
		words.put(ChecklistPoint.STOP_SYSTEM_OR_SERVICE, "関係するシステム・サービスの停止");
		words.put(ChecklistPoint.PRESERVE_RECORDS, "調査のための記録の保全");
		words.put(ChecklistPoint.DISCONNECT_INFECTED_DEVICE, "感染した端末のネットワークからの切り離し");
		words.put(ChecklistPoint.ISOLATE_BACKUPS, "バックアップの保護");
		words.put(ChecklistPoint.WARN_BUSINESS_PARTNERS, "お取引先への注意喚起");
		words.put(ChecklistPoint.CHANGE_MAIL_PASSWORDS, "メールアカウントのパスワード変更");
		words.put(ChecklistPoint.CLOSE_INTRUSION_ROUTE, "侵入経路の遮断");
		words.put(ChecklistPoint.TAKE_SITE_OFFLINE, "ウェブサイトの公開停止");
		words.put(ChecklistPoint.CHECK_INPUT_FORMS, "入力フォームの点検");
		words.put(ChecklistPoint.CONTACT_CARD_COMPANY, "カード会社・決済代行会社への連絡");
		words.put(ChecklistPoint.SUSPEND_ACCOUNTS_AND_PRESERVE_LOGS, "関係するアカウントの停止");
		words.put(ChecklistPoint.WIPE_OR_LOCK_DEVICE, "機器の遠隔ロック・データ消去");
		words.put(ChecklistPoint.ASK_RECIPIENT_TO_DELETE, "誤って送付した先への削除の依頼");
		words.put(ChecklistPoint.CONFIRM_DELETED_UNREAD, "誤って送付した先での削除の確認");
		words.put(ChecklistPoint.REMOVE_PUBLISHED_DATA, "誤って公開した情報の削除");
		words.put(ChecklistPoint.ASK_PLATFORM_TO_REMOVE_POST, "掲載先への削除の依頼");
		words.put(ChecklistPoint.SWITCH_TO_CONTINUITY_PLAN, "代替手段による業務の継続");
		words.put(ChecklistPoint.CONTACT_ISP_OR_HOSTING, "通信事業者・ホスティング事業者への連絡");
		words.put(ChecklistPoint.ASK_BANK_TO_RECALL_TRANSFER, "金融機関への組戻しの依頼");
		words.put(ChecklistPoint.REPORT_TO_IPA, "IPAへの届出");
		words.put(ChecklistPoint.REPORT_INTRUSION_TO_IPA, "IPAへの届出");
		words.put(ChecklistPoint.POLICE_IF_EXTORTION, "警察への相談");
		words.put(ChecklistPoint.POLICE_FOR_INTRUSION, "警察への相談");
		words.put(ChecklistPoint.POLICE_FOR_CRIMINAL_LEAK, "警察への相談");
		words.put(ChecklistPoint.REPORT_LOSS_TO_POLICE, "警察への遺失届の提出");
		words.put(ChecklistPoint.REPORT_THEFT_TO_POLICE, "警察への被害届の提出");
		words.put(ChecklistPoint.REPORT_FRAUD_TO_POLICE, "警察への相談");
		return words;
	}

	private static String section(String heading, String body) {
		return "■ " + heading + "\n" + body + "\n\n";
	}

	private static String orGap(String value, String what) {
		return blank(value) ? gap(what) : value;
	}

	static String gap(String what) {
		return GAP_MARK + what + "】";
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String firstText(String... texts) {
		for (String text : texts) {
			if (!blank(text)) {
				return text;
			}
		}
		return null;
	}

	private static String oneLine(String text) {
		return (text == null) ? null : text.strip().replace('\n', ' ');
	}

	private static String number(Integer count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	private String dateTime(Instant instant) {
		return (instant == null) ? null : DATE_TIME.format(instant.atZone(this.zone));
	}

	private String date(Instant instant) {
		return DATE.format(instant.atZone(this.zone));
	}

}
