package jp.hikeshi.system.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Language: Japanese first, English second; a {@code ?lang=} link switches and is remembered.
 * Webjar links get their version from the resource chain ({@link WebjarLinksFilter}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * Outside everything else: Spring Session's filter (which finds the session in PostgreSQL, at
	 * Integer.MIN_VALUE + 50) and Spring Security's (-100) included. The 503 page is then rendered
	 * on the request as it came, without a session to look up.
	 */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
		FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DatabaseUnavailableFilter());
		registration.setOrder(Integer.MIN_VALUE + 40);
		return registration;
	}

	/** Between the 503 filter and Spring Session's (Integer.MIN_VALUE + 50): probes carry no session. */
	@Bean
	FilterRegistrationBean<ProbesWithoutSession> probesWithoutSession() {
		FilterRegistrationBean<ProbesWithoutSession> registration = new FilterRegistrationBean<>(new ProbesWithoutSession());
		registration.setOrder(Integer.MIN_VALUE + 45);
		return registration;
	}

	/** Before Spring Security (order -100), whose CSRF check is the first to read a form's fields. */
	@Bean
	FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter() {
		FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(new UploadLimitFilter());
		registration.setOrder(-104);
		return registration;
	}

	/** In place of Boot's link rewriting filter (Thymeleaf's auto-configuration), registered as Boot registers its own. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new WebjarLinksFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/** Static: a post-processor is made before the configuration it is declared in. */
	@Bean
	static RedirectViewsUncached redirectViewsUncached() {
		return new RedirectViewsUncached();
	}

	/** Form objects are bound without the CSRF token ({@link CsrfTokenUnbound}). */
	@Bean
	WebMvcRegistrations csrfTokenUnbound() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return new CsrfTokenUnbound();
			}

		};
	}

	/** Thymeleaf's views render a page whole before writing it ({@link WholePageView}). */
	@Bean
	static BeanPostProcessor wholePageViews() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(WholePageView.class);
				}
				return bean;
			}

		};
	}

	@Bean
	LocaleResolver localeResolver() {
		return new PreferredLanguageResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws ServletException {
				try {
					return super.preHandle(request, response, handler);
				}
				catch (IllegalStateException unreadable) {
					// Tomcat refuses every look at the parameters of a body over the upload limits,
					// the error page's included: that page is then shown in the language already chosen
					return true;
				}
			}

		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
