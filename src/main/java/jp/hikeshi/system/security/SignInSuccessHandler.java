package jp.hikeshi.system.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.account.PasswordChangeRequiredFilter;
import jp.hikeshi.account.SignedInUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After sign-in: to the page asked for, unless the password must be changed first. */
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	SignInSuccessHandler() {
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication.getPrincipal() instanceof SignedInUser user && user.isPasswordChangeRequired()) {
			PasswordChangeRequiredFilter.require(request.getSession());
			getRedirectStrategy().sendRedirect(request, response, PasswordChangeRequiredFilter.PASSWORD_PAGE);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
