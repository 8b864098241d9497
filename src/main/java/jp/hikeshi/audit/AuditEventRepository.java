package jp.hikeshi.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Append and read only: there is no update or delete, and the database would refuse one. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

	AuditEvent save(AuditEvent event);

	Page<AuditEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable pageable);

	long count();

}
