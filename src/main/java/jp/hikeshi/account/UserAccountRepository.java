package jp.hikeshi.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.ListCrudRepository;

public interface UserAccountRepository extends ListCrudRepository<UserAccount, Long> {

	@Query("select u from UserAccount u where lower(u.username) = lower(?1)")
	Optional<UserAccount> findByUsername(String username);

	@Query("select count(u) > 0 from UserAccount u where lower(u.username) = lower(?1)")
	boolean existsByUsername(String username);

	@Query("select count(u) from UserAccount u join u.roles r where u.enabled = true and r = jp.hikeshi.account.Role.ADMIN")
	long countActiveAdministrators();

	List<UserAccount> findAllByOrderByUsernameAsc();

	/**
	 * Whom a notification addresses, asked in the transaction of what it tells (a report): without
	 * flushing first. An auto-flush dirty-checks every entity the transaction holds, the incident
	 * and its collections, a fifth of the CPU of a report; no transaction changes an account and
	 * then notifies its holder, and an account already loaded is returned as it stands in memory.
	 */
	@Query("select u from UserAccount u where u.username in ?1")
	@QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
	List<UserAccount> findByUsernameIn(Collection<String> usernames);

	@Query("""
			select distinct a.username from UserAccount a join a.roles r
			where a.enabled = true and r in ?1 order by a.username""")
	@QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT")) // as findByUsernameIn
	List<String> findEnabledUsernamesHolding(Collection<Role> roles);

	@Query("select distinct u from UserAccount u join u.roles r where u.enabled = true and r = ?1 order by u.displayName, u.id")
	List<UserAccount> findEnabledHolding(Role role);

	/** The accounts whose address is this one, whatever the case (a provider's verified e-mail). */
	@Query("select u from UserAccount u where lower(u.email) = lower(?1) order by u.id")
	List<UserAccount> findByEmail(String email);

}
