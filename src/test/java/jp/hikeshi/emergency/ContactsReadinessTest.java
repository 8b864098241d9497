package jp.hikeshi.emergency;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jp.hikeshi.account.Role;
import jp.hikeshi.emergency.EmergencyContacts.Member;
import jp.hikeshi.emergency.EmergencyContacts.Verification;
import jp.hikeshi.shared.Readiness.Line;
import jp.hikeshi.shared.Readiness.State;
import jp.hikeshi.shared.web.Notice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness line of the emergency contacts: missing until someone verifies the list, ready
 * for six months after that while everyone can be called and the lead has a stand-in, attention
 * otherwise. Judged on a fixed day in Tokyo.
 */
class ContactsReadinessTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	/** 2026-11-30 12:00 in Tokyo. */
	private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneOffset.UTC);

	private static final Member LEAD = member(1, Role.SECURITY_LEAD, "090-1111-2222", "standin");

	private static final Member STAND_IN = member(2, Role.RESPONDER, "090-3333-4444", null);

	@Test
	void missingUntilTheListIsVerified() {
		Line line = ContactsReadiness.judge(verified(null), List.of(LEAD, STAND_IN), Locale.JAPANESE);

		assertThat(line.state()).isEqualTo(State.MISSING);
		assertThat(line.detail()).isEqualTo(Notice.of("emergency.readiness.never"));
		assertThat(line.href()).isEqualTo("/preparedness/contacts");
		assertThat(line.label()).isEqualTo(Notice.of("emergency.readiness.label"));
	}

	@Test
	void readyForSixMonthsAfterTheCheckThenAttention() {
		// verified on 30 May 2026 (Tokyo): six months ago to the day is still fresh
		Line fresh = ContactsReadiness.judge(verified("2026-05-29T16:00:00Z"), List.of(LEAD, STAND_IN),
				Locale.JAPANESE);
		assertThat(fresh.state()).isEqualTo(State.READY);
		assertThat(fresh.detail()).isEqualTo(Notice.of("emergency.readiness.ready", "2026年5月30日"));

		// the day before is not
		Line old = ContactsReadiness.judge(verified("2026-05-28T16:00:00Z"), List.of(LEAD, STAND_IN), Locale.ENGLISH);
		assertThat(old.state()).isEqualTo(State.ATTENTION);
		assertThat(old.detail()).isEqualTo(Notice.of("emergency.readiness.old", "29 May 2026"));
	}

	@Test
	void attentionWhenSomeoneHasNoPhoneOrTheLeadNoStandIn() {
		Verification lastWeek = verified("2026-11-23T03:00:00Z");
		Member withoutPhone = member(3, Role.EXECUTIVE, null, null);
		Line noPhone = ContactsReadiness.judge(lastWeek, List.of(LEAD, STAND_IN, withoutPhone), Locale.JAPANESE);
		assertThat(noPhone.state()).isEqualTo(State.ATTENTION);
		assertThat(noPhone.detail()).isEqualTo(Notice.of("emergency.readiness.noPhone", 1L));

		Member leadAlone = member(4, Role.SECURITY_LEAD, "090-5555-6666", null);
		Line noStandIn = ContactsReadiness.judge(lastWeek, List.of(LEAD, STAND_IN, leadAlone), Locale.JAPANESE);
		assertThat(noStandIn.state()).isEqualTo(State.ATTENTION);
		assertThat(noStandIn.detail()).isEqualTo(Notice.of("emergency.readiness.noStandIn"));

		// a responder without a stand-in is fine: only the lead must have one
		assertThat(ContactsReadiness.judge(lastWeek, List.of(LEAD, STAND_IN), Locale.JAPANESE).state())
			.isEqualTo(State.READY);
	}

	private static Verification verified(String at) {
		return new Verification((at != null) ? Instant.parse(at) : null, (at != null) ? "lead" : null, 0, TOKYO,
				TODAY);
	}

	private static Member member(long id, Role role, String phone, String standIn) {
		return new Member(id, "user" + id, "テスト " + id, null, phone, role, null, null, null, standIn,
				(standIn != null) ? "代理" : null, null, null);
	}

}
