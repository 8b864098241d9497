package jp.hikeshi.account;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

	@Query("select t from ApiToken t where lower(t.owner) = lower(?1) order by t.createdAt desc, t.id desc")
	List<ApiToken> findByOwner(String owner);

	List<ApiToken> findAllByOrderByCreatedAtDescIdDesc();

}
