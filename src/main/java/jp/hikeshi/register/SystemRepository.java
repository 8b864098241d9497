package jp.hikeshi.register;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SystemRepository extends JpaRepository<RegisteredSystem, Long> {

	// The vendor and the data sets (with their clients) are fetched in the query rather than by an
	// @EntityGraph: Hibernate caches no plan for a query with a graph applied, so every call built
	// its SQL again (a seventh of the report form's time, with no system registered).

	@Query("""
			select s from RegisteredSystem s left join fetch s.vendor left join fetch s.dataSets d left join fetch d.client
			where s.retiredAt is null order by lower(s.name)""")
	List<RegisteredSystem> findInUse();

	@Query("""
			select s from RegisteredSystem s left join fetch s.vendor left join fetch s.dataSets d left join fetch d.client
			where s.id in ?1 order by lower(s.name)""")
	List<RegisteredSystem> findWithDataByIdIn(Collection<Long> ids);

	@Query("select s from RegisteredSystem s where lower(s.name) = lower(?1) and s.retiredAt is null")
	Optional<RegisteredSystem> findInUseByName(String name);

}
