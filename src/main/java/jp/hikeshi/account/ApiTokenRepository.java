package jp.hikeshi.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	@Query("select t from ApiToken t where lower(t.owner) = lower(?1) order by t.createdAt desc, t.id desc")
	List<ApiToken> findByOwner(String owner);

	List<ApiToken> findAllByOrderByCreatedAtDescIdDesc();

	/** Notes a use, at most once a minute per token: a busy script should not write on every request. */
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1 and (t.lastUsedAt is null or t.lastUsedAt < ?3)")
	int noteUse(long id, Instant now, Instant unlessUsedSince);

}
