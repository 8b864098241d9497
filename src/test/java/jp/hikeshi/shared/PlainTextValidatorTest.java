package jp.hikeshi.shared;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextValidatorTest {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	record OneLine(@PlainText String text) {
	}

	record Lines(@PlainText(multiline = true) String text) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "山田 花子", "<script>alert(1)</script>", "O'Brien & Co.", "😀" })
	void acceptsWhatPeopleType(String text) {
		assertThat(this.validator.validate(new OneLine(text))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bell\u0007", "nul\u0000", "line\nbreak", "tab\there", "evil\u202Eexe.txt", "zero\u200Bwidth" })
	void refusesControlAndInvisibleCharactersOnOneLine(String text) {
		assertThat(this.validator.validate(new OneLine(text))).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "first line\nsecond line", "a\r\nb", "col\tcol" })
	void allowsLineBreaksWhereTextHasLines(String text) {
		assertThat(this.validator.validate(new Lines(text))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "escape\u001B[31m", "evil\u202Eexe" })
	void stillRefusesOtherControlsInLines(String text) {
		assertThat(this.validator.validate(new Lines(text))).hasSize(1);
	}

}
