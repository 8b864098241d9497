package jp.hikeshi.prevention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentNotFoundException;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/** Root causes and prevention measures, followed up until done, on PostgreSQL. */
@IntegrationTest
class PreventionServiceTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	@Autowired
	PreventionService prevention;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	Actor lead;

	UserAccount owner;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.owner = this.users.create(Role.REPORTER);
		this.incident = this.incidents.report(new Incident.Report(null, "パスワードの使い回しによる侵入", null, null, null, null,
				null), new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void aMeasureIsFollowedUntilItsOwnerMarksItDone() {
		long id = this.prevention.addMeasure(this.incident, this.lead, Measure.Kind.TRAINING, "全社員にパスワード管理の研修",
				this.owner.getUsername(), TODAY.plusMonths(1));
		Actor ownerActor = new Actor(this.owner.getUsername(), Set.of(Role.REPORTER));
		assertThat(this.prevention.openMeasures(ownerActor)).extracting(Measure::id).containsExactly(id);
		assertThat(this.prevention.openMeasures(this.lead)).extracting(Measure::id).contains(id);

		// the owner does not see the incident, yet completes their own measure
		this.prevention.complete(this.incident, id, ownerActor, TODAY);
		assertThat(this.prevention.openMeasures(ownerActor)).isEmpty();
		assertThat(this.prevention.measuresOf(this.incident, this.lead)).singleElement()
			.satisfies(m -> assertThat(m.doneBy()).isEqualTo(this.owner.getUsername()));
		assertThatThrownBy(() -> this.prevention.complete(this.incident, id, this.lead, TODAY))
			.hasMessage("measure.alreadyDone");
		assertThat(this.incidents.findForPage(this.incident, this.lead).getTimeline())
			.anySatisfy(entry -> assertThat(entry.getAfter()).isEqualTo("done " + TODAY));
	}

	@Test
	void aMeasureNeedsAKindADescriptionAnActiveOwnerAndAPlausibleDueDate() {
		assertThatThrownBy(() -> add(null, "x", this.owner.getUsername(), TODAY)).hasMessage("measure.kindRequired");
		assertThatThrownBy(() -> add(Measure.Kind.RULES, " ", this.owner.getUsername(), TODAY))
			.hasMessage("measure.descriptionRequired");
		assertThatThrownBy(() -> add(Measure.Kind.RULES, "規程の改定", null, TODAY)).hasMessage("measure.ownerRequired");
		assertThatThrownBy(() -> add(Measure.Kind.RULES, "規程の改定", "nobody-here", TODAY))
			.hasMessage("measure.ownerUnknown");
		assertThatThrownBy(() -> add(Measure.Kind.RULES, "規程の改定", this.owner.getUsername(), TODAY.plusYears(6)))
			.hasMessage("measure.dueOnInvalid");
		assertThatThrownBy(() -> add(Measure.Kind.RULES, "規程の改定", this.owner.getUsername(), TODAY.minusYears(1)))
			.hasMessage("measure.dueOnInvalid");
		assertThat(this.prevention.measuresOf(this.incident, this.lead)).isEmpty();
	}

	@Test
	void onlyTheOwnerOrTheLeadCompleteAndStrangersGetNothing() {
		long id = add(Measure.Kind.TECHNICAL, "多要素認証の導入", this.owner.getUsername(), TODAY.plusDays(30));
		Actor executive = new Actor(this.users.create(Role.EXECUTIVE).getUsername(), Set.of(Role.EXECUTIVE));
		assertThatThrownBy(() -> this.prevention.complete(this.incident, id, executive, TODAY))
			.hasMessage("measure.ownerOrLeadOnly");
		Actor stranger = new Actor(this.users.create(Role.RESPONDER).getUsername(), Set.of(Role.RESPONDER));
		assertThatThrownBy(() -> this.prevention.complete(this.incident, id, stranger, TODAY))
			.isInstanceOf(IncidentNotFoundException.class);
		assertThatThrownBy(() -> this.prevention.complete(this.incident, id, this.lead, TODAY.plusDays(1)))
			.hasMessage("measure.doneOnInvalid");
	}

	@Test
	void rootCausesAreRecordedOnTheTimeline() {
		this.prevention.setRootCauses(this.incident, this.lead,
				EnumSet.of(RootCause.WEAK_OR_STOLEN_CREDENTIALS, RootCause.HUMAN_ERROR));
		assertThat(this.prevention.rootCauses(this.incident, this.lead))
			.containsExactlyInAnyOrder(RootCause.WEAK_OR_STOLEN_CREDENTIALS, RootCause.HUMAN_ERROR);
		assertThat(this.incidents.findForPage(this.incident, this.lead).getTimeline())
			.anySatisfy(entry -> assertThat(entry.getAfter()).isEqualTo("WEAK_OR_STOLEN_CREDENTIALS, HUMAN_ERROR"));
	}

	@Test
	void theFormExplainsAMeasureWithoutOwner() throws Exception {
		this.mvc.perform(post("/incidents/{id}/measures", this.incident).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(this.lead.username()))
				.param("kind", "TECHNICAL")
				.param("description", "パッチ適用の自動化")
				.param("dueOn", TODAY.plusDays(10).toString()))
			.andExpect(flash().attribute("problem", "measure.ownerRequired"));
		this.mvc.perform(post("/incidents/{id}/measures", this.incident).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.with(this.users.signedIn(this.lead.username()))
				.param("kind", "SOMETHING")
				.param("description", "x"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
	}

	private long add(Measure.Kind kind, String description, String owner, LocalDate due) {
		return this.prevention.addMeasure(this.incident, this.lead, kind, description, owner, due);
	}

}
