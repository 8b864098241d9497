package jp.hikeshi.account;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor a sign-in owes: whether it owes one ({@link SecondFactorRequirement}, decided
 * at sign-in), the step up once it is given, and an administrator's reset of every factor a
 * person has.
 */
@Service
public class SecondFactors {

	/** The page that asks for the second factor. */
	public static final String GATE = "/login/second-factor";

	/** The person's own sign-in security page, where an authenticator app is added. */
	public static final String ENROL = "/account/security";

	/** For a principal that is not a {@link SignedInUser}: the requirement decided once for the session. */
	private static final String SESSION_REQUIREMENT = SecondFactors.class.getName() + ".requirement";

	private final UserAccountRepository accounts;

	private final SecondFactorPolicy policy;

	private final ObjectProvider<FactorEnrolments> enrolments;

	private final RememberedDevices devices;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	SecondFactors(UserAccountRepository accounts, SecondFactorPolicy policy, ObjectProvider<FactorEnrolments> enrolments,
			RememberedDevices devices, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.policy = policy;
		this.enrolments = enrolments;
		this.devices = devices;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The second factor this signed-in session still owes, if any. Free for a session signed in
	 * with a password (decided at sign-in); for another sign-in (an identity provider's) decided at
	 * its first request and kept in the session.
	 */
	public Optional<SecondFactorRequirement> owed(Authentication authentication, HttpSession session) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken || SignInFactors.hasSecondFactor(authentication)) {
			return Optional.empty();
		}
		SecondFactorRequirement requirement;
		if (authentication.getPrincipal() instanceof SignedInUser user && user.getSecondFactor() != null) {
			requirement = user.getSecondFactor();
		}
		else {
			requirement = decidedFor(authentication.getName(), session);
		}
		return (requirement != null && requirement.required()) ? Optional.of(requirement) : Optional.empty();
	}

	private SecondFactorRequirement decidedFor(String name, HttpSession session) {
		if (session != null && session.getAttribute(SESSION_REQUIREMENT) instanceof NamedRequirement kept
				&& kept.name().equals(name)) {
			return kept.requirement();
		}
		SecondFactorRequirement requirement = this.accounts.findByUsername(name)
			.map(account -> SecondFactorRequirement.of(account.getId(), account.getRoles(), this.policy, this.enrolments))
			.orElse(null);
		if (session != null && requirement != null) {
			session.setAttribute(SESSION_REQUIREMENT, new NamedRequirement(name, requirement));
		}
		return requirement;
	}

	/** Whether the person has any second factor enrolled now (they may have added one since signing in). */
	public boolean anyEnrolled(long accountId) {
		return this.enrolments.orderedStream().anyMatch(kind -> kind.hasAny(accountId));
	}

	/**
	 * The second factor was given: the session's authentication gains its authority, under a new
	 * session id. Returns where to go on: the page first asked for, or the start page.
	 */
	public String passed(String factor, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		Authentication stepped = current.toBuilder()
			.authorities(authorities -> authorities.add(FactorGrantedAuthority.withAuthority(factor)
				.issuedAt(this.clock.instant())
				.build()))
			.build();
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(stepped);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		SavedRequest saved = this.requests.getRequest(request, response);
		if (saved != null) {
			this.requests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return "/";
	}

	/** Keeps the page asked for, to go on to it once the second factor is given. */
	void rememberRequest(HttpServletRequest request, HttpServletResponse response) {
		if ("GET".equals(request.getMethod())) {
			this.requests.saveRequest(request, response);
		}
	}

	/**
	 * An administrator removes every second factor a person has (the authenticator app with its
	 * recovery codes and remembered devices, and passkeys) and ends the person's sessions on every
	 * node; they enrol again at their next sign-in if their role requires it.
	 */
	@Transactional
	public void reset(long accountId, String actor) {
		UserAccount account = this.accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
		this.enrolments.orderedStream().forEach(kind -> kind.removeAll(accountId));
		this.devices.revokeAll(accountId);
		this.audit.record(actor, AuditAction.SECOND_FACTORS_RESET, account.getUsername(), null);
		this.events.publishEvent(new AccountSignedOut(account.getUsername()));
	}

	private record NamedRequirement(String name, SecondFactorRequirement requirement) implements java.io.Serializable {
	}

}
