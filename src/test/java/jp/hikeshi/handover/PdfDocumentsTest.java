package jp.hikeshi.handover;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text pasted from another PDF prints and copies as the ideographs that were meant. */
class PdfDocumentsTest {

	@Test
	void kangxiRadicalsAreWrittenAsTheirIdeographs() {
		assertThat(PdfDocuments.withoutRadicals("花\u2F26の\u2F47報")).isEqualTo("花子の日報");
		String plain = "インシデント報告書";
		assertThat(PdfDocuments.withoutRadicals(plain)).isSameAs(plain);
	}

}
