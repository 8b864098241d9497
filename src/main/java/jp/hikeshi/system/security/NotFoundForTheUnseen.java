package jp.hikeshi.system.security;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.hikeshi.account.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A signed-in person refused a page is told "not found" (404, the same page as for a record
 * that does not exist) where a 403 would say that something is there:
 * <ul>
 * <li>a path no page answers (a mistyped address): it is not there for anyone;</li>
 * <li>an incident's pages ({@code /incidents/{id}} and below) for someone whose roles see no
 * incident at all (staff, the administrator): the same answer whether the incident exists or not.</li>
 * </ul>
 * Everything else refused stays a 403 that says so: a part of the application the person's role
 * does not use (the administration, the triage queue), or an action on an incident they see but
 * which is another role's (step 2's data sets are the lead's).
 */
class NotFoundForTheUnseen implements AccessDeniedHandler {

	private static final Pattern AN_INCIDENT = Pattern.compile("/incidents/\\d+(/.*)?");

	private static final Set<String> SEE_INCIDENTS = Set.of("ROLE_" + Role.SECURITY_LEAD.name(),
			"ROLE_" + Role.EXECUTIVE.name(), "ROLE_" + Role.RESPONDER.name());

	private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final HandlerMapping pages;

	/** @param pages the application's controller methods (not the static resources, which match any path) */
	NotFoundForTheUnseen(HandlerMapping pages) {
		this.pages = pages;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (this.trust.isAuthenticated(user) && (!answered(request) || unseenIncident(request, user))) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		this.refusal.handle(request, response, denied);
	}

	private static boolean unseenIncident(HttpServletRequest request, Authentication user) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return AN_INCIDENT.matcher(path).matches()
				&& user.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(SEE_INCIDENTS::contains);
	}

	/** Whether a controller method answers this path (with any method: a wrong method is not "not found"). */
	private boolean answered(HttpServletRequest request) {
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			ServletRequestPathUtils.parseAndCache(request);
			return this.pages.getHandler(request) != null;
		}
		catch (Exception ex) {
			// a path that matches with another method or media type (405, 415): the page exists
			return true;
		}
		finally {
			if (parsed == null) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
			else {
				request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
			}
		}
	}

}
