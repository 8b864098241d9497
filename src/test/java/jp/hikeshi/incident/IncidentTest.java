package jp.hikeshi.incident;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.ChecklistItem.Status;
import jp.hikeshi.incident.IncidentEvents.Closed;
import jp.hikeshi.incident.IncidentEvents.Escalated;
import jp.hikeshi.incident.IncidentEvents.Reported;
import jp.hikeshi.incident.IncidentEvents.StateChanged;
import jp.hikeshi.incident.TimelineEntry.Kind;
import jp.hikeshi.incident.TimelineVerification.Problem;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.modulith.test.AggregateTestUtils;

import static jp.hikeshi.incident.IncidentState.CLOSED;
import static jp.hikeshi.incident.IncidentState.CONTAINMENT;
import static jp.hikeshi.incident.IncidentState.DISCLOSURE;
import static jp.hikeshi.incident.IncidentState.DISMISSED;
import static jp.hikeshi.incident.IncidentState.ESCALATED;
import static jp.hikeshi.incident.IncidentState.PREVENTION;
import static jp.hikeshi.incident.IncidentState.RECOVERY;
import static jp.hikeshi.incident.IncidentState.REPORTED;
import static jp.hikeshi.incident.IncidentState.TEAM_FORMED;
import static jp.hikeshi.incident.IncidentState.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/** The aggregate on its own: every move of the transition table, its guards, and the timeline. */
class IncidentTest {

	private static final String REFERENCE = "INC-2025-00042";

	private static final Instant T0 = Instant.parse("2025-04-01T09:00:00.123456Z");

	private static final Instant DISCOVERED = T0.minus(2, ChronoUnit.HOURS);

	private static final Instant OCCURRED = T0.minus(5, ChronoUnit.HOURS);

	private static final Actor REPORTER = new Actor("reporter", Set.of(Role.REPORTER));

	private static final Actor LEAD = new Actor("lead", Set.of(Role.SECURITY_LEAD));

	private static final Actor EXECUTIVE = new Actor("executive", Set.of(Role.EXECUTIVE));

	private static final Actor RESPONSIBLE = new Actor("responsible", Set.of(Role.RESPONDER));

	private static final Actor ASSIGNEE = new Actor("assignee", Set.of(Role.RESPONDER));

	private static final Actor BYSTANDER = new Actor("bystander", Set.of(Role.RESPONDER));

	/** The transition table as the guide describes it, written out so that a change to it shows. */
	private static final Map<Transition, Set<IncidentState>> ALLOWED_FROM = Map.ofEntries(
			Map.entry(Transition.TAKE, EnumSet.of(REPORTED)), Map.entry(Transition.DISMISS, EnumSet.of(TRIAGE)),
			Map.entry(Transition.REOPEN, EnumSet.of(DISMISSED)), Map.entry(Transition.ESCALATE, EnumSet.of(TRIAGE)),
			Map.entry(Transition.FORM_TEAM, EnumSet.of(ESCALATED)),
			Map.entry(Transition.START_CONTAINMENT, EnumSet.of(TEAM_FORMED)),
			Map.entry(Transition.FINISH_CONTAINMENT, EnumSet.of(CONTAINMENT)),
			Map.entry(Transition.START_RECOVERY, EnumSet.of(DISCLOSURE)),
			Map.entry(Transition.START_PREVENTION, EnumSet.of(RECOVERY)),
			Map.entry(Transition.APPROVE_CLOSING, EnumSet.of(PREVENTION)),
			Map.entry(Transition.CLOSE, EnumSet.of(PREVENTION)),
			Map.entry(Transition.REENTER, EnumSet.of(DISCLOSURE, RECOVERY, PREVENTION, CLOSED)));

	private Instant clock = T0;

	private long nextItemId = 1000;

	// --- reporting ---

	@Test
	void aReportStartsTheTimelineAndTellsTheOtherModules() {
		Incident incident = reported();

		assertThat(incident.getState()).isEqualTo(REPORTED);
		assertThat(incident.getReference()).isEqualTo(REFERENCE);
		assertThat(incident.getTitle()).isEqualTo("経理部のPCに身代金を要求する画面が出た");
		assertThat(incident.getDiscoveredAt()).isEqualTo(DISCOVERED);
		assertThat(incident.getReportedAt()).isEqualTo(T0);
		assertThat(incident.getReportedBy()).isEqualTo(REPORTER.username());
		assertThat(incident.getStillHappening()).isEqualTo(StillHappening.YES);
		assertThat(incident.getTimeline()).singleElement().satisfies(entry -> {
			assertThat(entry.getSequence()).isEqualTo(1);
			assertThat(entry.getKind()).isEqualTo(Kind.REPORTED);
			assertThat(entry.getFromState()).isNull();
			assertThat(entry.getToState()).isEqualTo(REPORTED);
			assertThat(entry.getActor()).isEqualTo(REPORTER.username());
			assertThat(entry.getOccurredAt()).isEqualTo(T0);
			assertThat(entry.getPreviousHash()).isEmpty();
			assertThat(entry.getHash()).matches("[0-9a-f]{64}");
			assertThat(entry.isSharedWithReporter()).isTrue();
		});
		assertThat(incident.getTimelineLength()).isEqualTo(1);
		assertThat(events(incident)).containsExactly(new Reported(REFERENCE));
	}

	@Test
	void aLongFirstLineIsShortenedIntoTheTitleAndDiscoveryDefaultsToTheReport() {
		String longLine = "あ".repeat(80);
		Incident incident = Incident.report(REFERENCE,
				new Incident.Report("  ", longLine + "\n二行目", null, null, null, null, null), REPORTER.username(), T0);

		assertThat(incident.getTitle()).hasSize(Incident.TITLE_FROM_DESCRIPTION)
			.isEqualTo("あ".repeat(Incident.TITLE_FROM_DESCRIPTION - 1) + "…");
		assertThat(incident.getDiscoveredAt()).isEqualTo(T0);
		assertThat(incident.getStillHappening()).isEqualTo(StillHappening.UNKNOWN);
	}

	// --- every transition, its happy path ---

	@Test
	void theLeadTakesAReportIntoTriage() {
		Incident incident = in(REPORTED);
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.take(LEAD, at);

		assertThat(incident.getState()).isEqualTo(TRIAGE);
		assertThat(watch.newEntries())
			.singleElement()
			.satisfies(entry -> assertStateChanged(entry, REPORTED, TRIAGE, LEAD, null, at));
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, REPORTED, TRIAGE));
	}

	@Test
	void theLeadDismissesWithTheReasonOnTheTimeline() {
		Incident incident = in(TRIAGE);
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.dismiss(LEAD, "情報システム部の訓練メールだった", at);

		assertThat(incident.getState()).isEqualTo(DISMISSED);
		assertThat(watch.newEntries()).singleElement()
			.satisfies(entry -> assertStateChanged(entry, TRIAGE, DISMISSED, LEAD, "情報システム部の訓練メールだった", at));
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, TRIAGE, DISMISSED));
	}

	@Test
	void theLeadReopensADismissedReportIntoTriage() {
		Incident incident = in(DISMISSED);
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.reopen(LEAD, "同じ画面が別のPCにも出た", at);

		assertThat(incident.getState()).isEqualTo(TRIAGE);
		assertThat(watch.newEntries()).singleElement()
			.satisfies(entry -> assertStateChanged(entry, DISMISSED, TRIAGE, LEAD, "同じ画面が別のPCにも出た", at));
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, DISMISSED, TRIAGE));
	}

	@Test
	void theLeadEscalatesWithCategorySeverityAndTheChecklist() {
		Incident incident = in(TRIAGE);
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.escalate(LEAD, Category.VIRUS_RANSOMWARE, LeakKind.INSIDER, Severity.HIGH, "経営者に報告", at);

		assertThat(incident.getState()).isEqualTo(ESCALATED);
		assertThat(incident.getCategory()).isEqualTo(Category.VIRUS_RANSOMWARE);
		assertThat(incident.getSeverity()).isEqualTo(Severity.HIGH);
		assertThat(incident.getLeakKind()).as("a leak kind only for information leaks").isNull();
		assertThat(incident.getChecklist()).isNotEmpty();
		assertThat(watch.newEntries()).singleElement()
			.satisfies(entry -> assertStateChanged(entry, TRIAGE, ESCALATED, LEAD, "経営者に報告", at));
		assertThat(watch.newEvents()).containsExactlyInAnyOrder(new StateChanged(REFERENCE, TRIAGE, ESCALATED),
				new Escalated(REFERENCE, Category.VIRUS_RANSOMWARE, Severity.HIGH, LEAD.username()));
	}

	@Test
	void theExecutiveFormsTheTeam() {
		Incident incident = in(ESCALATED);
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.formTeam(EXECUTIVE, RESPONSIBLE.username(),
				List.of(new Assignee(ASSIGNEE.username(), "ログ調査"), new Assignee("another", "取引先への連絡")), at);

		assertThat(incident.getState()).isEqualTo(TEAM_FORMED);
		assertThat(incident.getResponsible()).isEqualTo(RESPONSIBLE.username());
		assertThat(incident.getAssignees()).extracting(Assignee::username).containsExactly("assignee", "another");
		assertThat(watch.newEntries()).hasSize(2);
		TimelineEntry team = watch.newEntries().get(0);
		assertThat(team.getKind()).isEqualTo(Kind.TEAM_FORMED);
		assertThat(team.getActor()).isEqualTo(EXECUTIVE.username());
		assertThat(team.getField()).as("the responsible person, raw").isEqualTo("responsible");
		assertThat(team.getAfter()).as("the assignees, raw").isEqualTo("another, assignee");
		assertThat(team.isSharedWithReporter()).isFalse();
		assertStateChanged(watch.newEntries().get(1), ESCALATED, TEAM_FORMED, EXECUTIVE, null, at);
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, ESCALATED, TEAM_FORMED));
	}

	@Test
	void theLeadStartsContainment() {
		Incident incident = in(TEAM_FORMED);
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.startContainment(LEAD, at);

		assertThat(incident.getState()).isEqualTo(CONTAINMENT);
		assertThat(watch.newEntries()).singleElement()
			.satisfies(entry -> assertStateChanged(entry, TEAM_FORMED, CONTAINMENT, LEAD, null, at));
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, TEAM_FORMED, CONTAINMENT));
	}

	@Test
	void theLeadFinishesContainmentOnceTheInitialResponseIsResolvedWhateverTheOtherPoints() {
		Incident incident = in(CONTAINMENT);
		resolve(incident, ChecklistPoint.Group::isInitial);
		assertThat(incident.getChecklist()).filteredOn(item -> !item.getGroup().isInitial())
			.isNotEmpty()
			.allMatch(item -> item.getStatus() == Status.OPEN);
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.finishContainment(LEAD, at);

		assertThat(incident.getState()).isEqualTo(DISCLOSURE);
		assertThat(watch.newEntries()).singleElement()
			.satisfies(entry -> assertStateChanged(entry, CONTAINMENT, DISCLOSURE, LEAD, null, at));
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, CONTAINMENT, DISCLOSURE));
	}

	@Test
	void theLeadStartsRecoveryOnceDisclosureIsDecided() {
		Incident incident = in(DISCLOSURE);
		incident.updateRecord(RESPONSIBLE, completeRecord(DisclosureStatus.PLANNED), OCCURRED, DISCOVERED, next());
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.startRecovery(LEAD, at);

		assertThat(incident.getState()).isEqualTo(RECOVERY);
		assertThat(watch.newEntries()).singleElement()
			.satisfies(entry -> assertStateChanged(entry, DISCLOSURE, RECOVERY, LEAD, null, at));
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, DISCLOSURE, RECOVERY));
	}

	@Test
	void theLeadStartsPreventionOnceTheCategoryPointsAreResolved() {
		Incident incident = in(RECOVERY);
		resolve(incident, group -> !group.isInitial());
		incident.confirmRecovery(LEAD, "バックアップから復元し、スキャンで検出なし", true, next());
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.startPrevention(LEAD, at);

		assertThat(incident.getState()).isEqualTo(PREVENTION);
		assertThat(watch.newEntries()).singleElement()
			.satisfies(entry -> assertStateChanged(entry, RECOVERY, PREVENTION, LEAD, null, at));
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, RECOVERY, PREVENTION));
	}

	@Test
	void theExecutiveApprovesTheClosingWithoutChangingTheState() {
		Incident incident = in(PREVENTION);
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.approveClosing(EXECUTIVE, at);

		assertThat(incident.getState()).isEqualTo(PREVENTION);
		assertThat(incident.getClosingApprovedBy()).isEqualTo(EXECUTIVE.username());
		assertThat(incident.getClosingApprovedAt()).isEqualTo(at);
		assertThat(watch.newEntries()).singleElement().satisfies(entry -> {
			assertThat(entry.getKind()).isEqualTo(Kind.CLOSING_APPROVED);
			assertThat(entry.getActor()).isEqualTo(EXECUTIVE.username());
			assertThat(entry.getOccurredAt()).isEqualTo(at);
			assertThat(entry.getFromState()).isNull();
			assertThat(entry.getToState()).isNull();
		});
		assertThat(watch.newEvents()).isEmpty();
	}

	@Test
	void theLeadClosesAnApprovedIncident() {
		Incident incident = approvedForClosing();
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.close(LEAD, at);

		assertThat(incident.getState()).isEqualTo(CLOSED);
		assertThat(incident.getClosedAt()).isEqualTo(at);
		assertThat(watch.newEntries()).singleElement()
			.satisfies(entry -> assertStateChanged(entry, PREVENTION, CLOSED, LEAD, null, at));
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, PREVENTION, CLOSED),
				new Closed(REFERENCE));
	}

	@Test
	void theLeadReentersAnEarlierStateWithAReasonAndNothingIsRemoved() {
		Incident incident = in(RECOVERY);
		List<TimelineEntry> before = List.copyOf(incident.getTimeline());
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.reenter(LEAD, CONTAINMENT, "復旧したサーバで再感染を確認", at);

		assertThat(incident.getState()).isEqualTo(CONTAINMENT);
		assertThat(incident.getTimeline()).startsWith(before.toArray(TimelineEntry[]::new));
		assertStateChanged(watch.newEntries().get(0), RECOVERY, CONTAINMENT, LEAD, "復旧したサーバで再感染を確認", at);
		// what containment had confirmed is withdrawn, with a line of its own: the checklist is open again
		assertThat(watch.newEntries()).hasSize(2);
		assertThat(watch.newEntries().get(1).getKind()).isEqualTo(Kind.WITHDRAWN);
		assertThat(watch.newEntries().get(1).getField()).isEqualTo(Withdrawn.INITIAL_CHECKLIST.name());
		assertThat(incident.getChecklist()).filteredOn(item -> item.getGroup().isInitial())
			.isNotEmpty()
			.allMatch(item -> !item.isResolved());
		assertThat(watch.newEvents()).containsExactly(new StateChanged(REFERENCE, RECOVERY, CONTAINMENT));
	}

	@Test
	void reenteringRecoveryWithdrawsTheConfirmationAndItsText() {
		Incident incident = in(PREVENTION);
		assertThat(incident.getRecoveryConfirmedAt()).isNotNull();
		Watch watch = new Watch(incident);

		incident.reenter(LEAD, RECOVERY, "復旧したはずのサーバが再び停止", next());

		assertThat(incident.getRecoveryConfirmedAt()).isNull();
		assertThat(incident.getRecoveryChecks()).as("the withdrawn text is not offered again").isNull();
		assertThat(incident.isRecoveryReported()).isFalse();
		assertThat(watch.newEntries()).extracting(TimelineEntry::getKind)
			.containsExactly(Kind.STATE_CHANGED, Kind.WITHDRAWN);
		assertThat(watch.newEntries().get(1).getField()).isEqualTo(Withdrawn.RECOVERY_CONFIRMATION.name());
	}

	@Test
	void reenteringAClosedIncidentWithdrawsTheApprovalAndTheClosing() {
		Incident incident = in(CLOSED);
		assertThat(incident.getClosedAt()).isNotNull();
		Instant at = next();

		incident.reenter(LEAD, RECOVERY, "同じ手口の攻撃が再び観測された", at);

		assertThat(incident.getState()).isEqualTo(RECOVERY);
		assertThat(incident.getClosedAt()).isNull();
		assertThat(incident.getClosingApprovedAt()).isNull();
		assertThat(incident.getClosingApprovedBy()).isNull();
		List<TimelineEntry> timeline = incident.getTimeline();
		assertStateChanged(timeline.get(timeline.size() - 3), CLOSED, RECOVERY, LEAD, "同じ手口の攻撃が再び観測された", at);
		assertThat(timeline.subList(timeline.size() - 2, timeline.size())).extracting(TimelineEntry::getField)
			.containsExactly(Withdrawn.RECOVERY_CONFIRMATION.name(), Withdrawn.CLOSING_APPROVAL.name());
	}

	// --- every transition, from every state it is not allowed from ---

	static Stream<Arguments> transitionsFromWrongStates() {
		return Stream.of(Transition.values())
			.flatMap(transition -> Stream.of(IncidentState.values())
				.filter(state -> !ALLOWED_FROM.get(transition).contains(state))
				.map(state -> Arguments.of(transition, state)));
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("transitionsFromWrongStates")
	void aTransitionFromAWrongStateIsRefusedAndChangesNothing(Transition transition, IncidentState state) {
		Incident incident = in(state);
		Snapshot before = Snapshot.of(incident);

		TransitionRefused refused = refused(() -> perform(transition, incident, actorFor(transition)));

		assertThat(refused.code()).isEqualTo("incident.guard.notFromState");
		assertThat(refused.arguments()).containsExactly(state.name());
		assertThat(Snapshot.of(incident)).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("transitionsFromRightStates")
	void theTableAllowsEachTransitionFromItsStates(Transition transition, IncidentState state) {
		assertThat(Transition.from(state)).contains(transition);
		assertThat(transition.isAllowedFrom(state)).isTrue();
	}

	static Stream<Arguments> transitionsFromRightStates() {
		return ALLOWED_FROM.entrySet()
			.stream()
			.flatMap(entry -> entry.getValue().stream().map(state -> Arguments.of(entry.getKey(), state)));
	}

	// --- every transition, by someone without the role ---

	static Stream<Arguments> transitionsByWrongRoles() {
		List<Actor> everyone = List.of(REPORTER, LEAD, EXECUTIVE, RESPONSIBLE);
		return Stream.of(Transition.values())
			.flatMap(transition -> everyone.stream()
				.filter(actor -> !actor.has(transition.role()))
				.map(actor -> Arguments.of(transition, actor.username())));
	}

	@ParameterizedTest(name = "{0} by {1}")
	@MethodSource("transitionsByWrongRoles")
	void aTransitionByTheWrongRoleIsRefusedAndChangesNothing(Transition transition, String username) {
		Actor actor = Stream.of(REPORTER, LEAD, EXECUTIVE, RESPONSIBLE)
			.filter(candidate -> candidate.username().equals(username))
			.findFirst()
			.orElseThrow();
		Incident incident = in(firstStateOf(transition));
		Snapshot before = Snapshot.of(incident);

		TransitionRefused refused = refused(() -> perform(transition, incident, actor));

		assertThat(refused.code()).isEqualTo("incident.guard.role");
		assertThat(refused.arguments()).containsExactly(expectedRole(transition).name());
		assertThat(Snapshot.of(incident)).isEqualTo(before);
	}

	@Test
	void onlyTheExecutiveFormsTheTeamAndApprovesTheClosingTheLeadDoesTheRest() {
		for (Transition transition : Transition.values()) {
			assertThat(transition.role()).as(transition.name()).isEqualTo(expectedRole(transition));
		}
	}

	@Test
	void theMovesOfferedAreThoseOfTheStateAndTheRole() {
		assertThat(in(TRIAGE).transitionsFor(LEAD)).containsExactly(Transition.DISMISS, Transition.ESCALATE);
		assertThat(in(TRIAGE).transitionsFor(EXECUTIVE)).isEmpty();
		assertThat(in(PREVENTION).transitionsFor(EXECUTIVE)).containsExactly(Transition.APPROVE_CLOSING);
		assertThat(in(PREVENTION).transitionsFor(LEAD)).containsExactly(Transition.CLOSE, Transition.REENTER);
		assertThat(in(CLOSED).transitionsFor(REPORTER)).isEmpty();
	}

	// --- the guards ---

	@Test
	void dismissReopenAndReenterNeedAReason() {
		for (String reason : new String[] { null, "", "   " }) {
			Incident triage = in(TRIAGE);
			assertRefusedWithoutChange(triage, () -> triage.dismiss(LEAD, reason, next()),
					"incident.guard.reasonRequired");
			Incident dismissed = in(DISMISSED);
			assertRefusedWithoutChange(dismissed, () -> dismissed.reopen(LEAD, reason, next()),
					"incident.guard.reasonRequired");
			Incident recovery = in(RECOVERY);
			assertRefusedWithoutChange(recovery, () -> recovery.reenter(LEAD, CONTAINMENT, reason, next()),
					"incident.guard.reasonRequired");
		}
	}

	@Test
	void reentryOnlyGoesBackToAnEarlierReentryPoint() {
		Incident disclosure = in(DISCLOSURE);
		for (IncidentState target : new IncidentState[] { null, DISCLOSURE, RECOVERY, PREVENTION, TRIAGE, REPORTED }) {
			assertRefusedWithoutChange(disclosure, () -> disclosure.reenter(LEAD, target, "理由", next()),
					"incident.guard.reentryTarget");
		}
		disclosure.reenter(LEAD, CONTAINMENT, "初動が不十分だった", next());
		assertThat(disclosure.getState()).isEqualTo(CONTAINMENT);

		Incident prevention = in(PREVENTION);
		assertRefusedWithoutChange(prevention, () -> prevention.reenter(LEAD, PREVENTION, "理由", next()),
				"incident.guard.reentryTarget");
		prevention.reenter(LEAD, RECOVERY, "対策が効かなかった", next());
		assertThat(prevention.getState()).isEqualTo(RECOVERY);
	}

	@Test
	void escalationWithoutCategoryAndSeverityReportsBothGuards() {
		Incident incident = in(TRIAGE);
		Snapshot before = Snapshot.of(incident);

		TransitionRefused refused = refused(() -> incident.escalate(LEAD, null, null, null, "急ぎ", next()));

		assertThat(refused.unmet()).extracting(Unmet::code)
			.containsExactly("incident.guard.categoryRequired", "incident.guard.severityRequired");
		assertThat(refused.code()).isEqualTo("incident.guard.categoryRequired");
		assertThat(Snapshot.of(incident)).isEqualTo(before);
		assertThat(incident.getCategory()).isNull();

		TransitionRefused severityOnly = refused(
				() -> incident.escalate(LEAD, Category.OTHER, null, null, null, next()));
		assertThat(severityOnly.unmet()).extracting(Unmet::code).containsExactly("incident.guard.severityRequired");
		assertThat(Snapshot.of(incident)).isEqualTo(before);
		assertThat(incident.getCategory()).isNull();
	}

	@Test
	void theTeamNeedsAResponsiblePerson() {
		for (String responsible : new String[] { null, "", " " }) {
			Incident incident = in(ESCALATED);
			assertRefusedWithoutChange(incident,
					() -> incident.formTeam(EXECUTIVE, responsible, List.of(new Assignee("assignee", "調査")), next()),
					"incident.guard.responsibleRequired");
			assertThat(incident.getResponsible()).isNull();
			assertThat(incident.getAssignees()).isEmpty();
		}
	}

	@Test
	void containmentCannotFinishWhileInitialResponseItemsAreOpenAndTheRefusalNamesThem() {
		Incident incident = in(CONTAINMENT);

		TransitionRefused allOpen = assertRefusedWithoutChange(incident, () -> incident.finishContainment(LEAD, next()),
				"incident.guard.initialResponseOpen");
		assertThat(allOpen.unmet()).containsExactly(new Unmet("incident.guard.initialResponseOpen", 4,
				List.of("ISOLATE_NETWORK", "ISOLATE_DATA_AND_DEVICES", "STOP_SYSTEM_OR_SERVICE", "PRESERVE_RECORDS")));

		incident.decideChecklistItem(LEAD, item(incident, ChecklistPoint.ISOLATE_NETWORK).getId(), Status.DONE, null,
				next());
		incident.decideChecklistItem(RESPONSIBLE, item(incident, ChecklistPoint.STOP_SYSTEM_OR_SERVICE).getId(),
				Status.NOT_APPLICABLE, "止めると被害が広がる", next());

		TransitionRefused twoOpen = assertRefusedWithoutChange(incident, () -> incident.finishContainment(LEAD, next()),
				"incident.guard.initialResponseOpen");
		assertThat(twoOpen.unmet()).containsExactly(new Unmet("incident.guard.initialResponseOpen", 2,
				List.of("ISOLATE_DATA_AND_DEVICES", "PRESERVE_RECORDS")));
		assertThat(incident.unmetGuards(Transition.FINISH_CONTAINMENT)).isEqualTo(twoOpen.unmet());
	}

	@Test
	void recoveryCannotStartWhileDisclosureIsUndecided() {
		Incident incident = in(DISCLOSURE);
		assertThat(incident.getRecord().getDisclosureStatus()).isEqualTo(DisclosureStatus.UNDECIDED);

		TransitionRefused refused = assertRefusedWithoutChange(incident, () -> incident.startRecovery(LEAD, next()),
				"incident.guard.disclosureUndecided");

		assertThat(refused.unmet()).hasSize(1);
	}

	@Test
	void preventionNeedsTheRecoveryConfirmedAndReportedToTheExecutive() {
		Incident incident = in(RECOVERY);
		resolve(incident, group -> !group.isInitial());
		assertRefusedWithoutChange(incident, () -> incident.startPrevention(LEAD, next()),
				"incident.guard.recoveryNotConfirmed");
		assertThatThrownBy(() -> incident.confirmRecovery(LEAD, "  ", true, next()))
			.hasMessage("incident.recovery.checksRequired");

		incident.confirmRecovery(LEAD, "復元後にスキャンで検出なし", false, next());
		assertRefusedWithoutChange(incident, () -> incident.startPrevention(LEAD, next()),
				"incident.guard.recoveryNotReported");

		incident.confirmRecovery(LEAD, "復元後にスキャンで検出なし", true, next());
		incident.startPrevention(LEAD, next());
		assertThat(incident.getState()).isEqualTo(PREVENTION);
		assertThat(incident.getRecoveryConfirmedBy()).isEqualTo(LEAD.username());

		// recovery failed: back to recovery, and it must be confirmed again
		incident.reenter(LEAD, RECOVERY, "再感染を確認", next());
		assertThat(incident.getRecoveryConfirmedAt()).isNull();
		assertThat(incident.isRecoveryReported()).isFalse();
	}

	@Test
	void preventionCannotStartWhileCategoryPointsAreOpen() {
		Incident incident = in(RECOVERY);
		incident.confirmRecovery(LEAD, "バックアップから復元し、スキャンで検出なし", true, next());

		TransitionRefused refused = assertRefusedWithoutChange(incident, () -> incident.startPrevention(LEAD, next()),
				"incident.guard.pointsOpen");
		assertThat(refused.unmet()).containsExactly(new Unmet("incident.guard.pointsOpen", 12,
				List.of("ASSESS_AFFECTED_DATA", "DISCONNECT_INFECTED_DEVICE", "ISOLATE_BACKUPS", "CHECK_BACKUPS",
						"PHOTOGRAPH_RANSOM_NOTE", "DO_NOT_PAY_OR_CONTACT_ATTACKER", "KEEP_VPN_AND_FIREWALL_POWERED",
						"FIND_INTRUSION_ROUTE", "REPORT_TO_IPA", "POLICE_IF_EXTORTION", "WARN_BUSINESS_PARTNERS",
						"CHANGE_MAIL_PASSWORDS")));

		resolve(incident, group -> !group.isInitial());
		incident.startPrevention(LEAD, next());
		assertThat(incident.getState()).isEqualTo(PREVENTION);
	}

	@Test
	void anIncidentIsNotClosedWithoutTheExecutivesApproval() {
		Incident incident = in(PREVENTION);
		// the prevention plan's guards belong to the prevention module (PreventionGuardTest)
		TransitionRefused notApproved = assertRefusedWithoutChange(incident, () -> incident.close(LEAD, next()),
				"incident.guard.closingNotApproved");
		assertThat(notApproved.unmet()).extracting(Unmet::code).containsExactly("incident.guard.closingNotApproved");
		assertThat(incident.getClosedAt()).isNull();
	}

	@Test
	void anIncidentIsNotClosedWhileRequiredItemsAreMissingAndTheRefusalNamesThem() {
		Incident incident = in(DISCLOSURE);
		incident.updateRecord(LEAD, new RequiredItems(null, null, null, null, null, null, DisclosureStatus.NOT_REQUIRED),
				null, DISCOVERED, next());
		incident.startRecovery(LEAD, next());
		resolve(incident, group -> !group.isInitial());
		incident.confirmRecovery(LEAD, "バックアップから復元し、スキャンで検出なし", true, next());
		incident.startPrevention(LEAD, next());
		incident.approveClosing(EXECUTIVE, next());

		TransitionRefused refused = assertRefusedWithoutChange(incident, () -> incident.close(LEAD, next()),
				"incident.guard.requiredItemsMissing");

		assertThat(refused.unmet()).containsExactly(new Unmet("incident.guard.requiredItemsMissing", 6,
				List.of("OCCURRED_AT", "EVENTS", "ASSUMED_CAUSE", "AFFECTED_SYSTEMS", "SYSTEM_CONFIGURATION", "CONTACT")));
		assertThat(incident.getClosedAt()).isNull();
		assertThat(incident.completeness()).isEqualTo(100 * 7 / 13);
	}

	// --- the checklists ---

	@Test
	void ransomwareGetsTheInitialResponseThePointsOfEveryKindAndTheMalwarePoints() {
		Incident incident = in(TRIAGE);
		incident.escalate(LEAD, Category.VIRUS_RANSOMWARE, null, Severity.CRITICAL, null, next());

		assertThat(incident.getChecklist()).extracting(ChecklistItem::getItem)
			.containsExactly(ChecklistPoint.ISOLATE_NETWORK, ChecklistPoint.ISOLATE_DATA_AND_DEVICES,
					ChecklistPoint.STOP_SYSTEM_OR_SERVICE, ChecklistPoint.PRESERVE_RECORDS,
					ChecklistPoint.ASSESS_AFFECTED_DATA, ChecklistPoint.DISCONNECT_INFECTED_DEVICE,
					ChecklistPoint.ISOLATE_BACKUPS, ChecklistPoint.CHECK_BACKUPS, ChecklistPoint.PHOTOGRAPH_RANSOM_NOTE,
					ChecklistPoint.DO_NOT_PAY_OR_CONTACT_ATTACKER, ChecklistPoint.KEEP_VPN_AND_FIREWALL_POWERED,
					ChecklistPoint.FIND_INTRUSION_ROUTE, ChecklistPoint.REPORT_TO_IPA, ChecklistPoint.POLICE_IF_EXTORTION,
					ChecklistPoint.WARN_BUSINESS_PARTNERS, ChecklistPoint.CHANGE_MAIL_PASSWORDS);
		assertThat(incident.getChecklist()).extracting(ChecklistItem::getPosition)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
		assertThat(incident.getChecklist()).extracting(ChecklistItem::getGroup)
			.containsExactly(ChecklistPoint.Group.INITIAL, ChecklistPoint.Group.INITIAL, ChecklistPoint.Group.INITIAL,
					ChecklistPoint.Group.INITIAL, ChecklistPoint.Group.EVERY_KIND, ChecklistPoint.Group.MALWARE,
					ChecklistPoint.Group.MALWARE, ChecklistPoint.Group.MALWARE, ChecklistPoint.Group.MALWARE,
					ChecklistPoint.Group.MALWARE, ChecklistPoint.Group.MALWARE, ChecklistPoint.Group.MALWARE,
					ChecklistPoint.Group.MALWARE, ChecklistPoint.Group.MALWARE, ChecklistPoint.Group.SPOOFED_MAIL,
					ChecklistPoint.Group.SPOOFED_MAIL);
		assertThat(incident.getChecklist()).allSatisfy(item -> {
			assertThat(item.getStatus()).isEqualTo(Status.OPEN);
			assertThat(item.getDecidedBy()).isNull();
			assertThat(item.getDecidedAt()).isNull();
		});
	}

	@Test
	void anInsiderLeakGetsTheLeakAndTheCriminalLeakPoints() {
		Incident incident = in(TRIAGE);
		incident.escalate(LEAD, Category.INFORMATION_LEAK, LeakKind.INSIDER, Severity.HIGH, null, next());

		assertThat(incident.getLeakKind()).isEqualTo(LeakKind.INSIDER);
		assertThat(incident.getChecklist()).extracting(ChecklistItem::getItem)
			.containsExactly(ChecklistPoint.ISOLATE_NETWORK, ChecklistPoint.ISOLATE_DATA_AND_DEVICES,
					ChecklistPoint.STOP_SYSTEM_OR_SERVICE, ChecklistPoint.PRESERVE_RECORDS,
					ChecklistPoint.ASSESS_AFFECTED_DATA, ChecklistPoint.IDENTIFY_LEAKED_DATA,
					ChecklistPoint.ASSESS_PERSONAL_DATA_DUTY, ChecklistPoint.SUSPEND_ACCOUNTS_AND_PRESERVE_LOGS,
					ChecklistPoint.POLICE_FOR_CRIMINAL_LEAK);
	}

	@Test
	void otherIncidentsGetTheInitialResponseAndThePointsOfEveryKind() {
		Incident incident = in(TRIAGE);
		incident.escalate(LEAD, Category.OTHER, null, Severity.LOW, null, next());

		assertThat(incident.getChecklist()).extracting(ChecklistItem::getItem)
			.containsExactly(ChecklistPoint.ISOLATE_NETWORK, ChecklistPoint.ISOLATE_DATA_AND_DEVICES,
					ChecklistPoint.STOP_SYSTEM_OR_SERVICE, ChecklistPoint.PRESERVE_RECORDS,
					ChecklistPoint.ASSESS_AFFECTED_DATA);
		// the data check is for every kind, but it does not hold up containment
		assertThat(ChecklistPoint.initialResponse()).doesNotContain(ChecklistPoint.ASSESS_AFFECTED_DATA);
		assertThat(ChecklistPoint.initialResponse()).containsExactly(ChecklistPoint.ISOLATE_NETWORK,
				ChecklistPoint.ISOLATE_DATA_AND_DEVICES, ChecklistPoint.STOP_SYSTEM_OR_SERVICE,
				ChecklistPoint.PRESERVE_RECORDS);
	}

	@Test
	void anIncidentOfMoreThanOneKindGetsThePointsOfEachOnce() {
		Incident incident = in(TRIAGE);
		assertThat(incident.getCategories()).isEmpty();

		incident.escalate(LEAD, Category.VIRUS_RANSOMWARE, EnumSet.of(Category.SYSTEM_OUTAGE, Category.INFORMATION_LEAK,
				Category.VIRUS_RANSOMWARE), LeakKind.MALWARE, Severity.CRITICAL, null, next());

		assertThat(incident.getCategory()).isEqualTo(Category.VIRUS_RANSOMWARE);
		assertThat(incident.getCategories()).containsExactly(Category.VIRUS_RANSOMWARE, Category.INFORMATION_LEAK,
				Category.SYSTEM_OUTAGE);
		assertThat(incident.getAdditionalCategories()).containsExactly(Category.INFORMATION_LEAK, Category.SYSTEM_OUTAGE);
		assertThat(incident.getLeakKind()).as("kept: a leak is among the categories").isEqualTo(LeakKind.MALWARE);
		List<ChecklistPoint> points = incident.getChecklist().stream().map(ChecklistItem::getItem).toList();
		assertThat(points).doesNotHaveDuplicates()
			.contains(ChecklistPoint.ASSESS_AFFECTED_DATA, ChecklistPoint.DO_NOT_PAY_OR_CONTACT_ATTACKER,
					ChecklistPoint.IDENTIFY_LEAKED_DATA, ChecklistPoint.POLICE_FOR_CRIMINAL_LEAK,
					ChecklistPoint.CONTACT_ISP_OR_HOSTING);
		assertThat(points).filteredOn(point -> point == ChecklistPoint.ASSESS_AFFECTED_DATA).hasSize(1);
	}

	@Test
	void theLeakKindIsDroppedWhenNoCategoryIsALeak() {
		Incident incident = in(TRIAGE);
		incident.escalate(LEAD, Category.STOLEN_DEVICE, Set.of(), LeakKind.THEFT, Severity.MEDIUM, null, next());

		assertThat(incident.getLeakKind()).isNull();
		assertThat(incident.getChecklist()).extracting(ChecklistItem::getItem)
			.contains(ChecklistPoint.CHECK_DEVICE_ENCRYPTED, ChecklistPoint.REPORT_THEFT_TO_POLICE)
			.doesNotContain(ChecklistPoint.REPORT_LOSS_TO_POLICE);
	}

	@Test
	void theLeadAddsACategoryLaterWithALineAndItsPoints() {
		Incident incident = in(CONTAINMENT);
		int before = incident.getChecklist().size();
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.changeCategories(LEAD, Category.VIRUS_RANSOMWARE, Set.of(Category.INFORMATION_LEAK), LeakKind.MALWARE,
				Playbook.DEFAULT, at);

		assertThat(incident.getCategories()).containsExactly(Category.VIRUS_RANSOMWARE, Category.INFORMATION_LEAK);
		assertThat(watch.newEntries()).extracting(TimelineEntry::getKind, TimelineEntry::getField,
				TimelineEntry::getBefore, TimelineEntry::getAfter)
			.containsExactly(tuple(Kind.FIELD_CHANGED, "categories", "", "INFORMATION_LEAK"),
					tuple(Kind.FIELD_CHANGED, "leakKind", null, "MALWARE"));
		assertThat(watch.newEntries()).allSatisfy(entry -> {
			assertThat(entry.getActor()).isEqualTo(LEAD.username());
			assertThat(entry.getOccurredAt()).isEqualTo(at);
		});
		assertThat(incident.getChecklist()).hasSize(before + 3)
			.extracting(ChecklistItem::getItem)
			.endsWith(ChecklistPoint.IDENTIFY_LEAKED_DATA, ChecklistPoint.ASSESS_PERSONAL_DATA_DUTY,
					ChecklistPoint.POLICE_FOR_CRIMINAL_LEAK)
			.doesNotHaveDuplicates();
	}

	@Test
	void onlyTheLeadChangesTheCategoriesOfAnOpenEscalatedIncident() {
		Incident triage = in(TRIAGE);
		assertRefusedWithoutChange(triage, () -> triage.changeCategories(LEAD, Category.OTHER, Set.of(), null,
				Playbook.DEFAULT, next()), "incident.guard.notFromState");
		Incident escalated = in(CONTAINMENT);
		assertRefusedWithoutChange(escalated, () -> escalated.changeCategories(RESPONSIBLE, Category.OTHER, Set.of(),
				null, Playbook.DEFAULT, next()), "incident.guard.role");
		assertRefusedWithoutChange(escalated, () -> escalated.changeCategories(LEAD, null, Set.of(Category.OTHER),
				null, Playbook.DEFAULT, next()), "incident.guard.categoryRequired");
		Incident closed = in(CLOSED);
		assertRefusedWithoutChange(closed, () -> closed.changeCategories(LEAD, Category.OTHER, Set.of(), null,
				Playbook.DEFAULT, next()), "incident.guard.notFromState");
	}

	@Test
	void decidingAnItemRecordsWhoWhenAndWhyOnTheItemAndTheTimeline() {
		Incident incident = in(CONTAINMENT);
		ChecklistItem item = item(incident, ChecklistPoint.STOP_SYSTEM_OR_SERVICE);
		Watch watch = new Watch(incident);
		Instant at = next();

		incident.decideChecklistItem(ASSIGNEE, item.getId(), Status.NOT_APPLICABLE, "停止できるサービスがない", at);

		assertThat(item.getStatus()).isEqualTo(Status.NOT_APPLICABLE);
		assertThat(item.getDecidedBy()).isEqualTo(ASSIGNEE.username());
		assertThat(item.getDecidedAt()).isEqualTo(at);
		assertThat(item.getReason()).isEqualTo("停止できるサービスがない");
		assertThat(watch.newEntries()).singleElement().satisfies(entry -> {
			assertThat(entry.getKind()).isEqualTo(Kind.CHECKLIST_CHANGED);
			assertThat(entry.getField()).isEqualTo("STOP_SYSTEM_OR_SERVICE");
			assertThat(entry.getBefore()).isEqualTo("OPEN");
			assertThat(entry.getAfter()).isEqualTo("NOT_APPLICABLE");
			assertThat(entry.getNote()).isEqualTo("停止できるサービスがない");
			assertThat(entry.getActor()).isEqualTo(ASSIGNEE.username());
			assertThat(entry.isSharedWithReporter()).isFalse();
		});
		assertThat(watch.newEvents()).isEmpty();

		incident.decideChecklistItem(LEAD, item.getId(), Status.OPEN, null, next());
		assertThat(item.getStatus()).isEqualTo(Status.OPEN);
		assertThat(item.getDecidedBy()).isNull();
		assertThat(item.getReason()).isNull();
	}

	@Test
	void notApplicableNeedsAReason() {
		Incident incident = in(CONTAINMENT);
		ChecklistItem item = item(incident, ChecklistPoint.ISOLATE_NETWORK);

		for (String reason : new String[] { null, "", "  " }) {
			assertRefusedWithoutChange(incident,
					() -> incident.decideChecklistItem(LEAD, item.getId(), Status.NOT_APPLICABLE, reason, next()),
					"incident.checklist.reasonRequired");
			assertThat(item.getStatus()).isEqualTo(Status.OPEN);
			assertThat(item.getDecidedBy()).isNull();
		}
	}

	@Test
	void onlyTheLeadAndTheTeamDecideItemsOfAnOpenIncidentAndOnlyItsOwnItems() {
		Incident incident = in(CONTAINMENT);
		long id = item(incident, ChecklistPoint.ISOLATE_NETWORK).getId();

		assertRefusedWithoutChange(incident, () -> incident.decideChecklistItem(BYSTANDER, id, Status.DONE, null, next()),
				"incident.guard.notOnTeam");
		assertRefusedWithoutChange(incident, () -> incident.decideChecklistItem(EXECUTIVE, id, Status.DONE, null, next()),
				"incident.guard.notOnTeam");
		assertRefusedWithoutChange(incident, () -> incident.decideChecklistItem(LEAD, -1, Status.DONE, null, next()),
				"incident.checklist.unknownItem");

		Incident closed = in(CLOSED);
		long closedItem = closed.getChecklist().get(0).getId();
		assertRefusedWithoutChange(closed, () -> closed.decideChecklistItem(LEAD, closedItem, Status.OPEN, null, next()),
				"incident.guard.notOpen");
	}

	// --- the required-items record ---

	@Test
	void theRecordStartsFromWhatTheStaffReportSaid() {
		Incident incident = reported();
		assertThat(incident.getRecord().getEventsAndDamage()).isEqualTo("経理部のPCに身代金を要求する画面が出た\n画面の写真を添付します");
		assertThat(incident.getRecord().getAffectedSystemsStatus()).isEqualTo("経理PC-03");
		assertThat(incident.requiredItems()).filteredOn(RequiredItem::filled)
			.extracting(RequiredItem::key)
			.contains(RequiredItem.Key.EVENTS, RequiredItem.Key.AFFECTED_SYSTEMS);
	}

	@Test
	void theRecordWritesOneFieldChangedEntryPerChangedField() {
		Incident incident = in(DISCLOSURE);
		Watch first = new Watch(incident);
		Instant at = next();

		incident.updateRecord(RESPONSIBLE, new RequiredItems(null, "ファイルが暗号化された", null, null, null, "情報システム部 内線123",
				DisclosureStatus.PLANNED), OCCURRED, DISCOVERED, at);

		assertThat(first.newEntries()).allSatisfy(entry -> {
			assertThat(entry.getKind()).isEqualTo(Kind.FIELD_CHANGED);
			assertThat(entry.getActor()).isEqualTo(RESPONSIBLE.username());
			assertThat(entry.getOccurredAt()).isEqualTo(at);
			assertThat(entry.isSharedWithReporter()).isFalse();
		})
			.extracting(TimelineEntry::getField, TimelineEntry::getBefore, TimelineEntry::getAfter)
			.containsExactly(tuple("occurredAt", null, OCCURRED.toString()),
					tuple("eventsAndDamage", "経理部のPCに身代金を要求する画面が出た\n画面の写真を添付します", "ファイルが暗号化された"),
					tuple("affectedSystemsStatus", "経理PC-03", null),
					tuple("contact", null, "情報システム部 内線123"),
					tuple("disclosureStatus", "UNDECIDED", "PLANNED"));
		assertThat(incident.getOccurredAt()).isEqualTo(OCCURRED);
		assertThat(incident.getRecord().getEventsAndDamage()).isEqualTo("ファイルが暗号化された");

		Watch same = new Watch(incident);
		incident.updateRecord(RESPONSIBLE, new RequiredItems(null, "ファイルが暗号化された", null, null, null, "情報システム部 内線123",
				DisclosureStatus.PLANNED), OCCURRED, DISCOVERED, next());
		assertThat(same.newEntries()).as("nothing changed, nothing written").isEmpty();

		Watch one = new Watch(incident);
		incident.updateRecord(LEAD, new RequiredItems(null, "ファイルが暗号化された", "VPN経由の侵入", null, null, "情報システム部 内線123",
				DisclosureStatus.PLANNED), OCCURRED, DISCOVERED, next());
		assertThat(one.newEntries()).extracting(TimelineEntry::getField, TimelineEntry::getBefore,
				TimelineEntry::getAfter)
			.containsExactly(tuple("assumedCause", null, "VPN経由の侵入"));
	}

	@Test
	void theRecordRefusesAnOccurrenceInTheFutureOrAfterTheDiscovery() {
		Incident incident = in(DISCLOSURE);
		RequiredItems record = completeRecord(DisclosureStatus.PLANNED);

		Instant now = next();
		assertRefusedWithoutChange(incident,
				() -> incident.updateRecord(LEAD, record, now.plusSeconds(1), DISCOVERED, now),
				"incident.record.occurredInFuture");
		assertRefusedWithoutChange(incident,
				() -> incident.updateRecord(LEAD, record, DISCOVERED.plusSeconds(1), DISCOVERED, next()),
				"incident.record.occurredAfterDiscovered");
		assertRefusedWithoutChange(incident, () -> incident.updateRecord(LEAD, record, OCCURRED, null, next()),
				"incident.record.discoveredInFuture");
		Instant later = next();
		assertRefusedWithoutChange(incident,
				() -> incident.updateRecord(LEAD, record, OCCURRED, later.plusSeconds(1), later),
				"incident.record.discoveredInFuture");

		assertThat(incident.getOccurredAt()).isNull();
		assertThat(incident.getDiscoveredAt()).isEqualTo(DISCOVERED);
		assertThat(incident.getRecord().getEventsAndDamage()).as("still what the staff report said")
			.startsWith("経理部のPCに身代金を要求する画面が出た");

		incident.updateRecord(LEAD, record, DISCOVERED, DISCOVERED, next());
		assertThat(incident.getOccurredAt()).as("the same moment is not after").isEqualTo(DISCOVERED);
	}

	@Test
	void aDiscoveryLaterThanTheReportNeedsAReasonWhichTheTimelineKeeps() {
		Incident incident = in(DISCLOSURE);
		RequiredItems record = completeRecord(DisclosureStatus.PLANNED);
		Instant afterTheReport = incident.getReportedAt().plusSeconds(60);
		Instant now = next();
		assertRefusedWithoutChange(incident,
				() -> incident.updateRecord(LEAD, record, null, afterTheReport, " ", now),
				"incident.record.discoveredAfterReport");
		assertThat(new Unmet("incident.record.discoveredAfterReport").field()).isEqualTo("discoveredLateReason");

		incident.updateRecord(LEAD, record, null, afterTheReport, "報告とは別の端末の感染が後日判明したため", next());
		assertThat(incident.getDiscoveredAt()).isEqualTo(afterTheReport);
		assertThat(incident.getTimeline()).filteredOn(entry -> "discoveredAt".equals(entry.getField()))
			.singleElement()
			.satisfies(entry -> assertThat(entry.getNote()).isEqualTo("報告とは別の端末の感染が後日判明したため"));

		// an earlier discovery, or the same one again, needs no reason
		incident.updateRecord(LEAD, record, null, DISCOVERED, next());
		incident.updateRecord(LEAD, record, null, DISCOVERED, next());
		assertThat(incident.getDiscoveredAt()).isEqualTo(DISCOVERED);
	}

	@Test
	void theRecordIsWorkedOnlyByTheLeadAndTheTeamWhileOpen() {
		Incident incident = in(DISCLOSURE);
		RequiredItems record = completeRecord(DisclosureStatus.PLANNED);

		assertRefusedWithoutChange(incident, () -> incident.updateRecord(BYSTANDER, record, OCCURRED, DISCOVERED, next()),
				"incident.guard.notOnTeam");
		assertRefusedWithoutChange(incident,
				() -> incident.updateCauseAndSystems(BYSTANDER, "原因", "影響範囲", next()), "incident.guard.notOnTeam");

		Incident closed = in(CLOSED);
		assertRefusedWithoutChange(closed, () -> closed.updateRecord(LEAD, record, OCCURRED, DISCOVERED, next()),
				"incident.guard.notOpen");
	}

	// --- what the reporter sees, who sees the incident ---

	@Test
	void theReporterSeesTheSharedEntriesButNoNotes() {
		Incident incident = in(TRIAGE);
		incident.addInformation(REPORTER, "同じメールが昨日も届いていた", next());
		incident.addNote(LEAD, "社内メモ: 取引先経由の可能性", next());
		incident.escalate(LEAD, Category.OTHER, null, Severity.MEDIUM, null, next());
		incident.formTeam(EXECUTIVE, RESPONSIBLE.username(), List.of(), next());
		incident.addNote(RESPONSIBLE, "担当者メモ", next());
		incident.updateCauseAndSystems(RESPONSIBLE, "原因メモ", null, next());

		assertThat(incident.getTimeline()).extracting(TimelineEntry::getKind)
			.contains(Kind.NOTE, Kind.TEAM_FORMED, Kind.FIELD_CHANGED);
		List<TimelineEntry> shared = incident.getTimelineForReporter();
		assertThat(shared).extracting(TimelineEntry::getKind)
			.containsExactly(Kind.REPORTED, Kind.STATE_CHANGED, Kind.INFORMATION_ADDED, Kind.STATE_CHANGED,
					Kind.STATE_CHANGED);
		assertThat(shared).extracting(TimelineEntry::getNote).doesNotContain("社内メモ: 取引先経由の可能性", "担当者メモ");
		assertThat(shared).extracting(TimelineEntry::getSequence).isSorted();
		assertThat(shared).allMatch(TimelineEntry::isSharedWithReporter);
	}

	@Test
	void onlyTheReporterAddsInformationAndOnlyWhileOpenOnlyTheTeamAddsNotes() {
		Incident incident = in(TRIAGE);
		assertRefusedWithoutChange(incident, () -> incident.addInformation(LEAD, "代理で追記", next()),
				"incident.guard.notReporter");
		assertRefusedWithoutChange(incident, () -> incident.addNote(BYSTANDER, "覗き見", next()),
				"incident.guard.notOnTeam");
		assertRefusedWithoutChange(incident, () -> incident.addNote(REPORTER, "報告者のメモ", next()),
				"incident.guard.notOnTeam");

		Incident closed = in(CLOSED);
		assertRefusedWithoutChange(closed, () -> closed.addInformation(REPORTER, "追記", next()),
				"incident.guard.notOpen");
	}

	@Test
	void theLeadAndTheExecutiveSeeEverythingAResponderOnlyTheirTeamsIncidents() {
		Incident before = in(ESCALATED);
		assertThat(before.isVisibleTo(LEAD)).isTrue();
		assertThat(before.isVisibleTo(EXECUTIVE)).isTrue();
		assertThat(before.isVisibleTo(RESPONSIBLE)).as("not yet on a team").isFalse();
		assertThat(before.isVisibleTo(REPORTER)).as("the reporter follows the report elsewhere").isFalse();

		Incident incident = in(TEAM_FORMED);
		assertThat(incident.isVisibleTo(RESPONSIBLE)).isTrue();
		assertThat(incident.isVisibleTo(ASSIGNEE)).isTrue();
		assertThat(incident.isVisibleTo(BYSTANDER)).isFalse();
		assertThat(incident.isVisibleTo(REPORTER)).isFalse();
		assertThat(incident.isVisibleTo(new Actor("reporter", Set.of(Role.REPORTER, Role.ADMIN)))).isFalse();
		assertThat(incident.isReportedBy(REPORTER.username())).isTrue();
	}

	// --- the hash chain ---

	@Test
	void theChainOfAWholeResponseVerifies() {
		Incident incident = in(CLOSED);
		incident.reenter(LEAD, RECOVERY, "再発", next());
		incident.addNote(ASSIGNEE, "再調査の開始", next());

		TimelineVerification verification = incident.verifyTimeline();

		assertThat(verification.intact()).isTrue();
		assertThat(verification.problems()).isEmpty();
		assertThat(verification.entries()).isEqualTo(incident.getTimeline().size())
			.isEqualTo(incident.getTimelineLength())
			.isGreaterThan(25);
		List<TimelineEntry> timeline = incident.getTimeline();
		assertThat(timeline).extracting(TimelineEntry::getSequence)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, timeline.size()).boxed().toList());
		for (int i = 1; i < timeline.size(); i++) {
			assertThat(timeline.get(i).getPreviousHash()).isEqualTo(timeline.get(i - 1).getHash());
		}
		assertThat(timeline).extracting(TimelineEntry::getHash).doesNotHaveDuplicates();
	}

	@Test
	void anAlteredEntryShowsInTheVerification() throws ReflectiveOperationException {
		Incident incident = in(DISCLOSURE);
		TimelineEntry third = incident.getTimeline().get(2);
		Field note = TimelineEntry.class.getDeclaredField("note");
		note.setAccessible(true);
		note.set(third, "後から書き換えた");

		assertThat(incident.verifyTimeline().intact()).isFalse();
		assertThat(incident.verifyTimeline().problems()).containsExactly(new Problem(3, "timeline.verify.altered"));
	}

	// --- helpers: an incident in each state ---

	private Incident reported() {
		return Incident.report(REFERENCE, new Incident.Report(null, "経理部のPCに身代金を要求する画面が出た\n画面の写真を添付します", DISCOVERED,
				"経理PC-03", StillHappening.YES, null, null), REPORTER.username(), T0);
	}

	/** An incident walked, with valid steps, to the given state (a ransomware case). */
	private Incident in(IncidentState target) {
		Incident incident = reported();
		if (target == REPORTED) {
			return incident;
		}
		incident.take(LEAD, next());
		if (target == TRIAGE) {
			return incident;
		}
		if (target == DISMISSED) {
			incident.dismiss(LEAD, "訓練メールだった", next());
			return incident;
		}
		incident.escalate(LEAD, Category.VIRUS_RANSOMWARE, null, Severity.HIGH, null, next());
		giveIds(incident);
		if (target == ESCALATED) {
			return incident;
		}
		incident.formTeam(EXECUTIVE, RESPONSIBLE.username(), List.of(new Assignee(ASSIGNEE.username(), "ログ調査")),
				next());
		if (target == TEAM_FORMED) {
			return incident;
		}
		incident.startContainment(LEAD, next());
		if (target == CONTAINMENT) {
			return incident;
		}
		resolve(incident, ChecklistPoint.Group::isInitial);
		incident.finishContainment(LEAD, next());
		if (target == DISCLOSURE) {
			return incident;
		}
		incident.updateRecord(RESPONSIBLE, completeRecord(DisclosureStatus.NOT_REQUIRED), OCCURRED, DISCOVERED, next());
		incident.startRecovery(LEAD, next());
		if (target == RECOVERY) {
			return incident;
		}
		resolve(incident, group -> !group.isInitial());
		incident.confirmRecovery(LEAD, "バックアップから復元し、スキャンで検出なし", true, next());
		incident.startPrevention(LEAD, next());
		if (target == PREVENTION) {
			return incident;
		}
		incident.approveClosing(EXECUTIVE, next());
		incident.close(LEAD, next());
		assertThat(incident.getState()).isEqualTo(CLOSED);
		return incident;
	}

	private Incident approvedForClosing() {
		Incident incident = in(PREVENTION);
		incident.approveClosing(EXECUTIVE, next());
		return incident;
	}

	private static RequiredItems completeRecord(DisclosureStatus disclosure) {
		return new RequiredItems("なし", "共有フォルダのファイルが暗号化された", "VPN機器の脆弱性", "ファイルサーバ停止中", "Windows Server 2019, 社内LAN",
				"情報システム部 内線123", disclosure);
	}

	/** Decides every open item of the groups: done, or not applicable with a reason. */
	private void resolve(Incident incident, Predicate<ChecklistPoint.Group> groups) {
		boolean done = true;
		for (ChecklistItem item : new ArrayList<>(incident.getChecklist())) {
			if (groups.test(item.getGroup()) && !item.isResolved()) {
				if (done) {
					incident.decideChecklistItem(LEAD, item.getId(), Status.DONE, null, next());
				}
				else {
					incident.decideChecklistItem(RESPONSIBLE, item.getId(), Status.NOT_APPLICABLE, "該当しない", next());
				}
				done = !done;
			}
		}
	}

	/** Checklist items get their ids from the database; here they get made-up ones. */
	private void giveIds(Incident incident) {
		try {
			Field id = ChecklistItem.class.getDeclaredField("id");
			id.setAccessible(true);
			for (ChecklistItem item : incident.getChecklist()) {
				if (item.getId() == null) {
					id.set(item, this.nextItemId++);
				}
			}
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ChecklistItem item(Incident incident, ChecklistPoint point) {
		return incident.getChecklist().stream().filter(item -> item.getItem() == point).findFirst().orElseThrow();
	}

	/** The transition with valid arguments, so that only the state or the role can stand in its way. */
	private void perform(Transition transition, Incident incident, Actor actor) {
		switch (transition) {
			case TAKE -> incident.take(actor, next());
			case DISMISS -> incident.dismiss(actor, "誤検知", next());
			case REOPEN -> incident.reopen(actor, "再発した", next());
			case ESCALATE -> incident.escalate(actor, Category.OTHER, null, Severity.LOW, null, next());
			case FORM_TEAM -> incident.formTeam(actor, RESPONSIBLE.username(), List.of(), next());
			case START_CONTAINMENT -> incident.startContainment(actor, next());
			case FINISH_CONTAINMENT -> incident.finishContainment(actor, next());
			case START_RECOVERY -> incident.startRecovery(actor, next());
			case START_PREVENTION -> incident.startPrevention(actor, next());
			case APPROVE_CLOSING -> incident.approveClosing(actor, next());
			case CLOSE -> incident.close(actor, next());
			case REENTER -> incident.reenter(actor, CONTAINMENT, "再感染", next());
		}
	}

	private static Role expectedRole(Transition transition) {
		return (transition == Transition.FORM_TEAM || transition == Transition.APPROVE_CLOSING) ? Role.EXECUTIVE
				: Role.SECURITY_LEAD;
	}

	private static Actor actorFor(Transition transition) {
		return (expectedRole(transition) == Role.EXECUTIVE) ? EXECUTIVE : LEAD;
	}

	private static IncidentState firstStateOf(Transition transition) {
		return Stream.of(IncidentState.values()).filter(ALLOWED_FROM.get(transition)::contains).findFirst().orElseThrow();
	}

	private Instant next() {
		this.clock = this.clock.plusSeconds(60);
		return this.clock;
	}

	// --- helpers: assertions ---

	private static TransitionRefused refused(ThrowingCallable action) {
		Throwable thrown = catchThrowable(action);
		assertThat(thrown).isInstanceOf(TransitionRefused.class);
		return (TransitionRefused) thrown;
	}

	private static TransitionRefused assertRefusedWithoutChange(Incident incident, ThrowingCallable action,
			String code) {
		Snapshot before = Snapshot.of(incident);
		TransitionRefused refused = refused(action);
		assertThat(refused.code()).isEqualTo(code);
		assertThat(refused.getMessage()).isEqualTo(code);
		assertThat(Snapshot.of(incident)).isEqualTo(before);
		return refused;
	}

	private static void assertStateChanged(TimelineEntry entry, IncidentState from, IncidentState to, Actor actor,
			String note, Instant at) {
		assertThat(entry.getKind()).isEqualTo(Kind.STATE_CHANGED);
		assertThat(entry.getFromState()).isEqualTo(from);
		assertThat(entry.getToState()).isEqualTo(to);
		assertThat(entry.getActor()).isEqualTo(actor.username());
		assertThat(entry.getNote()).isEqualTo(note);
		assertThat(entry.getOccurredAt()).isEqualTo(at);
		assertThat(entry.isSharedWithReporter()).as("state changes are shared with the reporter").isTrue();
	}

	private static TimelineEntry last(Incident incident) {
		return incident.getTimeline().get(incident.getTimeline().size() - 1);
	}

	/** The events registered on the aggregate and not yet published, in order. */
	private static List<Object> events(Incident incident) {
		List<Object> events = new ArrayList<>();
		AggregateTestUtils.eventsOf(incident).ofType(Object.class).forEach(events::add);
		return List.copyOf(events);
	}

	/** What an incident was before a command, to compare after: timeline and events only grow. */
	private static final class Watch {

		private final Incident incident;

		private final int entries;

		private final int events;

		Watch(Incident incident) {
			this.incident = incident;
			this.entries = incident.getTimeline().size();
			this.events = events(incident).size();
		}

		List<TimelineEntry> newEntries() {
			List<TimelineEntry> timeline = this.incident.getTimeline();
			assertThat(this.incident.getTimelineLength()).isEqualTo(timeline.size());
			return timeline.subList(this.entries, timeline.size());
		}

		List<Object> newEvents() {
			List<Object> all = events(this.incident);
			return all.subList(this.events, all.size());
		}

	}

	/** Everything a refused command must leave as it was. */
	private record Snapshot(IncidentState state, int timelineLength, List<TimelineEntry> timeline, int eventCount,
			List<Status> checklist, Category category, Severity severity, String responsible, List<Assignee> assignees,
			RequiredItems record, Instant occurredAt, Instant discoveredAt, Instant closingApprovedAt,
			Instant closedAt) {

		static Snapshot of(Incident incident) {
			return new Snapshot(incident.getState(), incident.getTimelineLength(), List.copyOf(incident.getTimeline()),
					events(incident).size(), incident.getChecklist().stream().map(ChecklistItem::getStatus).toList(),
					incident.getCategory(), incident.getSeverity(), incident.getResponsible(),
					List.copyOf(incident.getAssignees()), incident.getRecord(), incident.getOccurredAt(),
					incident.getDiscoveredAt(), incident.getClosingApprovedAt(), incident.getClosedAt());
		}

	}

}
