package jp.hikeshi.system.web;

import java.util.List;

import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's form binding leaves the CSRF token out and keeps the checkboxes' markers. */
@IntegrationTest
class CsrfTokenUnboundTest {

	@Autowired
	RequestMappingHandlerAdapter adapter;

	@Test
	void theTokenIsNotTakenForAFieldMarkerWhileAnUncheckedBoxStillReadsFalse() throws Exception {
		assertThat(this.adapter).isInstanceOf(CsrfTokenUnbound.class);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/form");
		request.addParameter("_csrf", "a-token");
		request.addParameter("_digest", "on");
		request.addParameter("title", "不審なメール");
		Form form = new Form();

		ServletRequestDataBinder binder = (ServletRequestDataBinder) ((CsrfTokenUnbound) this.adapter)
			.createDataBinderFactory(List.of())
			.createBinder(new ServletWebRequest(request), form, "form");
		binder.bind(request);

		// read as a marker, "_csrf" would have emptied a property named "csrf"
		assertThat(form.getCsrf()).isEqualTo("untouched");
		assertThat(form.isDigest()).isFalse();
		assertThat(form.getTitle()).isEqualTo("不審なメール");
		assertThat(binder.getBindingResult().hasErrors()).isFalse();
	}

	/** A form that happens to have a property the token's name would mark. */
	public static class Form {

		private String csrf = "untouched";

		private boolean digest = true;

		private String title;

		public String getCsrf() {
			return this.csrf;
		}

		public void setCsrf(String csrf) {
			this.csrf = csrf;
		}

		public boolean isDigest() {
			return this.digest;
		}

		public void setDigest(boolean digest) {
			this.digest = digest;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

	}

}
