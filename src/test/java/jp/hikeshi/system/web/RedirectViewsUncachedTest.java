package jp.hikeshi.system.web;

import java.util.Locale;
import java.util.Map;

import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.AbstractCachingViewResolver;
import org.springframework.web.servlet.view.RedirectView;

import static org.assertj.core.api.Assertions.assertThat;

/** A redirect's view is made for each request; a template's is kept. */
@IntegrationTest
class RedirectViewsUncachedTest {

	@Autowired
	ApplicationContext context;

	@Test
	void everyCachingResolverMakesRedirectsAfreshAndKeepsTemplates() throws Exception {
		Map<String, AbstractCachingViewResolver> resolvers = this.context.getBeansOfType(AbstractCachingViewResolver.class);
		// Thymeleaf's and Boot's fallback
		assertThat(resolvers).hasSizeGreaterThanOrEqualTo(2);
		for (AbstractCachingViewResolver resolver : resolvers.values()) {
			assertThat(resolver.isCache()).isTrue();
			View first = resolver.resolveViewName("redirect:/incidents/1234", Locale.JAPANESE);
			View second = resolver.resolveViewName("redirect:/incidents/1234", Locale.JAPANESE);
			assertThat(first).isInstanceOf(RedirectView.class);
			assertThat(second).isInstanceOf(RedirectView.class).isNotSameAs(first);
			assertThat(resolver.resolveViewName("error", Locale.JAPANESE))
				.isSameAs(resolver.resolveViewName("error", Locale.JAPANESE));
		}
	}

}
