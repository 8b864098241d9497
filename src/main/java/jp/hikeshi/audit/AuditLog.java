package jp.hikeshi.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records administrative actions; joins the caller's transaction so nothing is half-recorded. */
@Service
public class AuditLog {

	private final AuditEventRepository events;

	private final Clock clock;

	@PersistenceContext
	private EntityManager entityManager;

	AuditLog(AuditEventRepository events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, AuditAction action, String subject, String detail) {
		this.events.save(new AuditEvent(this.clock.instant(), actor, action, subject, detail));
	}

	@Transactional(readOnly = true)
	public Page<AuditEvent> recent(Pageable pageable) {
		return this.events.findAllByOrderByOccurredAtDescIdDesc(pageable);
	}

	/** The entries that match, newest first. */
	@Transactional(readOnly = true)
	public Page<AuditEvent> search(AuditSearch search, Pageable pageable) {
		CriteriaBuilder criteria = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<AuditEvent> select = criteria.createQuery(AuditEvent.class);
		Root<AuditEvent> event = select.from(AuditEvent.class);
		select.where(matching(search, criteria, event))
			.orderBy(criteria.desc(event.get("occurredAt")), criteria.desc(event.get("id")));
		List<AuditEvent> content = this.entityManager.createQuery(select)
			.setFirstResult((int) Math.min(pageable.getOffset(), Integer.MAX_VALUE))
			.setMaxResults(pageable.getPageSize())
			.getResultList();
		CriteriaQuery<Long> count = criteria.createQuery(Long.class);
		Root<AuditEvent> counted = count.from(AuditEvent.class);
		count.select(criteria.count(counted)).where(matching(search, criteria, counted));
		return new PageImpl<>(content, pageable, this.entityManager.createQuery(count).getSingleResult());
	}

	private static Predicate[] matching(AuditSearch search, CriteriaBuilder criteria, Root<AuditEvent> event) {
		List<Predicate> where = new ArrayList<>();
		if (!search.actions().isEmpty()) {
			where.add(event.get("action").in(search.actions().stream().map(AuditAction::name).toList()));
		}
		if (search.person() != null) {
			String person = search.person().toLowerCase(Locale.ROOT);
			where.add(criteria.or(criteria.equal(criteria.lower(event.get("actor")), person),
					criteria.equal(criteria.lower(event.get("subject")), person)));
		}
		if (search.address() != null) {
			String escaped = search.address().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			where.add(criteria.like(event.get("address"), escaped + "%", '\\'));
		}
		if (search.from() != null) {
			where.add(criteria.greaterThanOrEqualTo(event.get("occurredAt"), search.from()));
		}
		if (search.until() != null) {
			where.add(criteria.lessThan(event.get("occurredAt"), search.until()));
		}
		return where.toArray(Predicate[]::new);
	}

}
