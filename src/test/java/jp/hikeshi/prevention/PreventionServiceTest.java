package jp.hikeshi.prevention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentNotFoundException;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.prevention.PreventionService.NewMeasure;
import jp.hikeshi.prevention.PreventionService.RootCauses;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prevention plan: root cause and measures, followed up until done, on PostgreSQL. */
@IntegrationTest
class PreventionServiceTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	@Autowired
	PreventionService prevention;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

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
		long id = add(Measure.Kind.TRAINING, "全社員にパスワード管理の研修", this.owner.getUsername(), TODAY.plusMonths(1));
		Actor ownerActor = new Actor(this.owner.getUsername(), Set.of(Role.REPORTER));
		assertThat(this.prevention.openMeasures(ownerActor)).extracting(Measure::id).containsExactly(id);
		assertThat(this.prevention.openMeasures(this.lead)).extracting(Measure::id).contains(id);
		assertThat(this.prevention.openMeasures(ownerActor)).singleElement()
			.satisfies(m -> assertThat(m.incidentReference()).matches("INC-\\d{4}-\\d{5}"));

		// the owner does not see the incident, yet completes their own measure
		this.prevention.complete(this.incident, id, ownerActor, TODAY);
		assertThat(this.prevention.openMeasures(ownerActor)).isEmpty();
		assertThat(plan().measures()).singleElement().satisfies(m -> {
			assertThat(m.doneBy()).isEqualTo(this.owner.getUsername());
			assertThat(m.doneOn()).isEqualTo(TODAY);
		});
		assertThat(plan().done()).hasSize(1);
		assertThat(plan().planned()).isEmpty();
		assertThatThrownBy(() -> this.prevention.complete(this.incident, id, this.lead, TODAY))
			.hasMessage("measure.alreadyDone");
		assertThat(this.incidents.findForPage(this.incident, this.lead).getTimeline())
			.filteredOn(entry -> entry.getKind() == TimelineEntry.Kind.MEASURE_COMPLETED)
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.getField()).isEqualTo("TRAINING");
				assertThat(entry.getAfter()).isEqualTo(TODAY.toString());
				assertThat(entry.getActor()).isEqualTo(this.owner.getUsername());
			});
	}

	@Test
	void aMeasureNeedsAKindADescriptionAnActiveOwnerAndAPlausibleDueDate() {
		assertRefusedOn("kind", "measure.kindRequired", () -> add(null, "x", this.owner.getUsername(), TODAY));
		assertRefusedOn("description", "measure.descriptionRequired",
				() -> add(Measure.Kind.RULES, " ", this.owner.getUsername(), TODAY));
		assertRefusedOn("owner", "measure.ownerRequired", () -> add(Measure.Kind.RULES, "規程の改定", null, TODAY));
		assertRefusedOn("owner", "measure.ownerUnknown", () -> add(Measure.Kind.RULES, "規程の改定", "nobody-here", TODAY));
		assertRefusedOn("dueOn", "measure.dueOnInvalid",
				() -> add(Measure.Kind.RULES, "規程の改定", this.owner.getUsername(), TODAY.plusYears(6)));
		assertRefusedOn("dueOn", "measure.dueOnInvalid",
				() -> add(Measure.Kind.RULES, "規程の改定", this.owner.getUsername(), TODAY.minusYears(1)));
		assertThatThrownBy(() -> add(Measure.Kind.RULES, "規程の改定", this.owner.getUsername(), null))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					violation -> assertThat(violation.arguments()).containsExactly(PreventionService.MAX_YEARS_AHEAD));
		assertThat(plan().measures()).isEmpty();
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
		assertRefusedOn("doneOn", "measure.doneOnInvalid",
				() -> this.prevention.complete(this.incident, id, this.lead, TODAY.plusDays(1)));
		assertThatThrownBy(() -> this.prevention.complete(this.incident, id + 1_000_000, this.lead, TODAY))
			.isInstanceOf(IncidentNotFoundException.class);
		assertThat(plan().planned()).extracting(Measure::id).containsExactly(id);
	}

	@Test
	void theRootCauseIsTheCausesChosenAndTheExplanationOnTheVersionSeen() {
		assertThat(plan().version()).isZero();
		assertThat(plan().rootCauseRecorded()).isFalse();

		this.prevention.recordRootCauses(this.incident, this.lead, new RootCauses(
				EnumSet.of(RootCause.WEAK_OR_STOLEN_CREDENTIALS, RootCause.HUMAN_ERROR), "  使い回したパスワードが漏れていた  ", 0));

		PreventionPlan saved = plan();
		assertThat(saved.rootCauses()).containsExactly(RootCause.WEAK_OR_STOLEN_CREDENTIALS, RootCause.HUMAN_ERROR);
		assertThat(saved.rootCauseNote()).isEqualTo("使い回したパスワードが漏れていた");
		assertThat(saved.rootCauseRecorded()).isTrue();

		// a page opened before that save is stale: refused, nothing changed
		assertThatThrownBy(() -> this.prevention.recordRootCauses(this.incident, this.lead,
				new RootCauses(EnumSet.of(RootCause.UNKNOWN), null, 0)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(plan()).isEqualTo(saved);

		// the explanation alone records a root cause; a blank one is none
		this.prevention.recordRootCauses(this.incident, this.lead, new RootCauses(Set.of(), "説明だけ", saved.version()));
		assertThat(plan().rootCauseRecorded()).isTrue();
		this.prevention.recordRootCauses(this.incident, this.lead, new RootCauses(null, " ", plan().version()));
		assertThat(plan().rootCauseNote()).isNull();
		assertThat(plan().rootCauseRecorded()).isFalse();
	}

	@Test
	void onlyTheLeadAndTheTeamRecordTheRootCause() {
		Actor executive = new Actor(this.users.create(Role.EXECUTIVE).getUsername(), Set.of(Role.EXECUTIVE));
		assertThatThrownBy(() -> this.prevention.recordRootCauses(this.incident, executive,
				new RootCauses(EnumSet.of(RootCause.UNKNOWN), null, 0)))
			.hasMessage("incident.guard.notOnTeam");
		Actor stranger = new Actor(this.users.create(Role.RESPONDER).getUsername(), Set.of(Role.RESPONDER));
		assertThatThrownBy(() -> this.prevention.recordRootCauses(this.incident, stranger,
				new RootCauses(EnumSet.of(RootCause.UNKNOWN), null, 0)))
			.isInstanceOf(IncidentNotFoundException.class);
		assertThat(plan().rootCauses()).isEmpty();
	}

	private PreventionPlan plan() {
		return this.prevention.plan(this.incident, this.lead);
	}

	private long add(Measure.Kind kind, String description, String owner, LocalDate due) {
		return this.prevention.addMeasure(this.incident, this.lead, new NewMeasure(kind, description, owner, due));
	}

	private static void assertRefusedOn(String field, String code, Runnable command) {
		assertThatThrownBy(command::run).isInstanceOfSatisfying(BusinessRuleViolation.class, violation -> {
			assertThat(violation.code()).isEqualTo(code);
			assertThat(violation.field()).isEqualTo(field);
		});
	}

}
