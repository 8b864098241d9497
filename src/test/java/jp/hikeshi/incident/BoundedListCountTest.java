package jp.hikeshi.incident;

import java.time.Instant;
import java.util.UUID;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list counts its matches only up to a bound (a thousand in the product; five here, with
 * seven matches): past it the page knows there are more, not how many; on the last page the
 * count is exact without counting; the incidents shown are those the plain paged search shows.
 */
@IntegrationTest
class BoundedListCountTest {

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	private Actor lead;

	private IncidentSearch word;

	@BeforeEach
	void sevenMatches() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		this.lead = actor(this.users.create(Role.SECURITY_LEAD));
		String unique = "数え" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 7; i++) {
			this.incidents.report(new Incident.Report(null, unique + "の件 " + i, Instant.parse("2025-03-03T01:30:00Z").plusSeconds(i),
					"営業PC-11", StillHappening.NO, null, null), actor(reporter));
		}
		this.word = new IncidentSearch(null, null, null, null, null, unique);
	}

	@Test
	void pastTheBoundThePageKnowsThereAreMoreNotHowMany() {
		IncidentService.ListPage first = this.incidents.listPage(this.word, this.lead, PageRequest.of(0, 2), 5);
		assertThat(first.countStopped()).isTrue();
		assertThat(first.atLeast()).isEqualTo(5);
		assertThat(first.page().hasNext()).isTrue();
		assertThat(first.page().getContent()).extracting(Incident::getId)
			.containsExactlyElementsOf(this.incidents.search(this.word, this.lead, PageRequest.of(0, 2))
				.map(Incident::getId).getContent());

		// a page beyond the bound counts just past itself
		IncidentService.ListPage third = this.incidents.listPage(this.word, this.lead, PageRequest.of(2, 2), 5);
		assertThat(third.countStopped()).isTrue();
		assertThat(third.atLeast()).isEqualTo(6);
		assertThat(third.page().hasNext()).isTrue();
	}

	@Test
	void theLastPageAndASmallListAreCountedExactly() {
		IncidentService.ListPage last = this.incidents.listPage(this.word, this.lead, PageRequest.of(3, 2), 5);
		assertThat(last.countStopped()).isFalse();
		assertThat(last.page().getTotalElements()).isEqualTo(7);
		assertThat(last.page().hasNext()).isFalse();
		assertThat(last.page().getContent()).hasSize(1);

		IncidentService.ListPage underTheBound = this.incidents.listPage(this.word, this.lead, PageRequest.of(0, 2), 10);
		assertThat(underTheBound.countStopped()).isFalse();
		assertThat(underTheBound.page().getTotalElements()).isEqualTo(7);
		assertThat(underTheBound.page().getTotalPages()).isEqualTo(4);
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), account.getRoles());
	}

}
