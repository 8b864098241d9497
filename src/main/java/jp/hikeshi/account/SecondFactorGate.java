package jp.hikeshi.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session that owes a second factor reaches nothing but the page that asks for it
 * (and, for a person who must enrol one first, the pages that enrol one), signing out, static
 * files and the error page. A browser the person remembered gives the factor without a page. Placed
 * like {@link PasswordChangeRequiredFilter}; costs no statement for a session that owes nothing.
 */
public class SecondFactorGate extends OncePerRequestFilter {

	private final SecondFactors factors;

	private final RememberedDevices devices;

	public SecondFactorGate(SecondFactors factors, RememberedDevices devices) {
		this.factors = factors;
		this.devices = devices;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Optional<SecondFactorRequirement> owed = this.factors.owed(authentication, request.getSession(false));
		if (owed.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		SecondFactorRequirement requirement = owed.get();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (isStatic(path)) {
			chain.doFilter(request, response);
			return;
		}
		String device = rememberedDevice(request);
		if (device != null && this.devices.recognise(requirement.accountId(), authentication.getName(), device)) {
			this.factors.passed(SignInFactors.REMEMBERED_DEVICE, request, response);
			chain.doFilter(request, response);
			return;
		}
		if (isOpen(path)) {
			chain.doFilter(request, response);
			return;
		}
		boolean enrolled = requirement.enrolled() || this.factors.anyEnrolled(requirement.accountId());
		if (!enrolled && isEnrolment(path)) {
			chain.doFilter(request, response);
			return;
		}
		this.factors.rememberRequest(request, response);
		response.sendRedirect(request.getContextPath() + (enrolled ? SecondFactors.GATE : SecondFactors.ENROL));
	}

	/** What a session owing its second factor still reaches: the gate, signing in with a passkey, signing out. */
	public static boolean isOpen(String path) {
		return path.equals(SecondFactors.GATE) || path.startsWith(SecondFactors.GATE + "/") || path.equals("/login")
				|| path.equals("/login/webauthn") || path.startsWith("/webauthn/authenticate/") || path.equals("/logout")
				|| isStatic(path);
	}

	private static boolean isStatic(String path) {
		return path.equals("/error") || path.equals("/favicon.ico") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/images/") || path.startsWith("/webjars/");
	}

	/** What a person who must enrol a second factor and has none reaches: the pages that enrol one. */
	public static boolean isEnrolment(String path) {
		return path.equals(SecondFactors.ENROL) || path.startsWith(SecondFactors.ENROL + "/")
				|| path.equals("/account/passkeys") || path.startsWith("/account/passkeys/")
				|| path.equals("/webauthn/register") || path.startsWith("/webauthn/register/");
	}

	private static String rememberedDevice(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (RememberedDevices.COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

}
