package jp.hikeshi.register;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SystemRepository extends JpaRepository<RegisteredSystem, Long> {

	@EntityGraph(attributePaths = { "vendor", "dataSets", "dataSets.client" })
	@Query("select s from RegisteredSystem s where s.retiredAt is null order by lower(s.name)")
	List<RegisteredSystem> findInUse();

	@EntityGraph(attributePaths = { "vendor", "dataSets", "dataSets.client" })
	@Query("select s from RegisteredSystem s where s.id in ?1 order by lower(s.name)")
	List<RegisteredSystem> findWithDataByIdIn(Collection<Long> ids);

	@Query("select s from RegisteredSystem s where lower(s.name) = lower(?1) and s.retiredAt is null")
	Optional<RegisteredSystem> findInUseByName(String name);

}
