package jp.hikeshi.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.nulabinc.zxcvbn.Zxcvbn;

import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 12 characters, at most 72 bytes (bcrypt reads no further),
 * not the user name or containing it, not one of the common passwords shipped with the app,
 * not the same few characters over and over, and not guessable in fewer than
 * 10<sup>{@value #MIN_GUESSES_LOG10}</sup> tries as zxcvbn estimates it (its offline dictionaries of
 * passwords, words and names, with years, dates, keyboard patterns and l33t spellings):
 * {@code Summer2026!!!} is about 10<sup>8</sup>, three unrelated words well over 10<sup>12</sup>.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_BYTES = 72;

	private static final int MIN_DISTINCT_CHARACTERS = 4;

	/** zxcvbn's "very unguessable" (score 4): out of reach of an offline attack on a leaked bcrypt hash. */
	static final int MIN_GUESSES_LOG10 = 10;

	/** Words anyone attacking this installation would try first. */
	private static final List<String> PRODUCT_WORDS = List.of("hikeshi", "火消し", "incident", "security");

	private final Set<String> commonPasswords;

	PasswordPolicy() {
		this.commonPasswords = load("security/common-passwords.txt");
	}

	/**
	 * @throws BusinessRuleViolation on the {@code password} field when the password breaks a rule
	 */
	public void check(String password, String username) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw violation("password.tooShort", MIN_LENGTH);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw violation("password.tooLong", MAX_BYTES);
		}
		String lowered = password.toLowerCase(Locale.ROOT);
		if (username != null && !username.isBlank() && lowered.contains(username.toLowerCase(Locale.ROOT))) {
			throw violation("password.containsUsername");
		}
		if (this.commonPasswords.contains(lowered)) {
			throw violation("password.common");
		}
		if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
			throw violation("password.tooSimple");
		}
		List<String> known = new ArrayList<>(PRODUCT_WORDS);
		if (username != null && !username.isBlank()) {
			known.add(username);
		}
		if (Estimator.ZXCVBN.measure(password, known).getGuessesLog10() < MIN_GUESSES_LOG10) {
			throw violation("password.guessable");
		}
	}

	/** Built on first use: reading the dictionaries takes a second or two, which no start should wait for. */
	private static final class Estimator {

		static final Zxcvbn ZXCVBN = new Zxcvbn();

	}

	private static BusinessRuleViolation violation(String code, Object... arguments) {
		return BusinessRuleViolation.onField("password", code, arguments);
	}

	private static Set<String> load(String resource) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::trim)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The common-password list is missing from the application", ex);
		}
	}

}
