package jp.hikeshi.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jp.hikeshi.desk.PublicDesks.Desk;
import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The desks of DOMAIN.md §7 ship with the application, and other modules ask for those serving a duty. */
@IntegrationTest
class PublicDesksTest {

	private static final LocalDate SHIPPED_CHECKED = LocalDate.of(2026, 11, 29);

	@Autowired
	PublicDesks desks;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDesksOfTheGuideAreThereEachWithTheDayItWasChecked() {
		assertThat(this.jdbc.queryForList("select code from public_desk order by id", String.class)).containsExactly(
				"IPA_CONSULT", "IPA_FILING", "POLICE_CYBER", "POLICE_LOCAL", "PPC_REPORT", "PPC_DIAL", "JPCERT",
				"NISC_GUIDANCE");
		assertThat(this.jdbc.queryForObject("select count(*) from public_desk where last_checked_on is null", Long.class))
			.isZero();

		Desk consult = desk("IPA_CONSULT", Locale.JAPANESE);
		assertThat(consult.name()).isEqualTo("IPA 企業組織向けサイバーセキュリティ相談窓口");
		assertThat(consult.email()).isEqualTo("cs-support@ipa.go.jp");
		assertThat(consult.link()).isEqualTo("https://www.ipa.go.jp/security/support/soudan.html");
		assertThat(consult.address()).isEqualTo("www.ipa.go.jp/security/support/soudan.html");
		assertThat(consult.purpose()).contains("情報セキュリティ安心相談窓口");
	}

	@Test
	void theDesksServingADutyComeInTheReadersLanguage() {
		List<Desk> japanese = this.desks.serving("PPC", Locale.JAPANESE);
		assertThat(japanese).extracting(Desk::code).containsExactly("PPC_REPORT", "PPC_DIAL");
		Desk dial = japanese.get(1);
		assertThat(dial.name()).isEqualTo("個人情報保護法相談ダイヤル");
		assertThat(dial.phone()).isEqualTo("03-6457-9849");
		assertThat(dial.phoneLink()).isEqualTo("tel:0364579849");
		assertThat(dial.hours()).isEqualTo("平日 9:30〜17:30");
		assertThat(dial.checked()).isEqualTo("2026年11月29日");
		assertThat(dial.checkedOn()).isEqualTo(SHIPPED_CHECKED);

		Desk english = this.desks.serving("MYNUMBER", Locale.ENGLISH).get(1);
		assertThat(english.name()).isEqualTo("Personal Information Protection Act helpline");
		assertThat(english.hours()).isEqualTo("Weekdays 9:30–17:30");
		assertThat(english.checked()).isEqualTo("29 Nov 2026");

		assertThat(this.desks.serving("POLICE", Locale.JAPANESE)).extracting(Desk::code)
			.containsExactly("POLICE_CYBER", "POLICE_LOCAL");
		assertThat(this.desks.serving("DISCLOSURE", Locale.JAPANESE)).extracting(Desk::code)
			.containsExactly("NISC_GUIDANCE");
		assertThat(this.desks.serving("EU", Locale.JAPANESE)).isEmpty();
	}

	@Test
	void aDutyNoDeskCanServeIsAMistakeNotAnEmptyList() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.desks.serving("ppc", Locale.JAPANESE));
	}

	@Test
	void linksOnlyEverGoOverHttp() {
		assertThat(Links.link("www.example.jp/a")).isEqualTo("https://www.example.jp/a");
		assertThat(Links.link("http://www.example.jp/a")).isEqualTo("http://www.example.jp/a");
		assertThat(Links.link("javascript:alert(1)")).startsWith("https://");
		assertThat(Links.address("HTTPS://www.example.jp/")).isEqualTo("www.example.jp/");
		assertThat(Links.phoneLink("＋81 (3) 6457-9849")).isEqualTo("tel:+81364579849");
		assertThat(Links.phoneLink("#9110")).isEqualTo("tel:%239110");
		assertThat(Links.phoneLink(null)).isNull();
	}

	private Desk desk(String code, Locale locale) {
		return this.desks.all(locale).stream().filter(desk -> desk.code().equals(code)).findFirst().orElseThrow();
	}

}
