package jp.hikeshi.register;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.hikeshi.shared.TextFiles;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The register as a spreadsheet, the way a company keeps it before it has Hikeshi: one row per
 * set of personal data with its system's columns repeated (a system without data: one row, the
 * data columns empty), vendors and clients by name, yes/no as はい/いいえ, kinds by their Japanese
 * labels. Written as CSV (UTF-8 with a byte-order mark, so Excel opens it) or .xlsx; read back from
 * either, a CSV in UTF-8 with or without the mark or in Shift_JIS as Excel on Japanese Windows
 * saves it. Reading checks the form of every line and reports all it refuses; the rules of the
 * register itself are {@link SystemRules}'.
 */
@Component
public class RegisterSpreadsheet {

	/** The largest file taken. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The most lines taken: a small company's register has dozens. */
	public static final int MAX_LINES = 5000;

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private static final String YES = "はい";

	private static final String NO = "いいえ";

	private static final List<String> YES_WORDS = List.of("はい", "yes", "y", "true", "1", "○", "〇", "◯", "有", "あり");

	private static final List<String> NO_WORDS = List.of("いいえ", "no", "n", "false", "0", "×", "✕", "x", "無", "なし", "");

	/** Text decoded with the wrong character set: the replacement character, UTF-8 read as Latin-1 (「Ã£Â」). */
	private static final Pattern MOJIBAKE = Pattern.compile("\uFFFD|[\u00C2-\u00EF][\u0080-\u00BF]");

	/** UTF-8 Japanese read as Shift_JIS turns kana into these kanji, rarely seen twice in real text. */
	private static final Pattern MOJIBAKE_SJIS = Pattern.compile("[縺繧繝].*[縺繧繝]");

	private final MessageSource messages;

	RegisterSpreadsheet(MessageSource messages) {
		this.messages = messages;
	}

	/** A system read from a file, at its first line; vendors and clients by name. */
	record ImportedSystem(int line, String name, SystemKind kind, String location, String owner, String vendor,
			boolean internetFacing, Backup backup, String backupLocation, String note, List<ImportedData> dataSets) {

		/** The system's own columns, to compare with a later line of the same name. */
		List<Object> attributes() {
			return Arrays.asList(this.kind, this.location, this.owner, lower(this.vendor), this.internetFacing,
					this.backup, this.backupLocation, this.note);
		}

		private static String lower(String name) {
			return (name == null) ? null : name.toLowerCase(Locale.ROOT);
		}

	}

	/** A set of personal data read from a file, at its line; the client by name. */
	record ImportedData(int line, String description, String items, Whose whose, String client, Integer peopleCount,
			boolean sensitive, boolean financial, boolean myNumber, boolean encrypted, String encryptionMethod,
			String keyCustody) {

	}

	/** What a file held, or why not: refusals leave the systems empty. */
	record Parsed(List<ImportedSystem> systems, List<ImportProblem> problems) {

		static Parsed refused(ImportProblem problem) {
			return new Parsed(List.of(), List.of(problem));
		}

	}

	// ------------------------------------------------------------------ writing

	public List<String> header() {
		return Arrays.stream(RegisterColumn.values()).map(RegisterColumn::header).toList();
	}

	/** One row per data set, a system without data on a row of its own; in a transaction (the data is lazy). */
	List<List<String>> rows(List<RegisteredSystem> systems) {
		List<List<String>> rows = new ArrayList<>();
		for (RegisteredSystem system : systems) {
			if (system.getDataSets().isEmpty()) {
				rows.add(row(system, null));
			}
			for (HeldData data : system.getDataSets()) {
				rows.add(row(system, data));
			}
		}
		return rows;
	}

	private List<String> row(RegisteredSystem system, HeldData data) {
		Map<RegisterColumn, String> cells = new EnumMap<>(RegisterColumn.class);
		cells.put(RegisterColumn.NAME, system.getName());
		cells.put(RegisterColumn.KIND, label("SystemKind." + system.getKind().name()));
		cells.put(RegisterColumn.LOCATION, system.getLocation());
		cells.put(RegisterColumn.OWNER, system.getOwner());
		cells.put(RegisterColumn.VENDOR, (system.getVendor() != null) ? system.getVendor().getName() : null);
		cells.put(RegisterColumn.INTERNET_FACING, yesNo(system.isInternetFacing()));
		cells.put(RegisterColumn.BACKUP, label("Backup." + system.getBackup().name()));
		cells.put(RegisterColumn.BACKUP_LOCATION, system.getBackupLocation());
		cells.put(RegisterColumn.NOTE, system.getNote());
		if (data != null) {
			cells.put(RegisterColumn.DATA, data.getDescription());
			cells.put(RegisterColumn.ITEMS, data.getItems());
			cells.put(RegisterColumn.WHOSE, label("Whose." + data.getWhose().name()));
			cells.put(RegisterColumn.CLIENT, (data.getClient() != null) ? data.getClient().getName() : null);
			cells.put(RegisterColumn.PEOPLE, (data.getPeopleCount() != null) ? data.getPeopleCount().toString() : null);
			cells.put(RegisterColumn.SENSITIVE, yesNo(data.isSensitive()));
			cells.put(RegisterColumn.FINANCIAL, yesNo(data.isFinancial()));
			cells.put(RegisterColumn.MY_NUMBER, yesNo(data.isMyNumber()));
			cells.put(RegisterColumn.ENCRYPTED, yesNo(data.isEncrypted()));
			cells.put(RegisterColumn.ENCRYPTION_METHOD, data.getEncryptionMethod());
			cells.put(RegisterColumn.KEY_CUSTODY, data.getKeyCustody());
		}
		return Arrays.stream(RegisterColumn.values()).map(column -> Objects.toString(cells.get(column), "")).toList();
	}

	/**
	 * CSV that Excel opens in Japanese: a byte-order mark, CRLF, every field quoted; a field Excel
	 * would take for a formula gets an apostrophe first (and loses it again when imported).
	 */
	public void writeCsv(List<List<String>> rows, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write(BYTE_ORDER_MARK);
		csvLine(writer, header());
		for (List<String> row : rows) {
			csvLine(writer, row);
		}
		writer.flush();
	}

	private static void csvLine(Writer writer, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			String value = fields.get(i);
			String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
			writer.write("\"" + safe.replace("\"", "\"\"") + "\"");
		}
		writer.write("\r\n");
	}

	public void writeXlsx(List<List<String>> rows, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("台帳");
			Font bold = workbook.createFont();
			bold.setBold(true);
			var heading = workbook.createCellStyle();
			heading.setFont(bold);
			Row header = sheet.createRow(0);
			List<String> headings = header();
			for (int i = 0; i < headings.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(headings.get(i));
				cell.setCellStyle(heading);
				sheet.setColumnWidth(i, 20 * 256);
			}
			sheet.createFreezePane(1, 1);
			int people = RegisterColumn.PEOPLE.ordinal();
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<String> values = rows.get(r);
				for (int i = 0; i < values.size(); i++) {
					Cell cell = row.createCell(i);
					if (i == people && !values.get(i).isEmpty()) {
						cell.setCellValue(Double.parseDouble(values.get(i)));
					}
					else {
						cell.setCellValue(values.get(i));
					}
				}
			}
			workbook.write(out);
		}
	}

	private String label(String code) {
		return this.messages.getMessage(code, null, Locale.JAPANESE);
	}

	private static String yesNo(boolean value) {
		return value ? YES : NO;
	}

	// ------------------------------------------------------------------ reading

	/** Reads a CSV or .xlsx file: every line checked, every refusal reported. */
	Parsed read(byte[] bytes) {
		if (bytes.length == 0) {
			return Parsed.refused(ImportProblem.ofFile("register.import.empty"));
		}
		if (bytes.length > MAX_BYTES) {
			return Parsed.refused(ImportProblem.ofFile("register.import.tooLarge", MAX_BYTES / 1024 / 1024));
		}
		List<Line> lines;
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			Optional<List<Line>> workbook = workbookLines(bytes);
			if (workbook.isEmpty()) {
				return Parsed.refused(ImportProblem.ofFile("register.import.notSpreadsheet"));
			}
			lines = workbook.get();
		}
		else {
			for (byte b : bytes) {
				if (b == 0) {
					return Parsed.refused(ImportProblem.ofFile("register.import.notSpreadsheet"));
				}
			}
			Optional<String> text = TextFiles.decode(bytes);
			if (text.isEmpty()) {
				return Parsed.refused(ImportProblem.ofFile("register.import.unknownEncoding"));
			}
			lines = csvLines(text.get());
		}
		return parse(lines);
	}

	/** One line of the file: its number as a spreadsheet shows it, and its cells. */
	private record Line(int number, List<String> cells) {

		boolean blank() {
			return this.cells.stream().allMatch(String::isBlank);
		}

	}

	private Parsed parse(List<Line> all) {
		List<Line> lines = all.stream().filter(line -> !line.blank()).toList();
		if (lines.isEmpty()) {
			return Parsed.refused(ImportProblem.ofFile("register.import.empty"));
		}
		if (lines.size() - 1 > MAX_LINES) {
			return Parsed.refused(ImportProblem.ofFile("register.import.tooManyLines", MAX_LINES));
		}
		Line headerLine = lines.get(0);
		List<ImportProblem> problems = new ArrayList<>();
		Map<RegisterColumn, Integer> columns = new EnumMap<>(RegisterColumn.class);
		for (int i = 0; i < headerLine.cells().size(); i++) {
			String heading = headerLine.cells().get(i).strip();
			if (heading.isEmpty()) {
				continue;
			}
			Optional<RegisterColumn> column = RegisterColumn.ofHeader(heading);
			if (column.isEmpty()) {
				problems.add(ImportProblem.of(headerLine.number(), null, "register.import.unknownColumn", heading));
			}
			else if (columns.putIfAbsent(column.get(), i) != null) {
				problems.add(ImportProblem.of(headerLine.number(), column.get(), "register.import.duplicateColumn"));
			}
		}
		for (RegisterColumn column : RegisterColumn.values()) {
			if (!columns.containsKey(column)) {
				problems.add(ImportProblem.of(headerLine.number(), column, "register.import.missingColumn"));
			}
		}
		if (!problems.isEmpty()) {
			return new Parsed(List.of(), problems);
		}
		Map<String, ImportedSystem> systems = new LinkedHashMap<>();
		for (Line line : lines.subList(1, lines.size())) {
			Cells cells = new Cells(line, columns, problems);
			ImportedSystem system = cells.system();
			ImportedData data = cells.data();
			if (system == null || cells.refused()) {
				continue;
			}
			String key = system.name().toLowerCase(Locale.ROOT);
			ImportedSystem first = systems.get(key);
			if (first == null) {
				first = system;
				systems.put(key, first);
			}
			else if (!first.attributes().equals(system.attributes())) {
				problems.add(ImportProblem.of(line.number(), conflictingColumn(first, system),
						"register.import.conflicting", system.name(), first.line()));
				continue;
			}
			if (data != null) {
				first.dataSets().add(data);
			}
		}
		return problems.isEmpty() ? new Parsed(List.copyOf(systems.values()), List.of()) : new Parsed(List.of(), problems);
	}

	private static RegisterColumn conflictingColumn(ImportedSystem first, ImportedSystem other) {
		RegisterColumn[] order = { RegisterColumn.KIND, RegisterColumn.LOCATION, RegisterColumn.OWNER,
				RegisterColumn.VENDOR, RegisterColumn.INTERNET_FACING, RegisterColumn.BACKUP,
				RegisterColumn.BACKUP_LOCATION, RegisterColumn.NOTE };
		List<Object> a = first.attributes();
		List<Object> b = other.attributes();
		for (int i = 0; i < order.length; i++) {
			if (!Objects.equals(a.get(i), b.get(i))) {
				return order[i];
			}
		}
		return RegisterColumn.NAME;
	}

	/** A line's cells by column, each read into its type; what cannot be read is reported. */
	private final class Cells {

		private final Line line;

		private final Map<RegisterColumn, Integer> columns;

		private final List<ImportProblem> problems;

		private final int before;

		Cells(Line line, Map<RegisterColumn, Integer> columns, List<ImportProblem> problems) {
			this.line = line;
			this.columns = columns;
			this.problems = problems;
			this.before = problems.size();
			for (RegisterColumn column : RegisterColumn.values()) {
				String value = raw(column);
				if (MOJIBAKE.matcher(value).find() || MOJIBAKE_SJIS.matcher(value).find()) {
					refuse(column, "register.import.mojibake");
				}
			}
		}

		boolean refused() {
			return this.problems.size() > this.before;
		}

		ImportedSystem system() {
			String name = text(RegisterColumn.NAME);
			if (name == null) {
				refuse(RegisterColumn.NAME, "register.system.name.required");
				return null;
			}
			return new ImportedSystem(this.line.number(), name, kind(), text(RegisterColumn.LOCATION),
					text(RegisterColumn.OWNER), text(RegisterColumn.VENDOR), yes(RegisterColumn.INTERNET_FACING),
					backup(), text(RegisterColumn.BACKUP_LOCATION), text(RegisterColumn.NOTE), new ArrayList<>());
		}

		/** The line's data set; none when every data column is empty. */
		ImportedData data() {
			boolean none = Arrays.stream(RegisterColumn.values())
				.filter(RegisterColumn::dataSet)
				.allMatch(column -> raw(column).isBlank() || (isFlag(column) && NO_WORDS.contains(word(column))));
			if (none) {
				return null;
			}
			return new ImportedData(this.line.number(), text(RegisterColumn.DATA), text(RegisterColumn.ITEMS), whose(),
					text(RegisterColumn.CLIENT), people(), yes(RegisterColumn.SENSITIVE), yes(RegisterColumn.FINANCIAL),
					yes(RegisterColumn.MY_NUMBER), yes(RegisterColumn.ENCRYPTED), text(RegisterColumn.ENCRYPTION_METHOD),
					text(RegisterColumn.KEY_CUSTODY));
		}

		private boolean isFlag(RegisterColumn column) {
			return column == RegisterColumn.SENSITIVE || column == RegisterColumn.FINANCIAL
					|| column == RegisterColumn.MY_NUMBER || column == RegisterColumn.ENCRYPTED;
		}

		private SystemKind kind() {
			String value = raw(RegisterColumn.KIND).strip();
			if (value.isEmpty()) {
				refuse(RegisterColumn.KIND, "register.system.kind.required");
				return null;
			}
			return choice(SystemKind.values(), "SystemKind.", value).orElseGet(() -> {
				refuse(RegisterColumn.KIND, "register.import.unknownKind", value);
				return null;
			});
		}

		private Backup backup() {
			String value = raw(RegisterColumn.BACKUP).strip();
			if (value.isEmpty()) {
				return Backup.UNKNOWN;
			}
			return choice(Backup.values(), "Backup.", value).orElseGet(() -> {
				refuse(RegisterColumn.BACKUP, "register.import.unknownValue", value);
				return Backup.UNKNOWN;
			});
		}

		private Whose whose() {
			String value = raw(RegisterColumn.WHOSE).strip();
			if (value.isEmpty()) {
				return Whose.CUSTOMERS;
			}
			return choice(Whose.values(), "Whose.", value).orElseGet(() -> {
				refuse(RegisterColumn.WHOSE, "register.import.unknownValue", value);
				return Whose.CUSTOMERS;
			});
		}

		private Integer people() {
			String value = Normalizer.normalize(raw(RegisterColumn.PEOPLE), Normalizer.Form.NFKC)
				.strip()
				.replace(",", "")
				.replace("人", "")
				.strip();
			if (value.isEmpty()) {
				return null;
			}
			try {
				BigDecimal count = new BigDecimal(value);
				if (count.signum() >= 0 && count.compareTo(BigDecimal.valueOf(HeldData.MAX_PEOPLE)) <= 0
						&& count.stripTrailingZeros().scale() <= 0) {
					return count.intValueExact();
				}
			}
			catch (NumberFormatException | ArithmeticException ex) {
				// refused below
			}
			refuse(RegisterColumn.PEOPLE, "register.import.badCount", raw(RegisterColumn.PEOPLE), HeldData.MAX_PEOPLE);
			return null;
		}

		private boolean yes(RegisterColumn column) {
			String word = word(column);
			if (YES_WORDS.contains(word)) {
				return true;
			}
			if (!NO_WORDS.contains(word)) {
				refuse(column, "register.import.notYesNo", raw(column));
			}
			return false;
		}

		private String word(RegisterColumn column) {
			return Normalizer.normalize(raw(column), Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
		}

		/** An enum value by its Japanese label, its English label or its code. */
		private <E extends Enum<E>> Optional<E> choice(E[] values, String prefix, String value) {
			String wanted = Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
			for (E candidate : values) {
				String code = prefix + candidate.name();
				if (candidate.name().equalsIgnoreCase(wanted.replace(' ', '_').replace('-', '_'))
						|| matches(code, Locale.JAPANESE, wanted) || matches(code, Locale.ENGLISH, wanted)) {
					return Optional.of(candidate);
				}
			}
			return Optional.empty();
		}

		private boolean matches(String code, Locale locale, String wanted) {
			String label = RegisterSpreadsheet.this.messages.getMessage(code, null, code, locale);
			return Normalizer.normalize(label, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT).equals(wanted);
		}

		private String text(RegisterColumn column) {
			String value = raw(column).strip();
			return value.isEmpty() ? null : value;
		}

		/** The cell as written, without the apostrophe the export puts before what looks like a formula. */
		private String raw(RegisterColumn column) {
			int index = this.columns.get(column);
			String value = (index < this.line.cells().size()) ? this.line.cells().get(index) : "";
			if (value.length() >= 2 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
				return value.substring(1);
			}
			return value;
		}

		private void refuse(RegisterColumn column, String code, Object... arguments) {
			this.problems.add(ImportProblem.of(this.line.number(), column, code, arguments));
		}

	}

	/** RFC 4180: quoted fields may hold commas, quotes doubled and line breaks; a line's number is where it starts. */
	private static List<Line> csvLines(String text) {
		List<Line> lines = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int number = 1;
		int start = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
						number++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.toString().isBlank()) {
				cell.setLength(0);
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				lines.add(new Line(start, List.copyOf(cells)));
				cells.clear();
				number++;
				start = number;
			}
			else {
				cell.append(c);
			}
		}
		if (!cells.isEmpty() || cell.length() > 0) {
			cells.add(cell.toString());
			lines.add(new Line(start, List.copyOf(cells)));
		}
		return lines;
	}

	/** The first sheet's rows as text; empty when the file is no workbook. */
	private static Optional<List<Line>> workbookLines(byte[] bytes) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			if (workbook.getNumberOfSheets() == 0) {
				return Optional.of(List.of());
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_LINES + 1) {
				return Optional.of(tooMany());
			}
			List<Line> lines = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
					cells.add(text(row.getCell(i)));
				}
				lines.add(new Line(row.getRowNum() + 1, cells));
			}
			return Optional.of(lines);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** Enough lines to be refused as too many, without reading them. */
	private static List<Line> tooMany() {
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i <= MAX_LINES + 1; i++) {
			lines.add(new Line(i + 1, List.of("x")));
		}
		return lines;
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> cell.getBooleanCellValue() ? YES : NO;
			default -> "";
		};
	}

}
