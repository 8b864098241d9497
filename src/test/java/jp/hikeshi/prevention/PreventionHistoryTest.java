package jp.hikeshi.prevention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.prevention.PreventionEvents.MeasureAdded;
import jp.hikeshi.prevention.PreventionEvents.MeasureCompleted;
import jp.hikeshi.prevention.PreventionEvents.RootCauseNoteChanged;
import jp.hikeshi.prevention.PreventionEvents.RootCausesChanged;
import jp.hikeshi.prevention.PreventionService.NewMeasure;
import jp.hikeshi.prevention.PreventionService.RootCauses;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the plan publishes, and the line each puts on the incident's timeline: raw values
 * (enum names, ISO dates, user names), in the same transaction. Nothing is published for a
 * save that changes nothing, and a refused change publishes nothing.
 */
@IntegrationTest
@RecordApplicationEvents
@EnableScenarios
class PreventionHistoryTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	@Autowired
	PreventionService prevention;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationEvents events;

	Actor lead;

	String owner;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.owner = this.users.create(Role.RESPONDER).getUsername();
		this.incident = this.incidents.report(new Incident.Report(null, "取引先を装ったメールで送金してしまった", null, null, null,
				null, null), new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void theRootCausesAndTheirExplanationEachGoOnTheTimelineWhenTheyChange() {
		this.prevention.recordRootCauses(this.incident, this.lead, new RootCauses(
				EnumSet.of(RootCause.PHISHING_OR_SOCIAL_ENGINEERING, RootCause.HUMAN_ERROR), "振込先の変更を電話で確かめなかった", 0));

		assertThat(this.events.stream(RootCausesChanged.class)).singleElement().satisfies(event -> {
			assertThat(event.incidentId()).isEqualTo(this.incident);
			assertThat(event.actor()).isEqualTo(this.lead.username());
			assertThat(event.before()).isEmpty();
			assertThat(event.after()).containsExactlyInAnyOrder(RootCause.PHISHING_OR_SOCIAL_ENGINEERING,
					RootCause.HUMAN_ERROR);
		});
		assertThat(this.events.stream(RootCauseNoteChanged.class)).singleElement()
			.satisfies(event -> assertThat(event.after()).isEqualTo("振込先の変更を電話で確かめなかった"));
		assertThat(lines(TimelineEntry.Kind.ROOT_CAUSES_CHANGED)).singleElement().satisfies(entry -> {
			assertThat(entry.getActor()).isEqualTo(this.lead.username());
			assertThat(entry.getBefore()).isEmpty();
			assertThat(entry.getAfter()).isEqualTo("HUMAN_ERROR, PHISHING_OR_SOCIAL_ENGINEERING");
		});
		assertThat(lines(TimelineEntry.Kind.ROOT_CAUSE_NOTE_CHANGED)).singleElement()
			.satisfies(entry -> assertThat(entry.getNote()).isEqualTo("振込先の変更を電話で確かめなかった"));

		// the same again: nothing changed, nothing published, no line
		this.events.clear();
		this.prevention.recordRootCauses(this.incident, this.lead, new RootCauses(
				EnumSet.of(RootCause.HUMAN_ERROR, RootCause.PHISHING_OR_SOCIAL_ENGINEERING), "振込先の変更を電話で確かめなかった",
				version()));
		assertThat(this.events.stream(RootCausesChanged.class)).isEmpty();
		assertThat(this.events.stream(RootCauseNoteChanged.class)).isEmpty();

		// only the explanation changes: only its line
		this.prevention.recordRootCauses(this.incident, this.lead, new RootCauses(
				EnumSet.of(RootCause.HUMAN_ERROR, RootCause.PHISHING_OR_SOCIAL_ENGINEERING), "送金の手順に二人目の確認がなかった",
				version()));
		assertThat(this.events.stream(RootCausesChanged.class)).isEmpty();
		assertThat(this.events.stream(RootCauseNoteChanged.class)).singleElement().satisfies(event -> {
			assertThat(event.before()).isEqualTo("振込先の変更を電話で確かめなかった");
			assertThat(event.after()).isEqualTo("送金の手順に二人目の確認がなかった");
		});
		assertThat(lines(TimelineEntry.Kind.ROOT_CAUSES_CHANGED)).hasSize(1);
		assertThat(lines(TimelineEntry.Kind.ROOT_CAUSE_NOTE_CHANGED)).extracting(TimelineEntry::getNote)
			.containsExactly("振込先の変更を電話で確かめなかった", "送金の手順に二人目の確認がなかった");

		// only the causes change: only theirs, before and after raw
		this.prevention.recordRootCauses(this.incident, this.lead, new RootCauses(
				EnumSet.of(RootCause.HUMAN_ERROR), "送金の手順に二人目の確認がなかった", version()));
		assertThat(this.events.stream(RootCauseNoteChanged.class)).hasSize(1);
		assertThat(lines(TimelineEntry.Kind.ROOT_CAUSES_CHANGED)).last().satisfies(entry -> {
			assertThat(entry.getBefore()).isEqualTo("HUMAN_ERROR, PHISHING_OR_SOCIAL_ENGINEERING");
			assertThat(entry.getAfter()).isEqualTo("HUMAN_ERROR");
		});
	}

	@Test
	void aMeasureAddedAndCompletedGoesOnTheTimelineWithItsKindOwnerAndDates() {
		LocalDate due = TODAY.plusMonths(2);
		long id = this.prevention.addMeasure(this.incident, this.lead,
				new NewMeasure(Measure.Kind.RULES, "送金先の変更は電話で確かめる規程", this.owner, due));

		assertThat(this.events.stream(MeasureAdded.class)).singleElement()
			.isEqualTo(new MeasureAdded(this.incident, this.lead.username(), id, Measure.Kind.RULES,
					"送金先の変更は電話で確かめる規程", this.owner, due));
		assertThat(lines(TimelineEntry.Kind.MEASURE_ADDED)).singleElement().satisfies(entry -> {
			assertThat(entry.getField()).isEqualTo("RULES");
			assertThat(entry.getBefore()).isEqualTo(this.owner);
			assertThat(entry.getAfter()).isEqualTo(due.toString());
			assertThat(entry.getNote()).isEqualTo("送金先の変更は電話で確かめる規程");
		});

		this.prevention.complete(this.incident, id, new Actor(this.owner, Set.of(Role.RESPONDER)), TODAY);

		assertThat(this.events.stream(MeasureCompleted.class)).singleElement()
			.isEqualTo(new MeasureCompleted(this.incident, this.owner, id, Measure.Kind.RULES, "送金先の変更は電話で確かめる規程",
					TODAY));
		assertThat(lines(TimelineEntry.Kind.MEASURE_COMPLETED)).singleElement().satisfies(entry -> {
			assertThat(entry.getActor()).isEqualTo(this.owner);
			assertThat(entry.getField()).isEqualTo("RULES");
			assertThat(entry.getAfter()).isEqualTo(TODAY.toString());
		});
		assertThat(this.incidents.verifyTimeline(this.incident, this.lead).intact()).isTrue();
	}

	@Test
	void aScenarioSeesTheAddedMeasureArriveAndItsLineOnTheTimeline(Scenario scenario) {
		LocalDate due = TODAY.plusWeeks(3);
		scenario.stimulate(() -> this.prevention.addMeasure(this.incident, this.lead,
				new NewMeasure(Measure.Kind.TRAINING, "経理部向けの標的型メール訓練", this.owner, due)))
			.andWaitForEventOfType(MeasureAdded.class)
			.matching(event -> event.incidentId() == this.incident && event.kind() == Measure.Kind.TRAINING
					&& this.owner.equals(event.owner()) && due.equals(event.dueOn()))
			.toArriveAndVerify((event, id) -> {
				assertThat(event).isEqualTo(new MeasureAdded(this.incident, this.lead.username(), id,
						Measure.Kind.TRAINING, "経理部向けの標的型メール訓練", this.owner, due));
				assertThat(lines(TimelineEntry.Kind.MEASURE_ADDED)).singleElement().satisfies(entry -> {
					assertThat(entry.getKind()).isEqualTo(TimelineEntry.Kind.MEASURE_ADDED);
					assertThat(entry.getActor()).isEqualTo(this.lead.username());
					assertThat(entry.getField()).isEqualTo("TRAINING");
					assertThat(entry.getBefore()).isEqualTo(this.owner);
					assertThat(entry.getAfter()).isEqualTo(due.toString());
					assertThat(entry.getNote()).isEqualTo("経理部向けの標的型メール訓練");
				});
			});
	}

	@Test
	void aRefusedChangePublishesNothingAndLeavesNoLine() {
		int before = this.incidents.findForPage(this.incident, this.lead).getTimelineLength();
		assertThatThrownBy(() -> this.prevention.addMeasure(this.incident, this.lead,
				new NewMeasure(Measure.Kind.RULES, "期限のない対策", this.owner, null)))
			.hasMessage("measure.dueOnInvalid");
		assertThat(this.events.stream(MeasureAdded.class)).isEmpty();
		assertThat(this.incidents.findForPage(this.incident, this.lead).getTimelineLength()).isEqualTo(before);
	}

	private long version() {
		return this.prevention.plan(this.incident, this.lead).version();
	}

	private List<TimelineEntry> lines(TimelineEntry.Kind kind) {
		return this.incidents.findForPage(this.incident, this.lead)
			.getTimeline()
			.stream()
			.filter(entry -> entry.getKind() == kind)
			.toList();
	}

}
