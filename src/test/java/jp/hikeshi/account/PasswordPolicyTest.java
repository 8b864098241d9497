package jp.hikeshi.account;

import jp.hikeshi.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@ParameterizedTest(name = "{0} -> {2}")
	@CsvSource({
			"short-pass1,          hanako, password.tooShort",
			"'',                   hanako, password.tooShort",
			"hanako-is-my-name,    hanako, password.containsUsername",
			"my-HANAKO-password,   hanako, password.containsUsername",
			"Password1234,         hanako, password.common",
			"1q2w3e4r5t6y,         hanako, password.common",
			"aaaaaaaaaaaabbbb,     hanako, password.tooSimple",
			// not on the list, but a word, a year and symbols: guessed in about 10^8 tries
			"Summer2026!!!,        hanako, password.guessable",
			"Winter2025!!,         hanako, password.guessable",
			"P@ssw0rd2026!,        hanako, password.guessable",
			"exactly12chr,         hanako, password.guessable",
			"Hikeshi2026!!,        hanako, password.guessable" })
	void refuses(String password, String username, String code) {
		assertThatThrownBy(() -> this.policy.check(password, username)).isInstanceOf(BusinessRuleViolation.class)
			.hasMessage(code)
			.extracting(ex -> ((BusinessRuleViolation) ex).field())
			.isEqualTo("password");
	}

	@Test
	void refusesWhatBcryptCannotRead() {
		// 25 Japanese characters are 75 bytes in UTF-8; bcrypt reads only 72.
		String longJapanese = "火消しは中小企業のインシデント対応を手伝うための道具です。";
		assertThatThrownBy(() -> this.policy.check(longJapanese, "hanako")).hasMessage("password.tooLong");
	}

	@Test
	void refusesNull() {
		assertThatThrownBy(() -> this.policy.check(null, "hanako")).hasMessage("password.tooShort");
	}

	@ParameterizedTest
	@CsvSource({ "tall-Lighthouse-keeps-41", "kq8-Vrw3-zPx", "夜明けの灯台は三つ目の岬にある" })
	void acceptsALongUncommonPassword(String password) {
		assertThatCode(() -> this.policy.check(password, "hanako")).doesNotThrowAnyException();
	}

}
