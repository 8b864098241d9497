package jp.hikeshi.register;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.register.SystemService.ImportSummary;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The register kept by hand and from a spreadsheet, on the real database: each change audited,
 * a stale version or a broken rule refused with nothing saved, an import taken whole or not at all.
 * Every test names its systems after itself: other tests share the database.
 */
@IntegrationTest
class SystemServiceTest {

	@Autowired
	SystemService service;

	@Autowired
	Register register;

	@Autowired
	RegisterSpreadsheet spreadsheet;

	@Autowired
	VendorRepository vendors;

	@Autowired
	JdbcTemplate jdbc;

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static HeldData.Details cards(int people) {
		return new HeldData.Details("会員名簿", "氏名、カード番号", Whose.CUSTOMERS, null, people, false, true, false, true,
				"AES-256", "情報システム部");
	}

	private static SystemChange system(String name, HeldData.Details... data) {
		return new SystemChange(new RegisteredSystem.Details(name, SystemKind.EC_SITE, "レンタルサーバー", "営業部", null, true,
				Backup.BACKED_UP, "別拠点", "メモ"), List.of(data));
	}

	private SystemEntry entry(long id) {
		return this.register.systems(List.of(id)).get(0);
	}

	private List<String> audit(String subject) {
		return this.jdbc.queryForList("select action from audit_event where subject = ? order by id", String.class,
				subject);
	}

	@Test
	void aSystemIsAddedChangedAndRetiredEachStepAudited() {
		String name = unique("会員サイト");
		long id = this.service.add(system(name, cards(1200)), "lead");
		SystemEntry added = entry(id);
		assertThat(added.dataSets()).singleElement().satisfies(data -> {
			assertThat(data.peopleCount()).isEqualTo(1200);
			assertThat(data.financial()).isTrue();
			assertThat(data.keyCustody()).isEqualTo("情報システム部");
		});

		long version = this.service.editable(id).orElseThrow().version();
		HeldData.Details staff = new HeldData.Details("給与台帳", null, Whose.EMPLOYEES, null, 25, false, false, true, false,
				null, null);
		this.service.change(id, version, system(name, staff, cards(1300)), "lead");
		assertThat(entry(id).dataSets()).extracting(Register.DataEntry::description).containsExactly("給与台帳", "会員名簿");

		// the page that was open before the change is refused; nothing of it is saved
		assertThatThrownBy(() -> this.service.change(id, version, system(name), "other"))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(entry(id).dataSets()).hasSize(2);

		this.service.retire(id, this.service.editable(id).orElseThrow().version(), "admin");
		assertThat(entry(id).retired()).isTrue();
		assertThat(this.register.systemsInUse()).extracting(SystemEntry::id).doesNotContain(id);
		assertThat(audit(name)).containsExactly("SYSTEM_ADDED", "SYSTEM_CHANGED", "SYSTEM_RETIRED");
		// the name is free again for a system in use
		assertThat(this.service.add(system(name), "lead")).isNotEqualTo(id);
	}

	@Test
	void theRulesAreRefusedOnTheirFieldAndNothingIsSaved() {
		String name = unique("NAS");
		this.service.add(system(name), "lead");
		BusinessRuleViolation taken = catchThrowableOfType(BusinessRuleViolation.class,
				() -> this.service.add(system(name.toLowerCase()), "lead"));
		assertThat(taken.field()).isEqualTo("name");
		assertThat(taken.code()).isEqualTo("register.system.name.taken");

		String other = unique("PC");
		HeldData.Details clientWithout = new HeldData.Details("預かり名簿", null, Whose.CLIENT, null, 100_000_001, false,
				false, false, false, "AES", null);
		List<String> fields = this.service.refusals(system(other, cards(1), clientWithout), null)
			.stream()
			.map(BusinessRuleViolation::field)
			.toList();
		assertThat(fields).containsExactly("dataSets[1].clientId", "dataSets[1].peopleCount",
				"dataSets[1].encryptionMethod");
		assertThatThrownBy(() -> this.service.add(system(other, cards(1), clientWithout), "lead"))
			.isInstanceOf(BusinessRuleViolation.class);
		assertThat(audit(other)).isEmpty();
	}

	@Test
	void aUtf8FileWithAByteOrderMarkIsImportedVendorsAndClientsCreatedByName() {
		String shop = unique("ECサイト");
		String pc = unique("経理PC");
		String vendor = unique("ホスティング社");
		String client = unique("取引先");
		String csv = "\uFEFF" + String.join(",", this.spreadsheet.header()) + "\r\n"
				+ line(shop, "ECサイト", vendor, "はい", "バックアップあり", "別拠点", "会員名簿", "顧客", "", "1,200", "×", "○")
				+ line(shop, "EC site", vendor, "yes", "Backed up", "別拠点", "預かり名簿", "委託元", client, "300", "0", "0")
				+ line(pc, "PC", "", "no", "none", "", "", "", "", "", "", "");
		ImportSummary summary = this.service.importFile(csv.getBytes(StandardCharsets.UTF_8), "台帳.csv", "lead");

		assertThat(summary.added()).isEqualTo(2);
		assertThat(summary.newVendors()).containsExactly(vendor);
		assertThat(summary.newClients()).containsExactly(client);
		SystemEntry imported = inUse(shop);
		assertThat(imported.kind()).isEqualTo(SystemKind.EC_SITE);
		assertThat(imported.vendor().name()).isEqualTo(vendor);
		assertThat(imported.vendor().kind()).isEqualTo(VendorKind.OTHER);
		assertThat(imported.dataSets()).hasSize(2);
		assertThat(imported.dataSets().get(0).peopleCount()).isEqualTo(1200);
		assertThat(imported.dataSets().get(0).financial()).isTrue();
		assertThat(imported.dataSets().get(1).client().name()).isEqualTo(client);
		assertThat(inUse(pc).dataSets()).isEmpty();
		assertThat(inUse(pc).backup()).isEqualTo(Backup.NONE);
		assertThat(audit("台帳.csv")).contains("REGISTER_IMPORTED");
	}

	@Test
	void aShiftJisFileAsExcelSavesItIsImportedAndAKnownNameReplaced() {
		String name = unique("ファイルサーバー");
		long id = this.service.add(system(name, cards(10)), "lead");
		String csv = String.join(",", this.spreadsheet.header()) + "\r\n"
				+ line(name, "サーバー", "", "いいえ", "不明", "", "社員名簿", "従業員", "", "40", "いいえ", "いいえ");
		byte[] shiftJis = csv.getBytes(Charset.forName("windows-31j"));
		ImportSummary summary = this.service.importFile(shiftJis, "sjis.csv", "lead");

		assertThat(summary.changed()).isEqualTo(1);
		SystemEntry replaced = entry(id);
		assertThat(replaced.kind()).isEqualTo(SystemKind.SERVER);
		assertThat(replaced.dataSets()).singleElement().satisfies(data -> {
			assertThat(data.description()).isEqualTo("社員名簿");
			assertThat(data.whose()).isEqualTo(Whose.EMPLOYEES);
		});
	}

	@Test
	void theExportImportedAgainGivesTheSameRegisterAsCsvAndAsExcel() throws Exception {
		String vendorName = unique("委託先");
		long vendor = this.vendors
			.save(new Vendor(new Vendor.Details(VendorKind.CLOUD, vendorName, null, null, null, null), "t",
					java.time.Instant.now()))
			.getId();
		String name = unique("=SUM(A1)");
		SystemChange change = new SystemChange(new RegisteredSystem.Details(name, SystemKind.CLOUD_SERVICE, "東京リージョン",
				"-総務", vendor, true, Backup.BACKED_UP, "別リージョン", "複数行\nの備考"),
				List.of(cards(5000), new HeldData.Details("問い合わせ", "氏名, \"メール\"", Whose.OTHER, null, null, true, false,
						false, false, null, null)));
		this.service.add(change, "lead");
		this.service.add(system(unique("データなし")), "lead");
		List<SystemEntry> before = this.register.systemsInUse();

		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		this.spreadsheet.writeCsv(this.service.exportRows(), csv);
		ImportSummary again = this.service.importFile(csv.toByteArray(), "export.csv", "lead");
		assertThat(again.added()).isZero();
		assertThat(again.newVendors()).isEmpty();
		assertThat(this.register.systemsInUse()).isEqualTo(before);

		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		this.spreadsheet.writeXlsx(this.service.exportRows(), xlsx);
		assertThat(this.service.importFile(xlsx.toByteArray(), "export.xlsx", "lead").added()).isZero();
		assertThat(this.register.systemsInUse()).isEqualTo(before);
		assertThat(this.service.editable(inUse(name).id()).orElseThrow().note()).isEqualTo("複数行\nの備考");
	}

	@Test
	void aFileWithFaultyLinesIsReportedLineByLineAndNothingIsImported() {
		String good = unique("良いシステム");
		String twice = unique("重複");
		String csv = String.join(",", this.spreadsheet.header()) + "\n"
				+ line(good, "PC", unique("新しい委託先"), "はい", "", "", "名簿", "顧客", "", "10", "", "")
				+ line(unique("悪い種別"), "メインフレーム", "", "はい", "", "", "", "", "", "", "", "")
				+ line(unique("人数"), "PC", "", "はい", "", "", "名簿", "顧客", "", "-5", "", "")
				+ line(unique("はいいいえ"), "PC", "", "たぶん", "", "", "", "", "", "", "", "")
				+ line(twice, "PC", "", "はい", "", "", "名簿", "顧客", "", "1", "", "")
				+ line(twice, "サーバー", "", "はい", "", "", "名簿2", "顧客", "", "1", "", "")
				+ line(unique("文字化け縺ｧ縺吶"), "PC", "", "はい", "", "", "", "", "", "", "", "");
		ImportRefused refused = catchThrowableOfType(ImportRefused.class,
				() -> this.service.importFile(csv.getBytes(StandardCharsets.UTF_8), "bad.csv", "lead"));

		assertThat(refused.problems()).extracting(ImportProblem::line, ImportProblem::column,
				problem -> problem.reason().code())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, RegisterColumn.KIND, "register.import.unknownKind"),
					org.assertj.core.groups.Tuple.tuple(4, RegisterColumn.PEOPLE, "register.import.badCount"),
					org.assertj.core.groups.Tuple.tuple(5, RegisterColumn.INTERNET_FACING, "register.import.notYesNo"),
					org.assertj.core.groups.Tuple.tuple(7, RegisterColumn.KIND, "register.import.conflicting"),
					org.assertj.core.groups.Tuple.tuple(8, RegisterColumn.NAME, "register.import.mojibake"));
		assertThat(inUseNamed(good)).isEmpty();
		assertThat(audit("bad.csv")).isEmpty();

		ImportRefused columns = catchThrowableOfType(ImportRefused.class, () -> this.service
			.importFile("システム名,色\n".getBytes(StandardCharsets.UTF_8), "columns.csv", "lead"));
		assertThat(columns.problems()).extracting(problem -> problem.reason().code())
			.contains("register.import.unknownColumn", "register.import.missingColumn");
		ImportRefused binary = catchThrowableOfType(ImportRefused.class,
				() -> this.service.importFile(new byte[] { 1, 0, 2 }, "x.bin", "lead"));
		assertThat(binary.problems()).extracting(problem -> problem.reason().code())
			.containsExactly("register.import.notSpreadsheet");
	}

	/** A line of the file: the columns in the export's order; location, owner, note, items and the last four data columns empty. */
	private static String line(String name, String kind, String vendor, String internet, String backup,
			String backupLocation, String data, String whose, String client, String people, String sensitive,
			String financial) {
		return String.join(",", quote(name), kind, "", "", quote(vendor), internet, backup, backupLocation, "",
				quote(data), "", whose, quote(client), quote(people), sensitive, financial, "", "", "", "") + "\r\n";
	}

	private static String quote(String value) {
		return "\"" + value + "\"";
	}

	private SystemEntry inUse(String name) {
		return inUseNamed(name).orElseThrow();
	}

	private java.util.Optional<SystemEntry> inUseNamed(String name) {
		return this.register.systemsInUse().stream().filter(system -> system.name().equals(name)).findFirst();
	}

}
