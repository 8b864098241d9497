package jp.hikeshi.emergency.web;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.nayuki.qrcodegen.QrCode;
import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.emergency.EmergencyContacts;
import jp.hikeshi.emergency.WallCard;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The wall card as the office prints it: one A4 page with the first steps, the lead's phone and
 * the stand-in's, the vendor's and the public desks' numbers, and a QR code that is the report
 * form's address — read back from the PDF's image module by module.
 */
@IntegrationTest
class WallCardTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AccountService accounts;

	@Autowired
	EmergencyContacts contacts;

	@Autowired
	WallCard cards;

	@Autowired
	DataSource dataSource;

	UserAccount lead;

	UserAccount staff;

	String vendor;

	@BeforeEach
	void aTeamAndAVendor() {
		int n = SEQUENCE.incrementAndGet();
		this.lead = person("カード 主任" + n, "090-7000-000" + n, Role.SECURITY_LEAD);
		UserAccount deputy = person("カード 代理" + n, "03-7000-100" + n, Role.RESPONDER);
		this.staff = person("カード 従業員" + n, null, Role.REPORTER);
		// the lead is called first: ahead of every other lead the shared database holds
		this.contacts.change(this.lead.getUsername(), null,
				new EmergencyContacts.Change(1, "責任者", null, deputy.getUsername()), "test");
		this.contacts.change(deputy.getUsername(), null, new EmergencyContacts.Change(1, "代理", null, null), "test");
		// the card has room for three vendors, by name: this one comes first whatever other tests registered
		this.vendor = "0カード保守株式会社" + n + "-" + System.nanoTime();
		// the register's vendors are written by its own pages (another part of issue #14): straight into the table here
		new JdbcTemplate(this.dataSource).update("""
				insert into vendor (kind, name, incident_contact, phone, created_by, created_at, updated_by, updated_at)
				values ('IT_VENDOR', ?, '保守窓口', '0120-000-111', 'test', now(), 'test', now())""", this.vendor);
	}

	@Test
	void theCardIsOneA4PageWithTheNumbersAndTheReportAddressAsAQrCode() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/preparedness/wall-card.pdf").with(this.users.signedIn(this.staff.getUsername())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains("wall-card.pdf");
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			PDRectangle a4 = pdf.getPage(0).getMediaBox();
			assertThat(a4.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), offset(2f));
			assertThat(a4.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), offset(2f));

			String text = new PDFTextStripper().getText(pdf);
			String url = this.cards.reportUrl();
			assertThat(text.replaceAll("\\s", "")).contains("電源を切らない", "LANケーブルを抜く", "何も削除しない",
					"すぐに報告する", url, "カード主任" + SEQUENCE.get(), this.lead.getPhone(), "カード代理" + SEQUENCE.get(),
					"03-7000-100" + SEQUENCE.get(), "保守窓口", "0120-000-111", "都道府県警察のサイバー犯罪相談窓口",
					"IPA企業組織向けサイバーセキュリティ相談窓口");
			assertThat(text).doesNotContain(this.lead.getUsername());

			// the QR code: an image of qrcodegen's code for the report address, module for module
			QrCode expected = QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
			List<PDImageXObject> images = images(pdf.getPage(0));
			assertThat(images).hasSize(1);
			BufferedImage image = images.get(0).getImage();
			int modules = expected.size + 8;
			assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo(modules * 8);
			assertThat(read(image, expected.size)).isEqualTo(modulesOf(expected));
		}
	}

	@Test
	void theCardInEnglishAndThePrintPage() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/preparedness/wall-card.pdf").param("language", "en")
				.with(this.users.signedIn(this.staff.getUsername())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("Content-Disposition")).contains("wall-card-en.pdf");
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Do not switch it off", "Pull the network cable", "Do not delete anything",
					"Report at once", this.lead.getPhone(), "0120-000-111", "Prefectural police cyber-crime desks");
		}

		// the print page: the same card, a print button for the script, the QR code as a data: image (CSP: img-src data:)
		String page = this.mvc
			.perform(get("/preparedness/wall-card").with(this.users.signedIn(this.staff.getUsername()))
				.locale(Locale.JAPANESE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("緊急時カード", "電源を切らない", "data-print", "/js/print.js",
				"src=\"data:image/png;base64,", this.cards.reportUrl(), this.lead.getPhone(),
				"/preparedness/wall-card.pdf?language=ja");
		assertThat(page).doesNotContain("style=\"");
	}

	private static List<PDImageXObject> images(PDPage page) throws Exception {
		List<PDImageXObject> images = new ArrayList<>();
		for (COSName name : page.getResources().getXObjectNames()) {
			PDXObject object = page.getResources().getXObject(name);
			if (object instanceof PDImageXObject image) {
				images.add(image);
			}
		}
		return images;
	}

	/** The modules read back from the image (the centre pixel of each), inside the quiet zone of four. */
	private static boolean[][] read(BufferedImage image, int size) {
		int scale = image.getWidth() / (size + 8);
		boolean[][] modules = new boolean[size][size];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				modules[y][x] = (image.getRGB((x + 4) * scale + scale / 2, (y + 4) * scale + scale / 2)
						& 0xFFFFFF) < 0x808080;
			}
		}
		return modules;
	}

	private static boolean[][] modulesOf(QrCode code) {
		boolean[][] modules = new boolean[code.size][code.size];
		for (int y = 0; y < code.size; y++) {
			for (int x = 0; x < code.size; x++) {
				modules[y][x] = code.getModule(x, y);
			}
		}
		return modules;
	}

	private UserAccount person(String displayName, String phone, Role role) {
		return this.accounts.create(new CreateAccount("card" + SEQUENCE.get() + "-" + System.nanoTime() % 1000000,
				new Profile(displayName, "総務部", null, phone), EnumSet.of(role), CompletedSetup.PASSWORD), "test");
	}

}
