package jp.hikeshi.audit;

import java.time.Clock;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records administrative actions; joins the caller's transaction so nothing is half-recorded. */
@Service
public class AuditLog {

	private final AuditEventRepository events;

	private final Clock clock;

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

}
