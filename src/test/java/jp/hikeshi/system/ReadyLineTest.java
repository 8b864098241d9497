package jp.hikeshi.system;

import jp.hikeshi.setup.FirstRunSetup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's one line for a newcomer: the URL with the real port, and the set-up page when it waits. */
class ReadyLineTest {

	@Test
	void namesTheRealPortAndTheSetUpPageWhileNoAdministratorExists() {
		ReadyLine line = new ReadyLine((FirstRunSetup) null, "", "");
		assertThat(line.line(18090, false)).endsWith("http://localhost:18090/setup").contains("初期設定ページ");
		assertThat(line.line(18090, true)).endsWith("http://localhost:18090/").doesNotContain("setup");
	}

	@Test
	void prefersThePublicAddressPeopleOpenAndKeepsTheContextPath() {
		assertThat(new ReadyLine(null, "https://hikeshi.example.co.jp", "").line(8080, true))
			.endsWith("https://hikeshi.example.co.jp/");
		assertThat(new ReadyLine(null, "", "/hikeshi/").line(9000, false)).endsWith("http://localhost:9000/hikeshi/setup");
	}

}
