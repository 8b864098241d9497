package jp.hikeshi.system.web;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;

import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** Pages through the application's view resolver: written whole, in blocks, or not at all. */
@IntegrationTest
class WholePageViewTest {

	/** Each line is 33 characters ({@code <p>第1000行 火消しの頁</p>} and its line break, or near it). */
	private static final int LINES = 2_000;

	@Autowired
	ThymeleafViewResolver resolver;

	@Autowired
	ApplicationContext context;

	@Test
	void aPageOfManyBlocksIsWrittenWholeAndInOrder() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		MockHttpServletRequest request = render(Map.of("lines", LINES, "last", new Last("最後の行")), response);

		String page = response.getContentAsString();
		assertThat(page.length()).isGreaterThan(4 * 8192);
		assertThat(page.split("<p>", -1)).hasSize(LINES + 2);
		assertThat(page).contains("<p>第1行 火消しの頁</p>", "<p>第1000行 火消しの頁</p>", "<p>第2000行 火消しの頁</p>")
			.endsWith("<p>最後の行</p>\n</body>\n</html>\n");
		assertThat(page.indexOf("第1999行")).isLessThan(page.indexOf("第2000行"))
			.isGreaterThan(page.indexOf("第8行"));
		assertThat(response.getContentType()).startsWith("text/html").contains("UTF-8");
		assertThat(response.isCommitted()).isTrue();
		assertThat(Collections.list(request.getAttributeNames())).as("the page's variables stayed with the page")
			.doesNotContain("lines", "last", "n");
	}

	@Test
	void whatThePageSetsWhileRenderingIsReadBackButNeverReachesTheRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setAttribute("_csrf", "トークン");
		WholePageView.RenderingRequest rendering = new WholePageView.RenderingRequest(request);

		rendering.setAttribute("line", 7);
		rendering.setAttribute("_csrf", "影");
		assertThat(rendering.getAttribute("line")).isEqualTo(7);
		assertThat(rendering.getAttribute("_csrf")).isEqualTo("影");
		assertThat(Collections.list(rendering.getAttributeNames())).containsExactlyInAnyOrder("_csrf", "line");

		rendering.removeAttribute("_csrf");
		rendering.setAttribute("line", null);
		assertThat(rendering.getAttribute("_csrf")).isNull();
		assertThat(rendering.getAttribute("line")).isNull();
		assertThat(Collections.list(rendering.getAttributeNames())).isEmpty();

		request.setAttribute("set-beneath", "下");
		assertThat(rendering.getAttribute("set-beneath")).as("read through while the page renders").isEqualTo("下");
		assertThat(request.getAttribute("_csrf")).as("the page's writes never reach the request").isEqualTo("トークン");
		request.setAttribute("_csrf", "新しいトークン");
		assertThat(rendering.getAttribute("_csrf")).as("the page's removal wins until it is done").isNull();
		assertThat(request.getAttribute("line")).isNull();
		assertThatNullPointerException().isThrownBy(() -> rendering.setAttribute(null, "名前なし"));
	}

	@Test
	void aPageThatFailsHalfwayWritesNothingSoTheErrorPageCanBeShown() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThatException().isThrownBy(() -> render(Map.of("lines", LINES, "last", new Last(null)), response))
			.withStackTraceContaining("no last line");

		assertThat(response.isCommitted()).isFalse();
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	private MockHttpServletRequest render(Map<String, ?> model, MockHttpServletResponse response) throws Exception {
		View view = this.resolver.resolveViewName("whole-page/lines", Locale.JAPANESE);
		assertThat(view).isInstanceOf(WholePageView.class);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/whole-page");
		request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, this.context);
		view.render(model, request, response);
		return request;
	}

	/** The last line, which fails to render when there is none. */
	public record Last(String line) {

		public String text() {
			if (this.line == null) {
				throw new IllegalStateException("no last line");
			}
			return this.line;
		}

	}

}
