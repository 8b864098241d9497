package jp.hikeshi.system.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * After a passkey sign-in the page's script is told where to go (JSON, Spring's answer): to the
 * page asked for, or — as {@link SignInSuccessHandler} does after a password — back to the page of
 * a form that was kept when the session ended ({@link FormDraft}). Staff on a phone sign in with a
 * passkey, and theirs is the report most worth keeping.
 */
class PasskeySignInSuccessHandler implements AuthenticationSuccessHandler {

	private final RequestCache asked = new HttpSessionRequestCache();

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		Optional<FormDraft> draft = FormDraft.in(request.getSession(false));
		HttpMessageConverterAuthenticationSuccessHandler answer = new HttpMessageConverterAuthenticationSuccessHandler();
		answer.setRequestCache(draft.isPresent() ? new KeptForm(request.getContextPath() + draft.get().returnTo(), this.asked)
				: this.asked);
		answer.onAuthenticationSuccess(request, response, authentication);
	}

	/** The kept form's page in place of the page asked for, which is forgotten as after a password. */
	private record KeptForm(String page, RequestCache asked) implements RequestCache {

		@Override
		public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
			return new SimpleSavedRequest(this.page);
		}

		@Override
		public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
			return null;
		}

		@Override
		public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
			this.asked.removeRequest(request, response);
		}

	}

}
