package jp.hikeshi.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import jp.hikeshi.shared.BusinessRuleViolation;

/**
 * One version of the response policy: a draft while it is written, then approved by the
 * executive and from then on history — the database refuses any change to it (V29).
 */
@Entity
@Table(name = "response_policy_version")
public class PolicyVersion {

	@Id
	private Integer number;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "response_policy_section", joinColumns = @JoinColumn(name = "policy_number"))
	@MapKeyColumn(name = "section")
	@MapKeyEnumerated(EnumType.STRING)
	@Column(name = "text")
	private Map<PolicySection, String> sections = new HashMap<>();

	private String draftedBy;

	private Instant draftedAt;

	private String approvedBy;

	private Instant approvedAt;

	@Version
	private long version;

	protected PolicyVersion() {
	}

	PolicyVersion(int number, Map<PolicySection, String> texts, String by, Instant at) {
		this.number = number;
		write(texts, by, at);
	}

	/** Replaces the draft's texts; a blank section is left out. */
	void write(Map<PolicySection, String> texts, String by, Instant at) {
		if (isApproved()) {
			throw new BusinessRuleViolation("policy.approved.kept");
		}
		Map<PolicySection, String> kept = normalised(texts);
		this.sections.keySet().retainAll(kept.keySet());
		this.sections.putAll(kept);
		this.draftedBy = by;
		this.draftedAt = at;
	}

	/**
	 * Approves the draft.
	 * @param previous the version in force until now, if any: an unchanged copy of it is no new policy
	 * @param templates the starting texts: approving them as they are would approve nobody's decisions
	 */
	void approve(PolicyVersion previous, Iterable<Map<PolicySection, String>> templates, String by, Instant at) {
		if (isApproved()) {
			throw new BusinessRuleViolation("policy.approved.kept");
		}
		if (this.sections.isEmpty()) {
			throw new BusinessRuleViolation("policy.approve.empty");
		}
		if (previous != null && previous.texts().equals(texts())) {
			throw new BusinessRuleViolation("policy.approve.unchanged", previous.number);
		}
		for (Map<PolicySection, String> template : templates) {
			if (normalised(template).equals(texts())) {
				throw new BusinessRuleViolation("policy.approve.template");
			}
		}
		this.approvedBy = by;
		this.approvedAt = at;
	}

	static Map<PolicySection, String> normalised(Map<PolicySection, String> texts) {
		Map<PolicySection, String> kept = new EnumMap<>(PolicySection.class);
		texts.forEach((section, text) -> {
			if (section != null && text != null && !text.isBlank()) {
				kept.put(section, text.strip().replace("\r\n", "\n"));
			}
		});
		return kept;
	}

	public int getNumber() {
		return this.number;
	}

	/** The sections written, in the policy's order. */
	public Map<PolicySection, String> texts() {
		return Collections.unmodifiableMap(new EnumMap<>(normalised(this.sections)));
	}

	/** One section's text, or {@code null} when the policy says nothing about it. */
	public String text(PolicySection section) {
		return this.sections.get(section);
	}

	public String getDraftedBy() {
		return this.draftedBy;
	}

	public Instant getDraftedAt() {
		return this.draftedAt;
	}

	public String getApprovedBy() {
		return this.approvedBy;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public boolean isApproved() {
		return this.approvedAt != null;
	}

	public long getVersion() {
		return this.version;
	}

}
