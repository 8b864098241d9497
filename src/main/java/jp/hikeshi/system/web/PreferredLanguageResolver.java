package jp.hikeshi.system.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The page language: the one chosen with the switcher (kept in a cookie for a year), else
 * English when the browser prefers it over Japanese, else Japanese. Only the two languages the
 * message bundles hold can be chosen.
 */
class PreferredLanguageResolver extends CookieLocaleResolver {

	static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

	PreferredLanguageResolver() {
		super("hikeshi-lang");
		setCookieMaxAge(Duration.ofDays(365));
		setCookieHttpOnly(true);
		setCookieSameSite("Lax");
		setDefaultLocaleFunction(PreferredLanguageResolver::fromBrowser);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		super.setLocale(request, response, (locale == null) ? null : supported(locale));
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return supported(super.resolveLocale(request));
	}

	private static Locale fromBrowser(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return Locale.JAPANESE;
		}
		var preferred = request.getLocales();
		while (preferred.hasMoreElements()) {
			String language = preferred.nextElement().getLanguage();
			for (Locale candidate : SUPPORTED) {
				if (candidate.getLanguage().equals(language)) {
					return candidate;
				}
			}
		}
		return Locale.JAPANESE;
	}

	private static Locale supported(Locale locale) {
		return SUPPORTED.stream()
			.filter(candidate -> candidate.getLanguage().equals(locale.getLanguage()))
			.findFirst()
			.orElse(Locale.JAPANESE);
	}

}
