package jp.hikeshi.test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A re-rendered form read the way a person meets it: the message next to a field, and what is
 * in the field. Works on the HTML the pages render (the fragments of {@code fragments/forms.html}:
 * label, hint, {@code <id>-error}, then the control), without an HTML parser.
 */
public final class FormHtml {

	private final String html;

	private FormHtml(String html) {
		this.html = html;
	}

	public static FormHtml of(String html) {
		return new FormHtml(html);
	}

	/**
	 * The text of the error shown for a field, after checking it is next to the field: in the
	 * same container, before the control, which is marked invalid and described by it.
	 */
	public String errorNextTo(String id) {
		Matcher error = Pattern.compile("<p\\b[^>]*\\bid=\"" + Pattern.quote(id) + "-error\"[^>]*>(.*?)</p>", Pattern.DOTALL)
			.matcher(this.html);
		if (!error.find()) {
			fail("no error shown for " + id);
		}
		Matcher control = control(id);
		assertThat(control.start()).as("the error comes just before the field " + id).isGreaterThan(error.end());
		String between = this.html.substring(error.end(), control.start());
		assertThat(between).as("the error and the field " + id + " are in one container")
			.doesNotContain("</div>", "</fieldset>", "<input", "<textarea", "<select");
		String tag = control.group();
		assertThat(tag).as("the field " + id + " is marked invalid and described by its error")
			.contains("aria-invalid=\"true\"", "aria-describedby=\"" + id + "-error\"");
		return unescape(error.group(1).strip());
	}

	/** Whether the page shows an error for this field at all. */
	public boolean hasErrorFor(String id) {
		return this.html.contains("id=\"" + id + "-error\"");
	}

	/** What is in a text input or text area, as the browser shows it. */
	public String valueOf(String id) {
		Matcher control = control(id);
		String tag = control.group();
		if (tag.startsWith("<textarea")) {
			int end = this.html.indexOf("</textarea>", control.end());
			// A text area's first newline right after the tag is not part of its value.
			return unescape(this.html.substring(control.end(), end).replaceFirst("^\\r?\\n", ""));
		}
		Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(tag);
		return value.find() ? unescape(value.group(1)) : "";
	}

	/** Whether a checkbox or radio button is ticked. */
	public boolean isChecked(String id) {
		return control(id).group().matches("(?s).*\\schecked(=\"checked\")?[\\s>/].*");
	}

	/** The option chosen in a select. */
	public String selected(String id) {
		Matcher control = control(id);
		int end = this.html.indexOf("</select>", control.end());
		Matcher option = Pattern.compile("<option\\b[^>]*\\bvalue=\"([^\"]*)\"[^>]*\\bselected\\b").matcher(this.html
			.substring(control.end(), end));
		return option.find() ? unescape(option.group(1)) : null;
	}

	private Matcher control(String id) {
		Matcher control = Pattern.compile("<(input|textarea|select)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
			.matcher(this.html);
		if (!control.find()) {
			fail("no field " + id + " on the page");
		}
		return control;
	}

	private static String unescape(String text) {
		return text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
	}

}
