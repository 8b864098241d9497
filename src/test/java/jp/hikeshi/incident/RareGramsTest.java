package jp.hikeshi.incident;

import java.time.Instant;
import java.util.List;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestDatabaseConfiguration.DatabaseOwner;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grams the search asks the gram index for: those search_text_grams (V49) makes, and of
 * them the rarest by the index's statistics (V53), which the application's role reads through
 * the owner's function.
 */
@IntegrationTest
class RareGramsTest {

	@Autowired
	RareGrams rareGrams;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DatabaseOwner owner;

	@Test
	void theGramsAreThoseTheDatabaseMakes() {
		for (String words : List.of("メ", "紛失", "ランサムウェア", "inc-2025-666668", "𠮷野家", "𠮷", "1\n行", "a b", "\\%_")) {
			String[] made = this.jdbc.queryForObject("select search_text_grams(?)",
					(row, n) -> (String[]) row.getArray(1).getArray(), words);
			assertThat(RareGrams.grams(words)).as(words).containsExactly(made);
		}
	}

	@Test
	void theRarestGramsAreAskedFor() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		// every incident holds 一二三, half of them 三四 too, one of them 一二三四五
		for (int i = 0; i < 20; i++) {
			String title = "一二三" + (i % 2 == 0 ? "の件 三四" : "の件") + (i == 7 ? " 一二三四五" : "");
			this.incidents.report(new Incident.Report(title, "拠点の回線", Instant.parse("2025-03-03T01:30:00Z"),
					"営業PC-11", StillHappening.NO, null, null, null), new Actor(reporter.getUsername(), reporter.getRoles()));
		}
		// ANALYZE is the owner's (the application's role may not); its statistics are read through V53
		this.owner.jdbc().execute("analyze incident");
		this.rareGrams.forget();
		// (other tests' incidents make every share smaller, and may leave 三四 as rare as 四五)
		assertThat(this.rareGrams.of("一二三四五")).containsExactlyInAnyOrder("四五", "三四", "一二");
		// three grams or fewer are all asked for
		assertThat(this.rareGrams.of("一二三四")).containsExactly("一二", "二三", "三四");
		assertThat(this.rareGrams.of("一")).containsExactly("一");
		// the share of incidents holding the words is told for one gram only: 一二 is in every one of
		// these twenty, a share of all incidents above nothing; for 一二三 its grams say too little
		assertThat(this.rareGrams.shareOf("一二")).isGreaterThan(0f)
			.isEqualTo(this.rareGrams.shareOf("二三"));
		assertThat(this.rareGrams.shareOf("一二三")).isZero();
		assertThat(this.rareGrams.shareOf("一二三四五六")).isZero();
	}

}
