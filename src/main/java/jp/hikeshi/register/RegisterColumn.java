package jp.hikeshi.register;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of the register's spreadsheet (CSV and Excel), in their order: the system's, then
 * one data set's. The headers are part of the file's format, not of the pages: Japanese, the
 * company's record language, as the export writes them; an import takes the English ones too.
 * {@link #field} is the name a refusal gives the value ({@code dataSets[i].} before a data set's).
 */
public enum RegisterColumn {

	NAME("システム名", "System", "name", false),
	KIND("種別", "Kind", "kind", false),
	LOCATION("設置場所", "Where it runs", "location", false),
	OWNER("管理責任者", "Owner", "owner", false),
	VENDOR("委託先", "Vendor", "vendorId", false),
	INTERNET_FACING("インターネット公開", "Internet-facing", "internetFacing", false),
	BACKUP("バックアップ", "Backup", "backup", false),
	BACKUP_LOCATION("バックアップの保管場所", "Backup location", "backupLocation", false),
	NOTE("備考", "Note", "note", false),
	DATA("保有データ", "Data", "description", true),
	ITEMS("データ項目", "Items", "items", true),
	WHOSE("誰の情報か", "Whose", "whose", true),
	CLIENT("委託元", "Client", "clientId", true),
	PEOPLE("人数", "People", "peopleCount", true),
	SENSITIVE("要配慮個人情報", "Sensitive", "sensitive", true),
	FINANCIAL("クレジットカード・口座情報", "Card or banking data", "financial", true),
	MY_NUMBER("特定個人情報（マイナンバー）", "My Number", "myNumber", true),
	ENCRYPTED("暗号化", "Encrypted", "encrypted", true),
	ENCRYPTION_METHOD("暗号化の方式", "Encryption method", "encryptionMethod", true),
	KEY_CUSTODY("鍵の管理", "Key custody", "keyCustody", true);

	private final String header;

	private final String englishHeader;

	private final String field;

	private final boolean dataSet;

	RegisterColumn(String header, String englishHeader, String field, boolean dataSet) {
		this.header = header;
		this.englishHeader = englishHeader;
		this.field = field;
		this.dataSet = dataSet;
	}

	/** The header the export writes. */
	public String header() {
		return this.header;
	}

	/** Whether the column belongs to a data set rather than to the system. */
	public boolean dataSet() {
		return this.dataSet;
	}

	String field() {
		return this.field;
	}

	/** The column a header names, Japanese or English, spaces and case aside. */
	static Optional<RegisterColumn> ofHeader(String header) {
		String wanted = normalise(header);
		return Arrays.stream(values())
			.filter(column -> normalise(column.header).equals(wanted) || normalise(column.englishHeader).equals(wanted))
			.findFirst();
	}

	/** The column of a refusal's field: {@code dataSets[3].peopleCount} → PEOPLE. */
	static Optional<RegisterColumn> ofField(String field) {
		if (field == null) {
			return Optional.empty();
		}
		boolean data = field.startsWith("dataSets[");
		String name = field.substring(field.lastIndexOf('.') + 1);
		return Arrays.stream(values()).filter(column -> column.dataSet == data && column.field.equals(name)).findFirst();
	}

	private static String normalise(String header) {
		return java.text.Normalizer.normalize(header, java.text.Normalizer.Form.NFKC)
			.replaceAll("\\s", "")
			.toLowerCase(java.util.Locale.ROOT);
	}

}
