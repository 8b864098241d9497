package jp.hikeshi.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import jp.hikeshi.shared.PlainText;

/**
 * An internal note of the response team. History: it needs no version and never conflicts; the
 * version the page had only tells an in-place answer whether the page's other forms may take the new one.
 */
record NoteForm(Long version, @NotBlank @Size(max = 4000) @PlainText(multiline = true) String text) {

	static NoteForm empty() {
		return new NoteForm(null, null);
	}

}
