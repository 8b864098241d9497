package jp.hikeshi.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.GenericPlan;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.StatementCounter;
import jp.hikeshi.test.TestDatabaseConfiguration.DatabaseOwner;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's text search, through the newest incidents or through the gram index (V49), finds
 * exactly what a plain substring search of the lowered title, description and reference finds:
 * the same incidents, newest first, page by page, counted up to the same bound. The plain search
 * is written here with strpos, so that it shares no code (nor LIKE's escaping) with the list.
 */
@IntegrationTest
@Import(StatementCounter.class)
class TextSearchTest {

	private static final List<String> WORDS = List.of("メ", "メール", "盗", "炎", "紛失", "ログ", "火災", "ランサムウェア",
			"請求書メール", "不審な接続元", "vpn", "VPN", "ｖｐｎ", "ＶＰＮ", "emotet", "WINDOWS", "ｗｉｎｄｏｗｓ", "phishing",
			"12345", "%", "100%", "_", "under_score", "\\", "c:\\temp", "1\n行", "ル\nメ", "  メール  ", "Σ", "σ", "ß",
			"ﾊﾝ", "inc-", "", "   ", "ー", "・", "。", "々", "2", "-", "１２", "k", "\u212A", "i", "ｶﾞ", "𠮷野", "野家");

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	StatementCounter statements;

	@Autowired
	RareGrams rareGrams;

	@Autowired
	DatabaseOwner owner;

	private Actor lead;

	private String reference;

	@BeforeEach
	void aVariedRegister() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		this.lead = actor(this.users.create(Role.SECURITY_LEAD));
		String[][] reports = { { "不審なメールの添付ファイル", "経理部のPCに画面が表示された" },
				{ "ＶＰＮ装置への不正ログイン", "Ｗｉｎｄｏｗｓ Update が未適用" }, { "VPN Emotet", "mixed CASE windows PHISHING" },
				{ "100% 完了", "under_score and back\\slash c:\\temp" }, { "請求書メール", "行1\n行2 メモ" },
				{ "ランサムウェア感染の疑い", "端末番号 12345" }, { "USBメモリの紛失", "端末番号 112345x" },
				{ "社用スマートフォンの盗難", "ﾊﾝｶｸｶﾅ と 全角ＡＢＣ" }, { "Ωmega ΣΑΣ", "Straße İstanbul" },
				{ "タイトルの末尾はル", "メで始まる説明" }, { "不審な接続", "元の端末" },
				{ "温度 300\u212A・ケルビン", "佐々木さんの端末 １２台、ﾊﾟｿｺﾝ。𠮷野家" } };
		Incident last = null;
		for (String[] report : reports) {
			last = this.incidents.report(new Incident.Report(report[0], report[1], Instant.parse("2025-03-03T01:30:00Z"),
					"営業PC-11", StillHappening.NO, null, null, null), actor(reporter));
		}
		this.reference = last.getReference();
		// statistics of the gram index, so that the rarest grams are asked for (V53)
		this.owner.jdbc().execute("analyze incident");
		this.rareGrams.forget();
	}

	@Test
	void everyWayFindsWhatThePlainSubstringSearchFinds() {
		List<String> words = new ArrayList<>(WORDS);
		words.add(this.reference);
		words.add(this.reference.toLowerCase(Locale.ROOT));
		words.add(this.reference.substring(this.reference.length() - 3));
		for (String text : words) {
			for (IncidentState state : new IncidentState[] { null, IncidentState.REPORTED }) {
				IncidentSearch search = new IncidentSearch(state, null, null, null, null, text);
				List<Long> expected = plainSearch(state, text);
				// read newest first: one incident, then a few, more, all of them; counted up to 3 and to 1,000
				for (int newest : new int[] { 1, 4, 25, 90, 5000 }) {
					for (int bound : new int[] { 3, 1000 }) {
						for (int page = 0; page < 4; page++) {
							assertPage(search, expected, PageRequest.of(page, 2), bound, newest);
						}
						assertPage(search, expected, PageRequest.of(0, 50), bound, newest);
					}
				}
			}
		}
	}

	@Test
	void theGramIndexServesTheSearchAsTheApplicationWritesIt() {
		// an absent word: the newest incident does not hold it, so the index is asked
		IncidentSearch absent = new IncidentSearch(null, null, null, null, null, "標的型攻撃" + UUID.randomUUID());
		this.statements.reset();
		this.incidents.listPage(absent, this.lead, PageRequest.of(0, 50), 1000, 1);
		List<String> indexed = this.statements.statements().stream()
			.filter(sql -> sql.contains("incident_text_holds"))
			.toList();
		assertThat(indexed).isNotEmpty();
		for (String sql : indexed) {
			// its generic plan (the words unknown), sequential scans priced out: the index can serve it
			String plan = this.transactions.execute(status -> GenericPlan.of(this.jdbc, sql, true));
			assertThat(plan).as(sql).contains("incident_text_grams_idx");
		}
	}

	@Test
	void aWordManyOlderIncidentsHoldIsReadForNewestFirstThoughTheNewestHoldNone() {
		// thirty older incidents hold 鰻, the two hundred newest none: ANALYZE's share of 鰻 says the
		// newest ones worth reading should hold the count's bound, so the index is not asked
		UserAccount reporter = this.users.create(Role.REPORTER);
		for (int i = 0; i < 230; i++) {
			String title = (i < 30) ? "鰻の養殖場の端末 " + i : "取引先からの問い合わせ " + i;
			this.incidents.report(new Incident.Report(title, "拠点の回線", Instant.parse("2025-03-03T01:30:00Z"),
					"営業PC-11", StillHappening.NO, null, null, null), actor(reporter));
		}
		this.owner.jdbc().execute("analyze incident");
		this.rareGrams.forget();
		assertThat(this.rareGrams.shareOf("鰻")).isGreaterThan(0f);
		IncidentSearch search = new IncidentSearch(null, null, null, null, null, "鰻");
		this.statements.reset();
		assertPage(search, plainSearch(null, "鰻"), PageRequest.of(0, 2), 3, 5000);
		assertThat(this.statements.statements()).noneMatch(sql -> sql.contains("incident_text_holds"));
		for (int page = 0; page < 16; page++) {
			assertPage(search, plainSearch(null, "鰻"), PageRequest.of(page, 2), 1000, 5000);
		}
	}

	@Test
	void aWordTheNewestHoldNoneOfIsLookedForInTheIndexWindowByWindowOfTime() {
		// half of two hundred older incidents hold 窓口, one in twenty 鍵, the hundred newest neither:
		// the index is asked for the page's matches before the newest read in windows of time, not
		// for every candidate ordered; every page and count is the plain search's
		UserAccount reporter = this.users.create(Role.REPORTER);
		for (int i = 0; i < 300; i++) {
			String title = (i >= 200) ? "取引先からの問い合わせ " + i : ((i % 2 == 0) ? "窓口の端末 " : "支店の回線 ") + i;
			String description = (i < 200 && i % 20 == 0) ? "鍵の管理簿" : "拠点の回線";
			this.incidents.report(new Incident.Report(title, description, Instant.parse("2025-03-03T01:30:00Z"),
					"営業PC-11", StillHappening.NO, null, null, null), actor(reporter));
		}
		this.owner.jdbc().execute("analyze incident");
		this.rareGrams.forget();
		assertThat(this.rareGrams.rarestShare("窓口")).isGreaterThan(0f);
		// more matches than the count's bound: the index is asked for candidates in any order once,
		// then for the page window by window, never for every candidate ordered
		IncidentSearch windowed = new IncidentSearch(null, null, null, null, null, "窓口");
		this.statements.reset();
		assertPage(windowed, plainSearch(null, "窓口"), PageRequest.of(0, 2), 3, 30);
		List<String> indexed = indexStatements();
		assertThat(indexed).filteredOn(sql -> !sql.contains("order by")).hasSize(1);
		assertThat(indexed).filteredOn(sql -> sql.contains("order by")).isNotEmpty()
			.allMatch(sql -> sql.contains("reported_at<") && sql.contains("reported_at>="));
		// fewer: the candidates in any order are every match, which only need ordering
		IncidentSearch rare = new IncidentSearch(null, null, null, null, null, "鍵の管理簿");
		this.statements.reset();
		assertPage(rare, plainSearch(null, "鍵の管理簿"), PageRequest.of(0, 2), 1000, 30);
		assertThat(indexStatements()).hasSize(1).noneMatch(sql -> sql.contains("order by"));
		for (String text : List.of("窓口", "窓", "鍵", "鍵の管理簿", "支店", "取引先", "の")) {
			IncidentSearch search = new IncidentSearch(null, null, null, null, null, text);
			List<Long> expected = plainSearch(null, text);
			for (int newest : new int[] { 30, 300, 3000 }) {
				for (int bound : new int[] { 3, 20, 1000 }) {
					for (int page = 0; page < 4; page++) {
						assertPage(search, expected, PageRequest.of(page, 2), bound, newest);
					}
					assertPage(search, expected, PageRequest.of(0, 50), bound, newest);
					assertPage(search, expected, PageRequest.of(2, 50), bound, newest);
				}
			}
		}
	}

	private List<String> indexStatements() {
		return this.statements.statements().stream().filter(sql -> sql.contains("incident_text_holds")).toList();
	}

	private void assertPage(IncidentSearch search, List<Long> expected, PageRequest request, int countedUpTo, int newest) {
		IncidentService.ListPage found = this.incidents.listPage(search, this.lead, request, countedUpTo, newest);
		String why = "「" + search.text() + "」 " + request + ", counted up to " + countedUpTo + ", newest " + newest;
		int bound = (int) Math.max(countedUpTo, request.getOffset() + request.getPageSize()) + 1;
		int from = (int) Math.min(request.getOffset(), expected.size());
		int to = (int) Math.min(request.getOffset() + request.getPageSize(), expected.size());
		assertThat(found.page().getContent()).as(why).extracting(Incident::getId).containsExactlyElementsOf(expected.subList(from, to));
		assertThat(found.countStopped()).as(why).isEqualTo(expected.size() >= bound);
		assertThat(found.page().getTotalElements()).as(why).isEqualTo(Math.min(expected.size(), bound));
	}

	/** Every incident (drills aside) holding the trimmed, lowered words, newest first. */
	private List<Long> plainSearch(IncidentState state, String text) {
		String words = text.trim().toLowerCase(Locale.ROOT);
		return this.jdbc.queryForList("""
				select id from incident
				where not drill and (cast(? as varchar) is null or state = ?)
				  and (strpos(lower(title), ?) > 0 or strpos(lower(description), ?) > 0 or strpos(lower(reference), ?) > 0)
				order by reported_at desc, id desc""", Long.class, state == null ? null : state.name(),
				state == null ? null : state.name(), words, words, words);
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), account.getRoles());
	}

}
