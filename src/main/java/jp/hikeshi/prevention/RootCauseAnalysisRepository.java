package jp.hikeshi.prevention;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface RootCauseAnalysisRepository extends ListCrudRepository<RootCauseAnalysis, Long> {

	/** Makes sure the incident's plan exists (empty), also when two people save the first one at once. */
	@Modifying
	@Query(value = "insert into prevention_plan (incident_id) values (?1) on conflict do nothing", nativeQuery = true)
	void createIfAbsent(long incidentId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from RootCauseAnalysis a where a.incidentId = ?1")
	Optional<RootCauseAnalysis> findForUpdate(long incidentId);

}
