package jp.hikeshi.handover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.text.Normalizer;
import java.util.concurrent.locks.ReentrantLock;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Turns a document's XHTML into an A4 PDF with Noto Sans JP embedded (only the glyphs used, so a
 * report stays small), its text selectable and searchable.
 * <p>
 * Parsing a 5.5 MB font takes about 0.3 s, so both fonts are parsed once and reused while PDFs
 * are being made. A parsed font reads its glyphs from a shared buffer and is not safe for two
 * documents at once, and the fonts and one document's rendering take about 50 MB of heap: so PDFs
 * are made one at a time (the next waits about half a second), and the fonts are held softly,
 * for the collector to drop once no PDF has been made for a while. With a set of fonts for each
 * processor, three people downloading the report at once ran the 128 MB heap of
 * {@code jvm.options} out of memory. Nothing is read before the first PDF: the fonts cost neither
 * start-up time nor memory on a server that never makes one.
 */
@Component
public class PdfDocuments {

	/** The family name the PDF template's CSS asks for. */
	static final String FONT_FAMILY = "Noto Sans JP";

	/** The only address the renderer may read: a PNG carried inside the document. */
	static final String EMBEDDED_PNG = "data:image/png;base64,";

	private static final char KANGXI_FIRST = '\u2F00';

	private static final char KANGXI_LAST = '\u2FD5';

	/** Held while a document is rendered: one at a time. */
	private final ReentrantLock rendering = new ReentrantLock();

	/** The parsed fonts, guarded by {@link #rendering}. */
	private SoftReference<Fonts> fonts = new SoftReference<>(null);

	public PdfDocuments() {
		XRLog.setLoggerImpl(new PdfLog());
	}

	/**
	 * The PDF of a well-formed XHTML document; nothing outside it is loaded (no URL, no file). A
	 * PNG written into it as a {@code data:} address is drawn.
	 */
	public byte[] render(String xhtml) {
		this.rendering.lock();
		try (PDDocument document = new PDDocument()) {
			Fonts fonts = fonts();
			ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePDDocument(document);
			builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.regular(), true)), FONT_FAMILY, 400,
					FontStyle.NORMAL, true);
			builder.useFont(new PDFontSupplier(PDType0Font.load(document, fonts.bold(), true)), FONT_FAMILY, 700,
					FontStyle.NORMAL, true);
			// an image written into the document itself (the wall card's QR code) is read; nothing else
			builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(EMBEDDED_PNG),
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
			builder.withProducer("Hikeshi");
			builder.withHtmlContent(withoutRadicals(xhtml), null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.rendering.unlock();
		}
	}

	/** The parsed fonts, parsed again if the collector has dropped them; under {@link #rendering}. */
	private Fonts fonts() {
		Fonts parsed = this.fonts.get();
		if (parsed == null) {
			parsed = new Fonts();
			this.fonts = new SoftReference<>(parsed);
		}
		return parsed;
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

	private static TrueTypeFont parse(byte[] bytes) {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The PDF font cannot be read", ex);
		}
	}

	/** Both weights, parsed, for one document at a time. */
	private static final class Fonts {

		private final TrueTypeFont regular;

		private final TrueTypeFont bold;

		Fonts() {
			this.regular = parse(read("fonts/NotoSansJP-Regular.ttf"));
			this.bold = parse(read("fonts/NotoSansJP-Bold.ttf"));
		}

		TrueTypeFont regular() {
			return this.regular;
		}

		TrueTypeFont bold() {
			return this.bold;
		}

	}

}
