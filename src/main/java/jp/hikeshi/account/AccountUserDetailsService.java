package jp.hikeshi.account;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for Spring Security's form login. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository accounts;

	private final SecondFactorPolicy policy;

	private final ObjectProvider<FactorEnrolments> enrolments;

	AccountUserDetailsService(UserAccountRepository accounts, SecondFactorPolicy policy,
			ObjectProvider<FactorEnrolments> enrolments) {
		this.accounts = accounts;
		this.policy = policy;
		this.enrolments = enrolments;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.accounts.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
		List<SimpleGrantedAuthority> authorities = account.getRoles()
			.stream()
			.sorted()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return new SignedInUser(account, authorities, SecondFactorRequirement.of(account.getId(), account.getRoles(),
				this.policy, this.enrolments));
	}

}
