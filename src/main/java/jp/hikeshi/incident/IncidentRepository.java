package jp.hikeshi.incident;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The only repository of the incident module: checklist and timeline are reached through it. */
interface IncidentRepository extends ListCrudRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

	/*
	 * The queues name their states one by one, never as a collection: Hibernate translates a query
	 * with a collection parameter to SQL again on every call (a fifth of the home page's CPU).
	 */

	/** Real incidents in this state, a page of them, oldest first: a drill never waits in a queue. */
	Page<Incident> findByStateAndDrillFalseOrderByReportedAtAscIdAsc(IncidentState state, Pageable pageable);

	/** Real incidents in either state, a page of them, oldest first. */
	@Query("""
			select i from Incident i where i.drill = false and (i.state = :first or i.state = :second)
			order by i.reportedAt, i.id""")
	Page<Incident> inEitherState(IncidentState first, IncidentState second, Pageable pageable);

	long countByStateAndDrillFalse(IncidentState state);

	Page<Incident> findByReportedByOrderByReportedAtDesc(String reportedBy, Pageable pageable);

	@Query(value = """
			select i from Incident i
			where i.drill = false
			  and (i.state = jp.hikeshi.incident.IncidentState.ESCALATED
			   or (i.state = jp.hikeshi.incident.IncidentState.PREVENTION and i.closingApprovedAt is null))
			order by i.reportedAt asc, i.id asc""", countQuery = """
			select count(i) from Incident i
			where i.drill = false
			  and (i.state = jp.hikeshi.incident.IncidentState.ESCALATED
			   or (i.state = jp.hikeshi.incident.IncidentState.PREVENTION and i.closingApprovedAt is null))""")
	Page<Incident> findAwaitingExecutive(Pageable pageable);

	/** Closings waiting for the executive's approval, oldest first. */
	@Query(value = """
			select i from Incident i
			where i.drill = false and i.state = jp.hikeshi.incident.IncidentState.PREVENTION and i.closingApprovedAt is null
			order by i.reportedAt asc, i.id asc""", countQuery = """
			select count(i) from Incident i
			where i.drill = false and i.state = jp.hikeshi.incident.IncidentState.PREVENTION and i.closingApprovedAt is null""")
	Page<Incident> findClosingsToApprove(Pageable pageable);

	/**
	 * Loads an incident for a command, locking its row: a second command on the same incident
	 * waits, then sees the new version and is refused as a conflict instead of colliding on
	 * the timeline's sequence numbers.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Incident i where i.id = ?1")
	Optional<Incident> findForUpdate(long id);

	/** The newest entries of an incident's timeline, newest first (its unique index on incident and sequence, backwards). */
	@Query("select e from TimelineEntry e where e.incident.id = :incident order by e.sequence desc")
	List<TimelineEntry> newestEntries(long incident, Limit limit);

	@Override
	Page<Incident> findAll(Specification<Incident> specification, Pageable pageable);

}
