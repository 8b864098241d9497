package jp.hikeshi.handover;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV that Excel opens correctly in Japanese: UTF-8 with a byte-order mark, CRLF line ends,
 * every field quoted. A field that Excel would take for a formula (= + - @, tab, CR) is
 * prefixed with an apostrophe, so an incident title cannot run code on the reader's machine.
 */
public final class CsvExport {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private CsvExport() {
	}

	/** The mark and the header written, the rows to follow one by one (an export too long to hold). */
	public static Lines start(List<String> header, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write(BYTE_ORDER_MARK);
		line(writer, header);
		return new Lines(writer);
	}

	/** The rows of a CSV being written. */
	public static final class Lines {

		private final Writer writer;

		private Lines(Writer writer) {
			this.writer = writer;
		}

		public void add(List<String> row) throws IOException {
			line(this.writer, row);
		}

		public void finish() throws IOException {
			this.writer.flush();
		}

	}

	private static void line(Writer writer, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(quote(fields.get(i)));
		}
		writer.write("\r\n");
	}

	static String quote(String value) {
		if (value == null) {
			return "\"\"";
		}
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
