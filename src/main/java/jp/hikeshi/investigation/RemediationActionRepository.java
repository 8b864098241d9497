package jp.hikeshi.investigation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The repairs of incidents. */
interface RemediationActionRepository extends JpaRepository<RemediationAction, Long> {

	List<RemediationAction> findByIncidentIdOrderById(long incidentId);

	Optional<RemediationAction> findByIdAndIncidentId(long id, long incidentId);

}
