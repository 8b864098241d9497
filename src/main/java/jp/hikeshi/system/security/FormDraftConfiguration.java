package jp.hikeshi.system.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Pages show a form's draft once after signing in again ({@link FormDraftRestorer}). */
@Configuration(proxyBeanMethods = false)
class FormDraftConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new FormDraftRestorer());
	}

}
