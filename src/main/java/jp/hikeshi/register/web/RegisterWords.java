package jp.hikeshi.register.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.hikeshi.register.Register.DataEntry;
import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.register.Whose;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The data a system holds, in words: 「顧客 1,200人（クレジットカード）」, a client's by the client's name. */
@Component
class RegisterWords {

	private final MessageSource messages;

	RegisterWords(MessageSource messages) {
		this.messages = messages;
	}

	/** A line of the list: the system and each of its data sets in words. */
	record SystemRow(SystemEntry system, List<String> data) {
	}

	SystemRow row(SystemEntry system, Locale locale) {
		return new SystemRow(system, system.dataSets().stream().map(data -> words(data, locale)).toList());
	}

	String words(DataEntry data, Locale locale) {
		String whose = (data.whose() == Whose.CLIENT && data.client() != null) ? data.client().name()
				: message("Whose.short." + data.whose().name(), locale);
		String people = (data.peopleCount() == null) ? message("register.words.countUnknown", locale)
				: message("register.words.people", locale, data.peopleCount());
		List<String> kinds = new ArrayList<>();
		if (data.financial()) {
			kinds.add(message("register.words.financial", locale));
		}
		if (data.sensitive()) {
			kinds.add(message("register.words.sensitive", locale));
		}
		if (data.myNumber()) {
			kinds.add(message("register.words.myNumber", locale));
		}
		if (data.encrypted()) {
			kinds.add(message("register.words.encrypted", locale));
		}
		String text = message("register.words.data", locale, whose, people);
		return kinds.isEmpty() ? text
				: message("register.words.withKinds", locale, text,
						String.join(message("register.words.separator", locale), kinds));
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

}
