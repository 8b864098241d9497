package jp.hikeshi.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.shared.Readiness.Line;
import jp.hikeshi.shared.Readiness.State;
import jp.hikeshi.shared.web.Notice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * "Policy approved this year" in its three states. The year is the calendar year in the
 * company's zone: a version approved at 23:00 on 31 December in Tokyo is last year's, even
 * though it was 14:00 UTC.
 */
class PolicyReadinessTest {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneOffset.UTC);

	private final ResponsePolicy policy = mock(ResponsePolicy.class);

	private final OrganisationService organisations = mock(OrganisationService.class);

	private final PolicyReadiness readiness = new PolicyReadiness(this.policy, this.organisations, NOW);

	@Test
	void missingWhenNoVersionWasEverApprovedSayingWhetherADraftWaits() {
		when(this.policy.inForce()).thenReturn(Optional.empty());
		when(this.policy.draft()).thenReturn(Optional.empty());
		assertThat(this.readiness.check().state()).isEqualTo(State.MISSING);
		assertThat(this.readiness.check().detail()).isEqualTo(Notice.of("policy.readiness.missing"));

		when(this.policy.draft()).thenReturn(Optional.of(new PolicyVersion(1, Map.of(PolicySection.RANSOM, "払わない"), "lead", NOW.instant())));
		Line line = this.readiness.check();
		assertThat(line.state()).isEqualTo(State.MISSING);
		assertThat(line.detail()).isEqualTo(Notice.of("policy.readiness.missing.draft", 1));
		assertThat(line.href()).isEqualTo("/preparedness/policy");
		assertThat(this.readiness.order()).isEqualTo(30);
	}

	@Test
	void readyWhenApprovedThisYearInTheCompanysZone() {
		when(this.organisations.timeZone()).thenReturn(ZoneId.of("Asia/Tokyo"));
		approvedAt("2025-12-31T15:30:00Z");
		Line line = this.readiness.check();
		assertThat(line.state()).isEqualTo(State.READY);
		assertThat(line.detail()).isEqualTo(Notice.of("policy.readiness.ready", 4, Notice.of("policy.day", 2026, 1, 1)));
	}

	@Test
	void needsAttentionWhenApprovedInAnEarlierYear() {
		when(this.organisations.timeZone()).thenReturn(ZoneId.of("Asia/Tokyo"));
		approvedAt("2025-12-31T14:00:00Z");
		Line line = this.readiness.check();
		assertThat(line.state()).isEqualTo(State.ATTENTION);
		assertThat(line.detail()).isEqualTo(Notice.of("policy.readiness.attention", 4, Notice.of("policy.day", 2025, 12, 31)));
	}

	private void approvedAt(String instant) {
		PolicyVersion version = new PolicyVersion(4, Map.of(PolicySection.RANSOM, "払わない"), "lead", Instant.parse(instant));
		version.approve(null, java.util.List.of(), "executive", Instant.parse(instant));
		when(this.policy.inForce()).thenReturn(Optional.of(version));
	}

}
