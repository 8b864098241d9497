package jp.hikeshi.policy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The response policy's versions: the one in force (the latest approved), the draft being
 * written (at most one), and the history. The security lead, the administrator and the
 * executive write the draft; only the executive approves it.
 */
@Service
@Transactional
public class ResponsePolicy {

	private final PolicyRepository versions;

	private final PolicyTemplate template;

	private final AuditLog auditLog;

	/** How long a page's quote of the policy in force is kept (a node sees another's approval within it). */
	static final Duration QUOTE_KEPT = Duration.ofSeconds(10);

	private final Clock clock;

	private volatile Quote quote;

	/** Approvals committed on this node: a quote read across one is not kept. */
	private final AtomicLong approvals = new AtomicLong();

	ResponsePolicy(PolicyRepository versions, PolicyTemplate template, AuditLog auditLog, Clock clock) {
		this.versions = versions;
		this.template = template;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The latest approved version: the policy in force. */
	@Transactional(readOnly = true)
	public Optional<PolicyVersion> inForce() {
		return this.versions.findFirstByApprovedAtIsNotNullOrderByNumberDesc();
	}

	/**
	 * The policy in force as the pages quote it where a decision is taken, kept for a few seconds:
	 * the incident page quotes it twice a view, and it changes once a year. An approval on this node
	 * is quoted at once, on another within {@link #QUOTE_KEPT}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Quoted> quoted() {
		Quote kept = this.quote;
		long now = System.nanoTime();
		if (kept != null && now - kept.until() < 0) {
			return Optional.ofNullable(kept.inForce());
		}
		long generation = this.approvals.get();
		Quoted inForce = inForce().map(version -> new Quoted(version.getNumber(), version.texts())).orElse(null);
		synchronized (this.approvals) {
			if (this.approvals.get() == generation) {
				// not kept when an approval committed while it was read: it may be the version before
				this.quote = new Quote(inForce, now + QUOTE_KEPT.toNanos());
			}
		}
		return Optional.ofNullable(inForce);
	}

	/** A version's number and its sections' texts, as quoted. */
	public record Quoted(int number, Map<PolicySection, String> texts) {

		public String text(PolicySection section) {
			return this.texts.get(section);
		}

	}

	/** @param until on {@link System#nanoTime()}'s scale: the company's clock may stand still or go back */
	private record Quote(Quoted inForce, long until) {
	}

	@Transactional(readOnly = true)
	public Optional<PolicyVersion> draft() {
		return this.versions.findFirstByApprovedAtIsNullOrderByNumberDesc();
	}

	/** Every version, newest first. */
	@Transactional(readOnly = true)
	public List<PolicyVersion> versions() {
		return this.versions.findAllNewestFirst();
	}

	@Transactional(readOnly = true)
	public Optional<PolicyVersion> version(int number) {
		return this.versions.findById(number);
	}

	/**
	 * What the draft form starts from: the draft itself, else the latest version, else the
	 * template in the reader's language.
	 */
	@Transactional(readOnly = true)
	public Map<PolicySection, String> startingTexts(Locale locale) {
		return this.versions.findFirstByOrderByNumberDesc()
			.map(PolicyVersion::texts)
			.filter(texts -> !texts.isEmpty())
			.orElseGet(() -> this.template.texts(locale));
	}

	/**
	 * Writes the draft: the one open, if {@code draftNumber} and {@code draftVersion} still name it,
	 * or a new one after the latest version when none is open and none was named.
	 * @throws ObjectOptimisticLockingFailureException when the draft was changed, approved or
	 * started by someone else since the form was opened
	 */
	public PolicyVersion write(Map<PolicySection, String> texts, Integer draftNumber, Long draftVersion, String actor) {
		Optional<PolicyVersion> open = draft();
		PolicyVersion draft;
		if (open.isPresent()) {
			draft = open.get();
			if (draftNumber == null || draftNumber != draft.getNumber() || draftVersion == null
					|| draftVersion != draft.getVersion()) {
				throw new ObjectOptimisticLockingFailureException(PolicyVersion.class, draft.getNumber());
			}
			draft.write(texts, actor, this.clock.instant());
		}
		else {
			if (draftNumber != null || draftVersion != null) {
				// the draft this form edited was approved meanwhile
				throw new ObjectOptimisticLockingFailureException(PolicyVersion.class, String.valueOf(draftNumber));
			}
			int number = this.versions.findFirstByOrderByNumberDesc().map(PolicyVersion::getNumber).orElse(0) + 1;
			draft = new PolicyVersion(number, texts, actor, this.clock.instant());
		}
		try {
			draft = this.versions.saveAndFlush(draft);
		}
		catch (DataIntegrityViolationException raced) {
			// another draft was started at the same moment (one draft at a time, V29)
			throw new ObjectOptimisticLockingFailureException(PolicyVersion.class, draft.getNumber());
		}
		this.auditLog.record(actor, AuditAction.POLICY_DRAFTED, subject(draft), null);
		return draft;
	}

	/**
	 * The executive approves the draft the page showed.
	 * @throws BusinessRuleViolation {@code policy.approve.executiveOnly}, {@code .empty},
	 * {@code .unchanged}, {@code .template}
	 * @throws ObjectOptimisticLockingFailureException when the draft is not the one shown
	 */
	public PolicyVersion approve(int number, long version, Actor actor) {
		if (!actor.roles().contains(Role.EXECUTIVE)) {
			throw new BusinessRuleViolation("policy.approve.executiveOnly");
		}
		PolicyVersion draft = draft().filter(open -> open.getNumber() == number && open.getVersion() == version)
			.orElseThrow(() -> new ObjectOptimisticLockingFailureException(PolicyVersion.class, number));
		draft.approve(inForce().orElse(null), this.template.all(), actor.username(), this.clock.instant());
		this.versions.saveAndFlush(draft);
		this.auditLog.record(actor.username(), AuditAction.POLICY_APPROVED, subject(draft), null);
		forgetQuoteOnCommit();
		return draft;
	}

	/** After the commit: a page quoting between now and then would keep the version before for seconds. */
	private void forgetQuoteOnCommit() {
		this.quote = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					synchronized (ResponsePolicy.this.approvals) {
						ResponsePolicy.this.approvals.incrementAndGet();
						ResponsePolicy.this.quote = null;
					}
				}

			});
		}
	}

	private static String subject(PolicyVersion version) {
		return "v" + version.getNumber();
	}

}
