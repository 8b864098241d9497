package jp.hikeshi.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The holidays on a real PostgreSQL: the shipped file fills the table once, an administrator's
 * file replaces the years it covers and counts at once, and a refused file changes nothing.
 * Tests that change 2027 put the shipped 2027 back, since the context (and database) is shared.
 */
@IntegrationTest
class HolidayAdminWebTest {

	private static final String HEADER = "国民の祝日・休日月日,国民の祝日・休日名称\r\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	HolidayCalendar calendar;

	@Autowired
	HolidayStore store;

	@Autowired
	LegalDeadlines deadlines;

	@Autowired
	TestUsers users;

	@AfterEach
	void putTheShipped2027Back() throws IOException {
		if (!this.deadlines.isClosed(LocalDate.of(2027, 3, 22)) || this.deadlines.isClosed(LocalDate.of(2027, 6, 15))) {
			this.calendar.replace(null, new ByteArrayInputStream(shipped2027().getBytes(StandardCharsets.UTF_8)),
					"test");
		}
	}

	@Test
	void theShippedHolidaysFillTheTableOnce() throws IOException {
		assertThat(this.jdbc.queryForObject(
				"select count(*) from public_holiday where day between '2020-01-01' and '2027-12-31'", Integer.class))
			.isEqualTo(143);
		try (InputStream in = new ClassPathResource(HolidayCalendar.SHIPPED_FILE).getInputStream()) {
			assertThat(this.store.fill(HolidayCsv.parse(in))).isZero();
		}
		assertThat(this.deadlines.coveredUntil()).isEqualTo("2027-12-31");
		assertThat(this.deadlines.isClosed(LocalDate.of(2026, 9, 22))).isTrue();
	}

	@Test
	void thePageListsTheYearsHeldAndEachYearsHolidays() throws Exception {
		this.mvc.perform(get("/admin/holidays").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2020年から2027年までの祝日を保持しています")))
			.andExpect(content().string(containsString("2026年9月22日（火）")))
			.andExpect(content().string(containsString("スポーツの日")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
	}

	@Test
	void aShiftJisFileReplacesTheYearsItCoversAndCountsAtOnce() throws Exception {
		// 2027 as a corrected list might read: 3/22 gone, a new day in June
		String file = HEADER + shipped2027Rows().replace("2027/3/22,休日\r\n", "") + "2027/6/15,テストの日\r\n";
		this.mvc.perform(upload("syukujitsu.csv", file.getBytes(Charset.forName("windows-31j"))))
			.andExpect(redirectedUrl("/admin/holidays"))
			.andExpect(flash().attribute("notice", Notice.of("holidays.replaced", 2027, 2027, 17)));
		assertThat(this.deadlines.isClosed(LocalDate.of(2027, 6, 15))).isTrue();
		assertThat(this.deadlines.isClosed(LocalDate.of(2027, 3, 22))).isFalse();
		assertThat(this.jdbc.queryForObject("select source from public_holiday where day = '2027-06-15'", String.class))
			.isEqualTo("UPLOADED");
		// the other years are untouched
		assertThat(this.deadlines.isClosed(LocalDate.of(2026, 5, 6))).isTrue();
		assertThat(this.jdbc.queryForList(
				"select action from audit_event where actor = ? and subject = '2027–2027' order by id desc",
				String.class, CompletedSetup.ADMIN)).first().isEqualTo("HOLIDAYS_REPLACED");
		assertThat(this.calendar.uploads().get(0)).satisfies(upload -> {
			assertThat(upload.uploadedBy()).isEqualTo(CompletedSetup.ADMIN);
			assertThat(upload.firstYear()).isEqualTo(2027);
			assertThat(upload.holidayCount()).isEqualTo(17);
			assertThat(upload.fileName()).isEqualTo("syukujitsu.csv");
		});
		this.mvc.perform(get("/admin/holidays").with(admin()))
			.andExpect(content().string(containsString("テストの日")))
			.andExpect(content().string(containsString("2027年〜2027年")));
		// a restart fills nothing back into a year an administrator replaced
		try (InputStream in = new ClassPathResource(HolidayCalendar.SHIPPED_FILE).getInputStream()) {
			assertThat(this.store.fill(HolidayCsv.parse(in))).isZero();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from public_holiday where day = '2027-03-22'",
				Integer.class)).isZero();
	}

	@Test
	void aUtf8FileWithAByteOrderMarkIsTakenToo() throws Exception {
		String file = "\uFEFF" + HEADER + shipped2027Rows() + "2027/6/15,テストの日\r\n";
		this.mvc.perform(upload("holidays.csv", file.getBytes(StandardCharsets.UTF_8)))
			.andExpect(redirectedUrl("/admin/holidays"));
		assertThat(this.deadlines.isClosed(LocalDate.of(2027, 6, 15))).isTrue();
	}

	@Test
	void aRefusedFileComesBackWithItsReasonBesideTheFieldAndNothingIsSaved() throws Exception {
		long holidays = count("public_holiday");
		long uploads = count("holiday_upload");
		refused("a.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 }, "holidays.file.notCsv");
		refused("a.csv", (HEADER + "2027/2/30,休日\r\n").getBytes(StandardCharsets.UTF_8), "holidays.file.badDate");
		refused("a.csv", new byte[0], "holidays.file.empty");
		refused("a.csv", (HEADER + "x".repeat(HolidayCsv.MAX_BYTES)).getBytes(StandardCharsets.UTF_8),
				"holidays.file.tooLarge");
		refused("a.csv", (HEADER + "2030/1/1,元日\r\n").getBytes(StandardCharsets.UTF_8), "holidays.file.notAdjoining");
		refused("a.csv", (HEADER + "2026/1/1,元日\r\n2028/1/1,元日\r\n").getBytes(StandardCharsets.UTF_8),
				"holidays.file.yearMissing");
		// no file chosen
		MvcResult none = this.mvc.perform(multipart("/admin/holidays").with(csrf()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("upload", "file", "holidays.file.required"))
			.andReturn();
		assertThat(FormPage.of(none).errorAt("file")).isEqualTo(said(none));
		assertThat(count("public_holiday")).isEqualTo(holidays);
		assertThat(count("holiday_upload")).isEqualTo(uploads);
		assertThat(this.deadlines.isClosed(LocalDate.of(2027, 3, 22))).isTrue();
	}

	private void refused(String name, byte[] content, String code) throws Exception {
		MvcResult result = this.mvc.perform(upload(name, content))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("upload", "file", code))
			.andReturn();
		assertThat(FormPage.of(result).errorAt("file")).as(code).isEqualTo(said(result)).isNotBlank();
	}

	private String said(MvcResult result) {
		BindingResult errors = (BindingResult) result.getModelAndView()
			.getModel()
			.get(BindingResult.MODEL_KEY_PREFIX + "upload");
		return this.messages.getMessage(errors.getFieldError("file"), Locale.JAPANESE);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private RequestBuilder upload(String name, byte[] content) {
		return multipart("/admin/holidays").file(new MockMultipartFile("file", name, "text/csv", content))
			.with(csrf())
			.with(admin());
	}

	private RequestPostProcessor admin() {
		return this.users.signedIn(CompletedSetup.ADMIN);
	}

	private static String shipped2027() throws IOException {
		return HEADER + shipped2027Rows();
	}

	private static String shipped2027Rows() throws IOException {
		StringBuilder rows = new StringBuilder();
		try (InputStream in = new ClassPathResource(HolidayCalendar.SHIPPED_FILE).getInputStream()) {
			HolidayCsv.parse(in)
				.stream()
				.filter(holiday -> holiday.day().getYear() == 2027)
				.forEach(holiday -> rows.append(holiday.day().getYear())
					.append('/')
					.append(holiday.day().getMonthValue())
					.append('/')
					.append(holiday.day().getDayOfMonth())
					.append(',')
					.append(holiday.name())
					.append("\r\n"));
		}
		return rows.toString();
	}

}
