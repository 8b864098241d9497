package jp.hikeshi.system.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring's link rewriting, for webjar links only. The pages write {@code /webjars/htmx.org/dist/…}
 * without a version and the resource chain puts the webjar's version in; but Spring asks the chain
 * about every link a page builds, and it caches only the links it found: each link to an incident,
 * a checklist item or a form became a look-up in every static location on the class path (most of
 * the incident page's rendering time). Other links are left as they are, which is what the chain
 * answered for them.
 */
class WebjarLinksFilter extends ResourceUrlEncodingFilter {

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse plain)) {
			super.doFilter(request, response, chain);
			return;
		}
		String webjars = http.getContextPath() + "/webjars/";
		super.doFilter(request, response, (wrappedRequest, rewriting) -> chain.doFilter(wrappedRequest,
				new HttpServletResponseWrapper((HttpServletResponse) rewriting) {

					@Override
					public String encodeURL(String url) {
						return url.startsWith(webjars) ? super.encodeURL(url) : plain.encodeURL(url);
					}

				}));
	}

}
