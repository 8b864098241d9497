package jp.hikeshi.system.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives a {@link FormDraft} to the one page that shows it: the first rendering of its return
 * page, once the person is signed in again. The layout puts it, as JSON, in a {@code data-}
 * attribute (escaped by Thymeleaf; no inline script), and {@code hikeshi.js} fills in the form
 * it was typed into. Then it is gone from the session.
 */
class FormDraftRestorer implements HandlerInterceptor {

	/** The model attribute the layout reads. */
	static final String MODEL_ATTRIBUTE = "formDraft";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || !"GET".equals(request.getMethod()) || request.getUserPrincipal() == null
				|| (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		HttpSession session = request.getSession(false);
		FormDraft.in(session)
			.filter(draft -> draft.returnPath().equals(request.getRequestURI().substring(request.getContextPath().length())))
			.ifPresent(draft -> {
				Map<String, Object> shown = new LinkedHashMap<>();
				shown.put("action", draft.action());
				shown.put("fields", draft.fields());
				page.addObject(MODEL_ATTRIBUTE, JSON.writeValueAsString(shown));
				FormDraft.forget(session);
			});
	}

}
