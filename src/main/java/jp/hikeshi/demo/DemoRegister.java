package jp.hikeshi.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.hikeshi.register.Backup;
import jp.hikeshi.register.ClientCompany;
import jp.hikeshi.register.ClientService;
import jp.hikeshi.register.HeldData;
import jp.hikeshi.register.Register;
import jp.hikeshi.register.RegisteredSystem;
import jp.hikeshi.register.SystemChange;
import jp.hikeshi.register.SystemKind;
import jp.hikeshi.register.SystemService;
import jp.hikeshi.register.Vendor;
import jp.hikeshi.register.VendorKind;
import jp.hikeshi.register.VendorService;
import jp.hikeshi.register.Whose;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo company's register, as it would be after one afternoon: its vendors, a client whose
 * data it processes, and the systems that hold personal data — the EC site with the card data
 * of 1,200 customers among them. Seeded once; what a visitor changes stays.
 */
@Component
@Profile("demo")
class DemoRegister {

	static final String ACCOUNTING_PC = "経理部ノートPC（KEIRI-PC03）";

	private static final String ACTOR = "demo";

	private final Register register;

	private final SystemService systems;

	private final VendorService vendors;

	private final ClientService clients;

	DemoRegister(Register register, SystemService systems, VendorService vendors, ClientService clients) {
		this.register = register;
		this.systems = systems;
		this.vendors = vendors;
		this.clients = clients;
	}

	/** The systems in use by name; the demo's register is written first if it is empty. */
	Map<String, Long> seed() {
		if (this.register.systemsInUse().isEmpty() && this.register.vendors().isEmpty()) {
			write();
		}
		Map<String, Long> ids = new LinkedHashMap<>();
		this.register.systemsInUse().forEach(system -> ids.put(system.name(), system.id()));
		return ids;
	}

	private void write() {
		long it = this.vendors.add(new Vendor.Details(VendorKind.IT_VENDOR, "株式会社サンプルITサービス", "保守窓口 中村様",
				"03-0000-5678", "support@example.jp", "保守契約（平日9〜18時、緊急時は24時間対応の携帯へ）"), ACTOR).getId();
		long hosting = this.vendors.add(new Vendor.Details(VendorKind.HOSTING, "さくらホスティング（例）", "障害受付窓口",
				"0120-000-000", null, "ECサイトのサーバーと日次バックアップ"), ACTOR).getId();
		long client = this.clients.add(new ClientCompany.Details("株式会社サンプル商事", "総務部 鈴木様", "03-0000-0000", null,
				"顧客への発送業務を受託（顧客名簿を預かっている）"), ACTOR).getId();
		this.systems.add(new SystemChange(
				new RegisteredSystem.Details("ECサイト", SystemKind.EC_SITE, "レンタルサーバー", "営業部 山田", hosting, true,
						Backup.BACKED_UP, "ホスティング会社の別拠点（日次）", null),
				List.of(new HeldData.Details("会員名簿（カード情報を含む）", "氏名、住所、電話番号、クレジットカード番号", Whose.CUSTOMERS, null,
						1_200, false, true, false, false, null, null))),
				ACTOR);
		this.systems.add(new SystemChange(
				new RegisteredSystem.Details("ファイルサーバ", SystemKind.NAS, "本社2階 サーバラック", "情報システム部 佐藤", it, false,
						Backup.BACKED_UP, "外付けディスク（週次、金庫で保管）", null),
				List.of(new HeldData.Details("発送先名簿（サンプル商事から受託）", "氏名、住所、電話番号", Whose.CLIENT, client, 3_500,
						false, false, false, false, null, null))),
				ACTOR);
		this.systems.add(new SystemChange(
				new RegisteredSystem.Details(ACCOUNTING_PC, SystemKind.PC, "本社3階 経理部", "経理部 鈴木", it, false, Backup.NONE,
						null, null),
				List.of(new HeldData.Details("給与台帳", "氏名、口座番号、マイナンバー", Whose.EMPLOYEES, null, 25, false, true, true,
						true, "BitLocker", "総務部長が金庫で保管"))),
				ACTOR);
		this.systems.add(new SystemChange(new RegisteredSystem.Details("コーポレートサイト", SystemKind.WEBSITE, "クラウド（CMS）",
				"総務部 田中", it, true, Backup.UNKNOWN, null, null), List.of()), ACTOR);
	}

}
