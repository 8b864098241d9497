package jp.hikeshi.system.web;

import java.beans.PropertyEditorSupport;
import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every form: surrounding blanks are dropped and an empty field counts as not filled in;
 * passwords alone are taken exactly as typed. A list in a form grows to at most
 * {@link #LIST_LIMIT} rows: a made-up index beyond ({@code members[100000]}) is a bad request,
 * answered with the translated 400 page, never a list of a hundred thousand empty rows or a 500.
 */
@ControllerAdvice
class FormBinding {

	/** More rows than any form shows: the team form lists every account that may work on incidents. */
	static final int LIST_LIMIT = 2000;

	private static final String[] PASSWORD_FIELDS = { "password", "passwordConfirmation", "currentPassword" };

	@InitBinder
	void trimText(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(LIST_LIMIT);
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
		for (String field : PASSWORD_FIELDS) {
			binder.registerCustomEditor(String.class, field, new Verbatim());
		}
	}

	@ExceptionHandler(InvalidPropertyException.class)
	void beyondTheForm(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

	private static final class Verbatim extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text);
		}

	}

}
