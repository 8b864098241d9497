package jp.hikeshi.reporting;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ReportingCaseRepository extends ListCrudRepository<ReportingCase, Long> {

	Optional<ReportingCase> findByIncidentId(long incidentId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from ReportingCase c where c.incidentId = ?1")
	Optional<ReportingCase> findByIncidentIdForUpdate(long incidentId);

	/** Every case with a duty that still needs doing, for the list of what is due. */
	@Query("""
			select distinct c from ReportingCase c join fetch c.duties d
			where exists (select 1 from Duty o where o.reportingCase = c and o.applies = true
			              and o.state in (jp.hikeshi.reporting.Duty.State.TO_DO, jp.hikeshi.reporting.Duty.State.NOT_YET_DUE))""")
	List<ReportingCase> findWithOpenDuties();

	/** Every case with an announcement drafted and not yet approved, its announcements loaded. */
	@Query("""
			select distinct c from ReportingCase c join fetch c.announcements
			where exists (select 1 from Announcement o where o.reportingCase = c and o.approvedAt is null)""")
	List<ReportingCase> findWithAnnouncementsToApprove();

}
