package jp.hikeshi.handover;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The required-items record as an Excel workbook in the layout of the guide's table: a title,
 * then 項目 | 内容, one row per item, wrapped text, ready to print on A4.
 */
public final class RecordWorkbook {

	private RecordWorkbook() {
	}

	public static void write(String title, String itemHeading, String contentHeading, List<RecordRows.Row> rows,
			OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(safeSheetName(title));
			sheet.setColumnWidth(0, 28 * 256);
			sheet.setColumnWidth(1, 90 * 256);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);

			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle titleStyle = workbook.createCellStyle();
			Font titleFont = workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 14);
			titleStyle.setFont(titleFont);
			CellStyle heading = bordered(workbook.createCellStyle());
			heading.setFont(bold);
			heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			CellStyle label = bordered(workbook.createCellStyle());
			label.setFont(bold);
			label.setVerticalAlignment(VerticalAlignment.TOP);
			label.setWrapText(true);
			CellStyle content = bordered(workbook.createCellStyle());
			content.setVerticalAlignment(VerticalAlignment.TOP);
			content.setWrapText(true);

			cell(sheet.createRow(0), 0, title, titleStyle);
			Row header = sheet.createRow(2);
			cell(header, 0, itemHeading, heading);
			cell(header, 1, contentHeading, heading);
			int index = 3;
			for (RecordRows.Row row : rows) {
				Row line = sheet.createRow(index++);
				cell(line, 0, row.label(), label);
				cell(line, 1, row.content(), content);
				// rows grow with their lines; Excel does not do this by itself for wrapped text
				line.setHeightInPoints(Math.max(1, row.content().split("\n", -1).length) * 15f + 4f);
			}
			workbook.write(out);
		}
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static CellStyle bordered(CellStyle style) {
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		return style;
	}

	/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
	private static String safeSheetName(String title) {
		String name = title.replaceAll("[:\\\\/?*\\[\\]]", " ");
		return name.length() > 31 ? name.substring(0, 31) : name;
	}

}
