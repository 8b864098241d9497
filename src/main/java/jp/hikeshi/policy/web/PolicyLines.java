package jp.hikeshi.policy.web;

import jp.hikeshi.policy.PolicySection;
import jp.hikeshi.policy.ResponsePolicy;

import org.springframework.stereotype.Component;

/**
 * The policy's line where a decision is taken on an incident page (forming the team, publishing,
 * cutting the network): {@code ${@policyLines.of('CONTAINMENT')}} from
 * {@code fragments/policy :: line(section)}, so that no incident controller needs to know of it.
 */
@Component("policyLines")
public class PolicyLines {

	private final ResponsePolicy policy;

	PolicyLines(ResponsePolicy policy) {
		this.policy = policy;
	}

	/** The section of the policy in force, or {@code null} when none is approved. */
	public Line of(String section) {
		PolicySection which = PolicySection.valueOf(section);
		return this.policy.quoted().map(quoted -> new Line(which, quoted.number(), quoted.text(which))).orElse(null);
	}

	/** @param text what the policy says, or {@code null} when it says nothing about it */
	public record Line(PolicySection section, int number, String text) {
	}

}
