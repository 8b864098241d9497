package jp.hikeshi.handover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text pasted from another PDF prints and copies as the ideographs that were meant; documents asked
 * for at once each come out whole, in both weights of the font.
 */
class PdfDocumentsTest {

	@Test
	void kangxiRadicalsAreWrittenAsTheirIdeographs() {
		assertThat(PdfDocuments.withoutRadicals("花\u2F26の\u2F47報")).isEqualTo("花子の日報");
		String plain = "インシデント報告書";
		assertThat(PdfDocuments.withoutRadicals(plain)).isSameAs(plain);
	}

	@Test
	void documentsAskedForAtOnceAreEachWhole() throws Exception {
		PdfDocuments documents = new PdfDocuments();
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			List<Callable<String>> renders = IntStream.range(0, 6)
				.mapToObj(n -> (Callable<String>) () -> text(documents.render(xhtml(n))))
				.toList();
			List<Future<String>> texts = threads.invokeAll(renders);
			for (int n = 0; n < texts.size(); n++) {
				assertThat(texts.get(n).get()).contains("報告書 " + n).contains("不審なメールの添付ファイルを開いた " + n);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String xhtml(int n) {
		return """
				<html xmlns="http://www.w3.org/1999/xhtml"><head><style>body { font-family: 'Noto Sans JP'; }
				strong { font-weight: 700; }</style></head>
				<body><h1><strong>報告書 %d</strong></h1><p>不審なメールの添付ファイルを開いた %d</p></body></html>
				""".formatted(n, n);
	}

	private static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
