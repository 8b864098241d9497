package jp.hikeshi.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import jp.hikeshi.shared.PlainText;

/** An internal note of the response team. History: it needs no version and never conflicts. */
record NoteForm(@NotBlank @Size(max = 4000) @PlainText(multiline = true) String text) {

	static NoteForm empty() {
		return new NoteForm(null);
	}

}
