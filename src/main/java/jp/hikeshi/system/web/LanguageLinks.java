package jp.hikeshi.system.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language switcher's links: the same page with its query (a list's filters, its page)
 * kept and only {@code lang} replaced, {@code ${@languageLinks.to('en')}}. The query's pairs are
 * kept as the browser sent them (already percent-encoded); the template escapes the attribute.
 */
@Component("languageLinks")
public class LanguageLinks {

	private static final String PARAMETER = "lang";

	public String to(String language) {
		String query = (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? query(attributes.getRequest()) : null;
		return "?" + Stream.concat(kept(query), Stream.of(PARAMETER + "=" + language)).collect(Collectors.joining("&"));
	}

	private static String query(HttpServletRequest request) {
		return request.getQueryString();
	}

	private static Stream<String> kept(String query) {
		if (query == null || query.isBlank()) {
			return Stream.empty();
		}
		return Arrays.stream(query.split("&")).filter(pair -> !pair.isEmpty() && !PARAMETER.equals(nameOf(pair)));
	}

	private static String nameOf(String pair) {
		int equals = pair.indexOf('=');
		String name = (equals < 0) ? pair : pair.substring(0, equals);
		try {
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

}
