package jp.hikeshi.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import jp.hikeshi.shared.PlainText;

/** What a reporter adds to their own report. */
public record InformationForm(@NotBlank @Size(max = 4000) @PlainText(multiline = true) String text) {

	static InformationForm empty() {
		return new InformationForm(null);
	}

}
