package jp.hikeshi.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.shared.Readiness;
import jp.hikeshi.shared.web.Notice;

import org.springframework.stereotype.Component;

/**
 * "Policy approved this year": ready when the version in force was approved in the current
 * calendar year in the company's time zone (a policy is reviewed once a year, as the guideline
 * asks; a calendar year rather than twelve months so that "this year" reads as the executive
 * means it), needing attention when it was approved in an earlier year, missing when none was.
 */
@Component
class PolicyReadiness implements Readiness {

	static final String HREF = "/preparedness/policy";

	private final ResponsePolicy policy;

	private final OrganisationService organisations;

	private final Clock clock;

	PolicyReadiness(ResponsePolicy policy, OrganisationService organisations, Clock clock) {
		this.policy = policy;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Line check() {
		Notice label = Notice.of("policy.readiness.label");
		Optional<PolicyVersion> inForce = this.policy.inForce();
		if (inForce.isEmpty()) {
			Notice detail = this.policy.draft()
				.map(draft -> Notice.of("policy.readiness.missing.draft", draft.getNumber()))
				.orElseGet(() -> Notice.of("policy.readiness.missing"));
			return new Line(label, State.MISSING, detail, HREF);
		}
		ZoneId zone = this.organisations.timeZone();
		LocalDate approved = LocalDate.ofInstant(inForce.get().getApprovedAt(), zone);
		Notice day = Notice.of("policy.day", approved.getYear(), approved.getMonthValue(), approved.getDayOfMonth());
		boolean thisYear = approved.getYear() == LocalDate.now(this.clock.withZone(zone)).getYear();
		return thisYear ? new Line(label, State.READY, Notice.of("policy.readiness.ready", inForce.get().getNumber(), day), HREF)
				: new Line(label, State.ATTENTION, Notice.of("policy.readiness.attention", inForce.get().getNumber(), day),
						HREF);
	}

}
