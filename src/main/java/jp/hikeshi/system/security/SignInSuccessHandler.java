package jp.hikeshi.system.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.account.PasswordChangeRequiredFilter;
import jp.hikeshi.account.SignedInUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After sign-in: to the page asked for, unless the password must be changed first. Someone
 * whose session had ended while a form was open goes back to the page of that form, which then
 * shows what they had typed ({@link FormDraft}).
 */
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final RequestCache requestCache = new HttpSessionRequestCache();

	SignInSuccessHandler() {
		setDefaultTargetUrl("/");
		setRequestCache(this.requestCache);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication.getPrincipal() instanceof SignedInUser user && user.isPasswordChangeRequired()) {
			PasswordChangeRequiredFilter.require(request.getSession());
			getRedirectStrategy().sendRedirect(request, response, PasswordChangeRequiredFilter.PASSWORD_PAGE);
			return;
		}
		var draft = FormDraft.in(request.getSession(false));
		if (draft.isPresent()) {
			clearAuthenticationAttributes(request);
			this.requestCache.removeRequest(request, response);
			getRedirectStrategy().sendRedirect(request, response, draft.get().returnTo());
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
