package jp.hikeshi.incident.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import jp.hikeshi.shared.PlainText;

/** One piece of free text: a note, or information a reporter adds. */
public class TextForm {

	@NotBlank
	@Size(max = 4000)
	@PlainText(multiline = true)
	private String text;

	private long version;

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
