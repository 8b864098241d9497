package jp.hikeshi.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page that came back with a refused form, read the way a person (or a screen reader) meets
 * it: the error beside a field, what the field still holds, the errors of the whole form.
 * Values come back unescaped, as the reader sees them; a control without a value holds "". Works
 * on the HTML the fragments of {@code fragments/forms.html} render, without an HTML parser.
 */
public final class FormPage {

	private static final Pattern GLOBAL_ERRORS = Pattern
		.compile("<div class=\"notice notice--error\" role=\"alert\">(.*?)</div>", Pattern.DOTALL);

	private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);

	private final String html;

	private FormPage(String html) {
		this.html = html;
	}

	public static FormPage of(MvcResult result) throws Exception {
		return of(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	public static FormPage of(String html) {
		return new FormPage(html);
	}

	public String html() {
		return this.html;
	}

	/**
	 * The error shown for the control with this id: the element {@code id-error}, before the
	 * control and in the same container (a label may stand between), the control marked invalid
	 * and described by it.
	 */
	public String errorAt(String id) {
		Matcher error = Pattern.compile("<(p|span)\\b[^>]*\\bid=\"" + Pattern.quote(id + "-error") + "\"[^>]*>(.*?)</\\1>",
				Pattern.DOTALL).matcher(this.html);
		assertThat(error.find()).as("an error shown for " + id).isTrue();
		Matcher control = Pattern.compile("<(input|textarea|select)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
			.matcher(this.html);
		assertThat(control.find(error.end())).as("the control " + id + " after its error").isTrue();
		assertThat(this.html.substring(error.end(), control.start()))
			.as("the error and the control " + id + " are in one container")
			.doesNotContain("</div>", "</fieldset>", "<input", "<textarea", "<select");
		assertThat(control.group()).contains("aria-invalid=\"true\"").contains("aria-describedby=\"" + id + "-error\"");
		return HtmlUtils.htmlUnescape(error.group(2).strip());
	}

	/** Whether the control with this id is shown with an error. */
	public boolean hasErrorAt(String id) {
		return this.html.contains("id=\"" + id + "-error\"");
	}

	/** What the control with this id holds: an input's value, a text area's text, a select's chosen option. */
	public String valueOf(String id) {
		Matcher control = Pattern
			.compile("<(input|textarea|select)\\b([^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*)>", Pattern.DOTALL)
			.matcher(this.html);
		assertThat(control.find()).as("a control " + id).isTrue();
		String attributes = control.group(2);
		switch (control.group(1)) {
			case "textarea" -> {
				int end = this.html.indexOf("</textarea>", control.end());
				// a leading line break after <textarea> is not part of its value
				return HtmlUtils.htmlUnescape(this.html.substring(control.end(), end).replaceFirst("^\\r?\\n", ""));
			}
			case "select" -> {
				int end = this.html.indexOf("</select>", control.end());
				Matcher selected = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"[^>]*selected=\"selected\"")
					.matcher(this.html.substring(control.end(), end));
				return selected.find() ? HtmlUtils.htmlUnescape(selected.group(1)) : null;
			}
			default -> {
				Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(attributes);
				return value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : "";
			}
		}
	}

	/** The option chosen in a select ({@code null}: none). */
	public String selected(String id) {
		return valueOf(id);
	}

	/** Whether a checkbox or radio button is ticked. */
	public boolean isChecked(String id) {
		Matcher control = Pattern.compile("<input\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(this.html);
		assertThat(control.find()).as("a control " + id).isTrue();
		return control.group().matches("(?s).*\\schecked(=\"checked\")?[\\s>/].*");
	}

	/** The errors of whole forms (not of one field), in page order. */
	public List<String> globalErrors() {
		List<String> errors = new ArrayList<>();
		Matcher block = GLOBAL_ERRORS.matcher(this.html);
		while (block.find()) {
			Matcher paragraph = PARAGRAPH.matcher(block.group(1));
			while (paragraph.find()) {
				errors.add(HtmlUtils.htmlUnescape(paragraph.group(1).strip()));
			}
		}
		return errors;
	}

}
