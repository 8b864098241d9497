package jp.hikeshi.handover;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Turns a document's XHTML into an A4 PDF with Noto Sans JP embedded (only the glyphs used, so
 * a report stays small), its text selectable. The font files are read once: parsing them is
 * then the only per-document cost of the fonts.
 */
@Component
public class PdfDocuments {

	/** The family name the PDF template's CSS asks for. */
	static final String FONT_FAMILY = "Noto Sans JP";

	private static final char KANGXI_FIRST = '\u2F00';

	private static final char KANGXI_LAST = '\u2FD5';

	private final byte[] regular = read("fonts/NotoSansJP-Regular.ttf");

	private final byte[] bold = read("fonts/NotoSansJP-Bold.ttf");

	/** The PDF of a well-formed XHTML document; nothing outside it is loaded (no URL, no file). */
	public byte[] render(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(() -> new ByteArrayInputStream(this.regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> new ByteArrayInputStream(this.bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.withProducer("Hikeshi");
		builder.withHtmlContent(withoutRadicals(xhtml), null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Text pasted from another PDF often carries Kangxi radicals (⽇ U+2F47) where the ideograph
	 * (日 U+65E5) was meant; the shipped font maps them no more (fonts/README.md), so they are
	 * written as the ideograph they stand for.
	 */
	static String withoutRadicals(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= KANGXI_FIRST && c <= KANGXI_LAST) {
				if (out == null) {
					out = new StringBuilder(text.length()).append(text, 0, i);
				}
				out.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return (out == null) ? text : out.toString();
	}

	private static byte[] read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The PDF font " + path + " is missing from the build", ex);
		}
	}

}
