package jp.hikeshi.system.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.view.AbstractCachingViewResolver;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The view resolvers keep no redirect. Each of the two (Thymeleaf's and Boot's fallback, both asked
 * by the content negotiation) keeps up to 1,024 views by name, and a redirect's name holds the
 * incident's number ({@code redirect:/incidents/1234}): under use both caches filled with one-off
 * redirects, 2,048 views and about 1 MB of the heap that stays live. A redirect view is cheap to
 * make again; the templates' views stay cached.
 */
class RedirectViewsUncached implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractCachingViewResolver resolver) {
			resolver.setCacheFilter((view, viewName, locale) -> !(view instanceof RedirectView));
		}
		return bean;
	}

}
