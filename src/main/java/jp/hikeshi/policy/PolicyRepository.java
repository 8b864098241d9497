package jp.hikeshi.policy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PolicyRepository extends JpaRepository<PolicyVersion, Integer> {

	@Query("select p from PolicyVersion p order by p.number desc")
	List<PolicyVersion> findAllNewestFirst();

	Optional<PolicyVersion> findFirstByApprovedAtIsNotNullOrderByNumberDesc();

	Optional<PolicyVersion> findFirstByApprovedAtIsNullOrderByNumberDesc();

	Optional<PolicyVersion> findFirstByOrderByNumberDesc();

}
