package jp.hikeshi.calendar;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jp.hikeshi.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The Cabinet Office file as published (Shift_JIS) and as saved again (UTF-8), and what is refused. */
class HolidayCsvTest {

	private static final String FILE = """
			国民の祝日・休日月日,国民の祝日・休日名称\r
			2026/5/5,こどもの日\r
			2026/5/6,休日\r
			""";

	private static final List<Holiday> HOLIDAYS = List.of(new Holiday(LocalDate.of(2026, 5, 5), "こどもの日"),
			new Holiday(LocalDate.of(2026, 5, 6), "休日"));

	@Test
	void readsTheShiftJisFileThePublisherServes() {
		assertThat(parse(FILE.getBytes(Charset.forName("Shift_JIS")))).isEqualTo(HOLIDAYS);
		assertThat(parse(FILE.getBytes(Charset.forName("windows-31j")))).isEqualTo(HOLIDAYS);
	}

	@Test
	void readsUtf8WithAndWithoutAByteOrderMark() {
		assertThat(parse(FILE.getBytes(StandardCharsets.UTF_8))).isEqualTo(HOLIDAYS);
		assertThat(parse(("\uFEFF" + FILE).getBytes(StandardCharsets.UTF_8))).isEqualTo(HOLIDAYS);
		assertThat(parse(FILE.replace("\r", "").getBytes(StandardCharsets.UTF_8))).isEqualTo(HOLIDAYS);
	}

	@Test
	void readsTheShippedFile() {
		assertThat(LegalDeadlinesTest.shipped().all()).hasSize(143);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no header                 | 2026/5/6,休日                                          | holidays.file.notCsv
			another header            | 日付,名前\\n2026/5/6,休日                              | holidays.file.notCsv
			header only               | 国民の祝日・休日月日,国民の祝日・休日名称\\n              | holidays.file.empty
			blank                     | '  \\n '                                               | holidays.file.empty
			a bad date                | 国民の祝日・休日月日,国民の祝日・休日名称\\n2026/2/30,休日 | holidays.file.badDate
			an ISO date               | 国民の祝日・休日月日,国民の祝日・休日名称\\n2026-05-06,休日 | holidays.file.badDate
			a year out of range       | 国民の祝日・休日月日,国民の祝日・休日名称\\n0206/5/6,休日  | holidays.file.badDate
			three cells               | 国民の祝日・休日月日,国民の祝日・休日名称\\n2026/5/6,休日,x | holidays.file.badLine
			no name                   | 国民の祝日・休日月日,国民の祝日・休日名称\\n2026/5/6,       | holidays.file.badName
			twice                     | 国民の祝日・休日月日,国民の祝日・休日名称\\n2026/5/6,休日\\n2026/5/6,休日 | holidays.file.duplicate
			""")
	void refusesWhatIsNotAHolidayList(String what, String content, String code) {
		byte[] bytes = content.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(BusinessRuleViolation.class).isThrownBy(() -> parse(bytes))
			.satisfies(refusal -> assertThat(refusal.code()).isEqualTo(code))
			.satisfies(refusal -> assertThat(refusal.field()).isEqualTo("file"));
	}

	@Test
	void theRefusalNamesTheLineAndTheDate() {
		byte[] bytes = (FILE + "2026/13/1,休日\r\n").getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(BusinessRuleViolation.class).isThrownBy(() -> parse(bytes))
			.satisfies(refusal -> assertThat(refusal.arguments()).containsExactly(4, "2026/13/1"));
	}

	@Test
	void refusesAnEmptyABinaryAndATooLargeFile() {
		assertThat(refusal(new byte[0])).isEqualTo("holidays.file.empty");
		assertThat(refusal(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13 })).isEqualTo("holidays.file.notCsv");
		// neither UTF-8 nor Windows-31J
		assertThat(refusal(new byte[] { (byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFE })).isEqualTo("holidays.file.notCsv");
		byte[] large = (FILE + "x".repeat(HolidayCsv.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
		assertThat(refusal(large)).isEqualTo("holidays.file.tooLarge");
	}

	private static List<Holiday> parse(byte[] bytes) {
		return HolidayCsv.parse(new ByteArrayInputStream(bytes));
	}

	private static String refusal(byte[] bytes) {
		try {
			parse(bytes);
			return null;
		}
		catch (BusinessRuleViolation refusal) {
			return refusal.code();
		}
	}

}
