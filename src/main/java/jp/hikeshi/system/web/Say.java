package jp.hikeshi.system.web;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Resolves a flash message in the reader's language, whether it is a bare code or a
 * {@link Notice} with arguments: {@code ${@say.text(notice)}}.
 */
@Component("say")
public class Say {

	private final MessageSource messages;

	Say(MessageSource messages) {
		this.messages = messages;
	}

	public String text(Object message) {
		if (message instanceof MessageSourceResolvable resolvable) {
			return this.messages.getMessage(resolvable, LocaleContextHolder.getLocale());
		}
		return this.messages.getMessage(String.valueOf(message), null, LocaleContextHolder.getLocale());
	}

}
