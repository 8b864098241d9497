package jp.hikeshi.evidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TimelineEntry.Kind;
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
 * What happens to evidence reaches the incident's timeline: each fact published once, as its
 * type, with the values the entry keeps raw (file name, SHA-256, recipient, reason), and the
 * entry appended in the same transaction.
 *
 * <p>The whole application runs, not only the evidence module and its dependencies
 * ({@code @ApplicationModuleTest}): the accounts need the security configuration's password
 * encoder, whose filter chain needs the first-run set-up, and so on to every module. The events
 * are recorded ({@link RecordApplicationEvents}) and asserted by their type. One test per history
 * test class drives Spring Modulith's {@link Scenario} ({@link EnableScenarios}) in this whole
 * context instead: the stimulus runs in a transaction, the event is awaited by its type and
 * values, and the timeline line is checked once it has arrived.
 */
@IntegrationTest
@RecordApplicationEvents
@EnableScenarios
class EvidenceHistoryTest {

	private static final byte[] LOG = "2026-11-28 09:12:01 login failed for admin from 203.0.113.7\n"
		.getBytes(StandardCharsets.UTF_8);

	@Autowired
	EvidenceService evidence;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationEvents events;

	Actor lead;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.incident = this.incidents.report(new Incident.Report(null, "不正ログインの痕跡", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void collectedEvidenceIsOnTheTimelineWithItsNameAndHash() {
		Evidence kept = collect("auth.log", LOG);

		assertThat(this.events.stream(EvidenceEvents.Collected.class)).containsExactly(new EvidenceEvents.Collected(
				this.incident, this.lead.username(), kept.id(), "auth.log", kept.sha256()));
		assertThat(entries(Kind.EVIDENCE_COLLECTED)).singleElement().satisfies(entry -> {
			assertThat(entry.getActor()).isEqualTo(this.lead.username());
			assertThat(entry.getField()).isEqualTo("auth.log");
			assertThat(entry.getBefore()).isNull();
			assertThat(entry.getAfter()).isEqualTo(kept.sha256());
		});
	}

	@Test
	void aScenarioSeesTheCollectedEventArriveAndItsLineOnTheTimeline(Scenario scenario) {
		scenario.stimulate(() -> collect("scenario.log", LOG))
			.andWaitForEventOfType(EvidenceEvents.Collected.class)
			.matching(event -> event.incidentId() == this.incident && "scenario.log".equals(event.fileName())
					&& this.lead.username().equals(event.actor()))
			.toArriveAndVerify((event, kept) -> {
				assertThat(event).isEqualTo(new EvidenceEvents.Collected(this.incident, this.lead.username(), kept.id(),
						"scenario.log", kept.sha256()));
				assertThat(entries(Kind.EVIDENCE_COLLECTED)).singleElement().satisfies(entry -> {
					assertThat(entry.getKind()).isEqualTo(Kind.EVIDENCE_COLLECTED);
					assertThat(entry.getActor()).isEqualTo(this.lead.username());
					assertThat(entry.getField()).isEqualTo("scenario.log");
					assertThat(entry.getBefore()).isNull();
					assertThat(entry.getAfter()).isEqualTo(kept.sha256());
				});
			});
	}

	@Test
	void aRefusedFileLeavesNoEventAndNoEntry() {
		collect("auth.log", LOG);
		assertThatThrownBy(() -> collect("copy.log", LOG)).hasMessage("evidence.duplicate");
		assertThatThrownBy(() -> collect("empty.log", new byte[0])).hasMessage("evidence.empty");

		assertThat(this.events.stream(EvidenceEvents.Collected.class)).extracting(EvidenceEvents.Collected::fileName)
			.containsExactly("auth.log");
		assertThat(entries(Kind.EVIDENCE_COLLECTED)).extracting(TimelineEntry::getField).containsExactly("auth.log");
	}

	@Test
	void aHandOverNamesTheRecipient() {
		Evidence kept = collect("handover.log", LOG);
		this.evidence.handOver(this.incident, kept.id(), this.lead, "  〇〇県警察 サイバー犯罪対策課 ");

		assertThat(this.events.stream(EvidenceEvents.HandedOver.class)).containsExactly(new EvidenceEvents.HandedOver(
				this.incident, this.lead.username(), kept.id(), "handover.log", "〇〇県警察 サイバー犯罪対策課"));
		assertThat(entries(Kind.EVIDENCE_HANDED_OVER)).singleElement().satisfies(entry -> {
			assertThat(entry.getField()).isEqualTo("handover.log");
			assertThat(entry.getAfter()).isEqualTo("〇〇県警察 サイバー犯罪対策課");
		});
	}

	@Test
	void aLitigationHoldIsRecordedOnceHoweverOftenItIsAskedFor() {
		Evidence kept = collect("held.log", LOG);
		this.evidence.hold(this.incident, kept.id(), this.lead);
		this.evidence.hold(this.incident, kept.id(), this.lead);

		assertThat(this.events.stream(EvidenceEvents.Held.class))
			.containsExactly(new EvidenceEvents.Held(this.incident, this.lead.username(), kept.id(), "held.log"));
		assertThat(entries(Kind.EVIDENCE_HELD)).singleElement()
			.satisfies(entry -> assertThat(entry.getField()).isEqualTo("held.log"));
	}

	@Test
	void aDeletionKeepsTheNameTheHashAndTheReason() {
		Evidence kept = collect("mistake.log", LOG);
		this.evidence.delete(this.incident, kept.id(), this.lead, " 別のPCのログを誤って保全した ");
		assertThatThrownBy(() -> this.evidence.delete(this.incident, kept.id(), this.lead, "二度目"))
			.hasMessage("evidence.deleted");

		assertThat(this.events.stream(EvidenceEvents.Deleted.class)).containsExactly(new EvidenceEvents.Deleted(
				this.incident, this.lead.username(), kept.id(), "mistake.log", kept.sha256(), "別のPCのログを誤って保全した"));
		assertThat(entries(Kind.EVIDENCE_DELETED)).singleElement().satisfies(entry -> {
			assertThat(entry.getField()).isEqualTo("mistake.log");
			assertThat(entry.getAfter()).isEqualTo(kept.sha256());
			assertThat(entry.getNote()).isEqualTo("別のPCのログを誤って保全した");
		});
	}

	private Evidence collect(String name, byte[] content) {
		return this.evidence.collect(this.incident, this.lead, new NewEvidence(name, "SRV-01 /var/log", null),
				new ByteArrayInputStream(content));
	}

	private List<TimelineEntry> entries(Kind kind) {
		return this.incidents.findForPage(this.incident, this.lead)
			.getTimeline()
			.stream()
			.filter(entry -> entry.getKind() == kind)
			.toList();
	}

}
