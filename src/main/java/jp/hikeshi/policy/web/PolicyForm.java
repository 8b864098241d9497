package jp.hikeshi.policy.web;

import java.util.EnumMap;
import java.util.Map;

import jp.hikeshi.policy.PolicySection;
import jp.hikeshi.shared.PlainTextValidator;

import org.springframework.validation.Errors;

/**
 * The draft being written: one text per section, and the draft the form was opened on (none
 * when the form starts a new draft) so that a change made meanwhile is not overwritten.
 */
public class PolicyForm {

	private Map<PolicySection, String> sections = new EnumMap<>(PolicySection.class);

	private Integer number;

	private Long version;

	static PolicyForm of(Map<PolicySection, String> texts, Integer number, Long version) {
		PolicyForm form = new PolicyForm();
		form.sections.putAll(texts);
		form.number = number;
		form.version = version;
		return form;
	}

	/** Each section: plain text with line breaks, {@link PolicySection#MAX_TEXT} characters at most. */
	void check(Errors errors) {
		for (PolicySection section : PolicySection.values()) {
			String text = this.sections.get(section);
			String field = "sections[" + section + "]";
			if (text == null) {
				continue;
			}
			if (text.strip().length() > PolicySection.MAX_TEXT) {
				errors.rejectValue(field, "Size", new Object[] { field, PolicySection.MAX_TEXT, 0 }, null);
			}
			else if (!PlainTextValidator.isPlain(text, true)) {
				errors.rejectValue(field, "PlainText");
			}
		}
	}

	public Map<PolicySection, String> getSections() {
		return this.sections;
	}

	public void setSections(Map<PolicySection, String> sections) {
		this.sections = sections;
	}

	public Integer getNumber() {
		return this.number;
	}

	public void setNumber(Integer number) {
		this.number = number;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
