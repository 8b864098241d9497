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
	 * The accounts behind these names, without flushing first: asked in transactions that change
	 * an incident, where an auto-flush would dirty-check it and its collections; none of them
	 * changes an account, and an account already loaded is returned as it stands in memory.
	 */
	@Query("select u from UserAccount u where u.username in ?1")
	@QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
	List<UserAccount> findByUsernameIn(Collection<String> usernames);

	@Query("select distinct u from UserAccount u join u.roles r where u.enabled = true and r = ?1 order by u.displayName, u.id")
	List<UserAccount> findEnabledHolding(Role role);

	/** The accounts whose address is this one, whatever the case (a provider's verified e-mail). */
	@Query("select u from UserAccount u where lower(u.email) = lower(?1) order by u.id")
	List<UserAccount> findByEmail(String email);

}
