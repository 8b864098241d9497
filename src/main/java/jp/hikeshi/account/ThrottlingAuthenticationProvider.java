package jp.hikeshi.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of the password check: the attempt is counted before
 * the password is compared, and forgiven when it was right.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	public ThrottlingAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		LoginThrottle.Attempt attempt = this.throttle.reserve(authentication.getName(), address);
		if (!attempt.allowed()) {
			throw new ThrottledLoginException();
		}
		Authentication result;
		try {
			result = this.delegate.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			this.throttle.failed(attempt);
			throw ex;
		}
		this.throttle.succeeded(attempt);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
