package jp.hikeshi.notification.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.notification.NotificationSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * When a signed-in person switches the page language ({@code ?lang=en}), their mails follow:
 * the choice is remembered as the language of their notifications.
 */
@Configuration(proxyBeanMethods = false)
class LanguageMemory implements WebMvcConfigurer {

	private final ObjectProvider<NotificationSettings> settings;

	/** Through a provider: a web slice test has the web configuration without the notification services. */
	LanguageMemory(ObjectProvider<NotificationSettings> settings) {
		this.settings = settings;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String language = request.getParameter("lang");
				Authentication user = SecurityContextHolder.getContext().getAuthentication();
				if (("ja".equals(language) || "en".equals(language)) && user != null && user.isAuthenticated()
						&& !(user instanceof AnonymousAuthenticationToken)) {
					LanguageMemory.this.settings.ifAvailable(
							settings -> settings.rememberLanguage(user.getName(), Locale.forLanguageTag(language)));
				}
				return true;
			}
		});
	}

}
