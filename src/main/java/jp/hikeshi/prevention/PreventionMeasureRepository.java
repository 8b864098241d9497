package jp.hikeshi.prevention;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PreventionMeasureRepository extends ListCrudRepository<PreventionMeasure, Long> {

	List<PreventionMeasure> findByIncidentIdOrderByDueOnAscIdAsc(long incidentId);

	List<PreventionMeasure> findByDoneOnIsNullOrderByDueOnAscIdAsc();

	List<PreventionMeasure> findByDoneOnIsNullAndOwnerOrderByDueOnAscIdAsc(String owner);

	boolean existsByIncidentId(long incidentId);

	/**
	 * The measure, locked until the transaction ends: of two completions at once, the second
	 * waits and then finds it done.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from PreventionMeasure m where m.incidentId = ?1 and m.id = ?2")
	Optional<PreventionMeasure> findForUpdate(long incidentId, long measureId);

}
