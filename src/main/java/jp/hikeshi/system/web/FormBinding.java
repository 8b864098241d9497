package jp.hikeshi.system.web;

import java.beans.PropertyEditorSupport;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every form: surrounding blanks are dropped and an empty field counts as not filled in;
 * passwords alone are taken exactly as typed.
 */
@ControllerAdvice
class FormBinding {

	private static final String[] PASSWORD_FIELDS = { "password", "passwordConfirmation", "currentPassword" };

	@InitBinder
	void trimText(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
		for (String field : PASSWORD_FIELDS) {
			binder.registerCustomEditor(String.class, field, new Verbatim());
		}
	}

	private static final class Verbatim extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text);
		}

	}

}
