package jp.hikeshi.system.web;

import java.util.List;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Forms are bound without their CSRF token. Spring Security's parameter, {@code _csrf}, starts
 * with the binder's field-marker prefix, so every form post asked the form object whether it had
 * a writable property {@code csrf}; the answer came as an exception built with a hundred frames of
 * stack and caught (a hundredth of a report's CPU). The token is checked before any controller runs
 * and no form has such a property.
 */
class CsrfTokenUnbound extends RequestMappingHandlerAdapter {

	/** Spring Security's default, which Hikeshi keeps. */
	static final String PARAMETER = "_csrf";

	@Override
	protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
		return new ServletRequestDataBinderFactory(binderMethods, getWebBindingInitializer()) {

			@Override
			protected ServletRequestDataBinder createBinderInstance(Object target, String name, NativeWebRequest request) {
				return new ExtendedServletRequestDataBinder(target, name) {

					@Override
					protected void checkFieldMarkers(MutablePropertyValues values) {
						values.removePropertyValue(PARAMETER);
						super.checkFieldMarkers(values);
					}

				};
			}

		};
	}

}
