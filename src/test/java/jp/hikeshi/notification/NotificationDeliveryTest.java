package jp.hikeshi.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.hikeshi.HikeshiApplication;
import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.reporting.Deadline;
import jp.hikeshi.reporting.DeadlineRule;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The notifications against a real SMTP server (GreenMail) and a real HTTP chat receiver in the
 * test JVM. Sending after commit is off here, and the jobs do not run on their own: each test
 * sends and scans with a time of its own, so what arrived is exactly what it asked for. Every
 * test gives its people addresses on a domain of its own and reads only that domain's mail.
 */
@SpringBootTest(properties = { "hikeshi.notifications.jobs.enabled=false",
		"hikeshi.notifications.send-on-commit=false", "hikeshi.notifications.allow-plain-http-webhooks=true", "hikeshi.notifications.webhook-hosts=127.0.0.1",
		"spring.mail.host=127.0.0.1", "spring.mail.properties.mail.smtp.starttls.enable=false",
		"spring.mail.properties.mail.smtp.starttls.required=false",
		"hikeshi.public-base-url=https://hikeshi.example.test" })
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class NotificationDeliveryTest {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final AtomicInteger sequence = new AtomicInteger();

	private static final int SMTP_PORT = freePort();

	private static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	/** What a report says: none of it may leave the company in a mail or a chat message. */
	private static final String DESCRIPTION = "顧客 山田花子様（090-1234-5678）のデータを含むファイルが暗号化され、身代金を要求する画面が出た";

	private static GreenMail smtp;

	private static WebhookReceiver chat;

	@Autowired
	org.springframework.context.MessageSource messageSource;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	PreventionService prevention;

	@Autowired
	AccountService accounts;

	@Autowired
	NotificationSettings settings;

	@Autowired
	Webhooks webhooks;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	Reminders reminders;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	jp.hikeshi.account.People people;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	String domain;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@BeforeAll
	static void startServers() {
		smtp = new GreenMail(SMTP);
		smtp.start();
		chat = WebhookReceiver.start();
	}

	@AfterAll
	static void stopServers() {
		smtp.stop();
		chat.close();
	}

	@BeforeEach
	void ownDomain() {
		this.domain = "t" + sequence.incrementAndGet() + ".example";
	}

	@AfterEach
	void noWebhooksLeft() {
		this.webhooks.all().forEach(webhook -> this.webhooks.remove(webhook.id(), "test"));
	}

	@Test
	void aReportOfSomethingStillHappeningReachesEveryLeadFirstByMailAndChatInTheirLanguageAndNothingOfItsContent() throws Exception {
		Actor leadJa = person("lead-ja", Role.SECURITY_LEAD);
		Actor leadEn = person("lead-en", Role.SECURITY_LEAD);
		this.settings.savePersonal(leadEn.username(), new PersonalSettings(Locale.ENGLISH, false, Set.of()));
		person("exec", Role.EXECUTIVE);
		this.webhooks.add(WebhookKind.SLACK, "情報システム部", chat.url("/" + this.domain + "/slack"), Locale.JAPANESE, "test");
		this.webhooks.add(WebhookKind.TEAMS, "IT", chat.url("/" + this.domain + "/teams"), Locale.ENGLISH, "test");

		Incident incident = report(StillHappening.YES);
		assertThat(this.jdbc.queryForList("select distinct priority from notification where incident_id = ?", Integer.class,
				incident.getId())).containsExactly(0);
		this.dispatcher.drain(Instant.now());

		Map<String, List<MimeMessage>> mails = mailsByRecipient();
		assertThat(mails).containsOnlyKeys(address(leadJa), address(leadEn));
		MimeMessage japanese = mails.get(address(leadJa)).get(0);
		assertThat(japanese.getSubject()).isEqualTo("[火消し] 至急：今も続いている事象の報告（" + incident.getReference() + "）");
		MimeMessage english = mails.get(address(leadEn)).get(0);
		assertThat(english.getSubject())
			.isEqualTo("[Hikeshi] Urgent: report of something still happening, " + incident.getReference());
		for (MimeMessage mail : List.of(japanese, english)) {
			String body = (String) mail.getContent();
			assertThat(body).contains("https://hikeshi.example.test/incidents/" + incident.getId())
				.doesNotContain("山田", "090-1234-5678", incident.getTitle(), "SECURITY_LEAD", "NEW_REPORT");
			assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		}

		List<String> slack = chat.bodies("/" + this.domain + "/slack");
		assertThat(slack).hasSize(1);
		assertThat(slack.get(0)).contains(incident.getReference(), "今も続いている",
				"https://hikeshi.example.test/incidents/" + incident.getId()).doesNotContain("山田", "090-1234-5678");
		List<String> teams = chat.bodies("/" + this.domain + "/teams");
		assertThat(teams).hasSize(1);
		assertThat(teams.get(0)).contains("AdaptiveCard", "Urgent", incident.getReference()).doesNotContain("山田");
		assertThat(states(incident.getId(), Channel.EMAIL, leadJa, leadEn)).containsOnly(DeliveryState.SENT);
		assertThat(this.jdbc.queryForList("select state from notification where incident_id = ? and channel = 'CHAT'",
				String.class, incident.getId())).containsExactly("SENT", "SENT");
	}

	@Test
	void everyRowOfTheTableTellsExactlyItsPeopleEachOnce() throws Exception {
		Actor lead = person("lead", Role.SECURITY_LEAD);
		Actor executive = person("exec", Role.EXECUTIVE);
		Actor responsible = person("responsible", Role.RESPONDER);
		Actor responder = person("responder", Role.RESPONDER);
		Actor reporter = person("staff", Role.REPORTER);

		long id = this.incidents.report(new Incident.Report(null, DESCRIPTION, Instant.now(), "経理PC", StillHappening.NO,
				null, null), reporter).getId();
		this.incidents.take(id, version(id, lead), lead);
		this.incidents.addInformation(id, reporter, "昨日も同じ画面が出ていた");
		this.incidents.escalate(id, version(id, lead), lead, Category.VIRUS_RANSOMWARE, null, Severity.HIGH, null);
		this.incidents.formTeam(id, version(id, lead), executive, responsible.username(),
				List.of(new jp.hikeshi.incident.Assignee(responder.username(), "ログの確認")));
		this.reporting.draftAnnouncement(id, this.reporting.caseFor(id, lead).getVersion(), lead,
				jp.hikeshi.reporting.Announcement.Kind.FIRST, "第一報の案");
		walkToPrevention(id, lead, responsible);
		this.prevention.addMeasure(id, lead, new PreventionService.NewMeasure(Measure.Kind.TRAINING, "標的型メール訓練",
				responder.username(), LocalDate.now(JAPAN).plusDays(5)));
		this.reminders.scan(Instant.now());
		this.incidents.approveClosing(id, version(id, lead), executive);
		this.incidents.close(id, version(id, lead), lead);
		this.dispatcher.drain(Instant.now());

		Map<Rule, Set<String>> mailed = new TreeMap<>();
		// everyone holding a role is told; this test's people are the ones on its domain
		this.jdbc.query("""
				select rule, recipient from notification
				where incident_id = ? and channel = 'EMAIL' and state = 'SENT' and recipient like ?""", rs -> {
			mailed.computeIfAbsent(Rule.valueOf(rs.getString(1)), r -> new TreeSet<>()).add(rs.getString(2));
		}, id, "%-" + this.domain.replace('.', '-'));
		assertThat(mailed).containsExactlyInAnyOrderEntriesOf(Map.of(
				Rule.NEW_REPORT, Set.of(lead.username()),
				Rule.REPORTER_UPDATE, Set.of(reporter.username()),
				Rule.REPORTER_INFORMATION, Set.of(lead.username()),
				Rule.ESCALATED, Set.of(executive.username()),
				Rule.TEAM_ASSIGNED, Set.of(responsible.username(), responder.username()),
				Rule.DECISION_WAITING, Set.of(executive.username()),
				Rule.MEASURE_DUE, Set.of(lead.username(), responder.username())));
		// the reporter hears twice (taken, closed); the executive decides three times (team, announcement, closing)
		Map<String, List<MimeMessage>> mails = mailsByRecipient(reference(id));
		assertThat(subjects(mails.get(address(reporter)))).containsExactly(
				"[火消し] あなたの報告が受け付けられました（" + reference(id) + "）",
				"[火消し] あなたの報告への対応が完了しました（" + reference(id) + "）");
		assertThat(subjects(mails.get(address(executive)))).containsExactly(
				"[火消し] 対応体制の構築が必要です（" + reference(id) + "）",
				"[火消し] 公表文の承認が必要です（" + reference(id) + "）",
				"[火消し] 対応終了の承認が必要です（" + reference(id) + "）");
		assertThat(subjects(mails.get(address(responsible)))).containsExactly(
				"[火消し] 対応チームに指名されました（" + reference(id) + "）");
		assertThat(body(mails.get(address(executive)).get(0))).contains("ウイルス・ランサムウェア感染", "重大度：高")
			.doesNotContain("VIRUS_RANSOMWARE", "HIGH");
		assertThat(body(mails.get(address(reporter)).get(0))).contains("https://hikeshi.example.test/reports/" + id);
		for (List<MimeMessage> own : mails.values()) {
			for (MimeMessage mail : own) {
				assertThat(body(mail)).doesNotContain("山田", "090-1234-5678", "昨日も同じ画面", "標的型メール訓練");
			}
		}
		// everyone told also finds it behind the bell, each once
		assertThat(this.jdbc.queryForObject("""
				select count(*) from notification where incident_id = ? and channel = 'IN_APP' and recipient = ?""",
				Integer.class, id, executive.username())).isEqualTo(3);
	}

	@Test
	void aReportNobodyTakesGoesToLeadsAndExecutivesOnceAfterTheCompanysTimeout() throws Exception {
		Actor lead = person("lead", Role.SECURITY_LEAD);
		Actor executive = person("exec", Role.EXECUTIVE);
		Incident incident = report(StillHappening.UNKNOWN);
		Instant reported = incident.getReportedAt();

		this.reminders.scan(reported.plus(Duration.ofMinutes(29)));
		assertThat(rows(incident.getId(), Rule.TRIAGE_WAITING)).isZero();
		this.reminders.scan(reported.plus(Duration.ofMinutes(30)));
		this.reminders.scan(reported.plus(Duration.ofMinutes(45)));
		this.dispatcher.drain(Instant.now());

		Map<String, List<MimeMessage>> mails = mailsByRecipient(incident.getReference());
		String untaken = "[火消し] 報告が30分以上受け付けられていません（" + incident.getReference() + "）";
		assertThat(subjects(mails.get(address(lead)))).containsOnlyOnce(untaken);
		assertThat(subjects(mails.get(address(executive)))).containsExactly(untaken);
	}

	@Test
	void aPpcDeadlineIsRemindedThreeTimesToEachOfThePeopleWhoOwnIt() throws Exception {
		Actor lead = person("lead", Role.SECURITY_LEAD);
		Actor executive = person("exec", Role.EXECUTIVE);
		Actor responsible = person("responsible", Role.RESPONDER);
		Actor reporter = person("staff", Role.REPORTER);
		long id = leakWithATeam(reporter, lead, executive, responsible);
		Deadline deadline = this.reporting.openDuties()
			.stream()
			.filter(due -> due.incidentId() == id && due.duty().getType() == DutyType.PPC_PRELIMINARY)
			.map(DueDuty::deadline)
			.findFirst()
			.orElseThrow();

		for (Instant moment : List.of(noonInJapan(deadline.lastDay().minusDays(2)),
				noonInJapan(deadline.lastDay().minusDays(1)), noonInJapan(deadline.lastDay()),
				deadline.end().plus(Duration.ofHours(1)), deadline.end().plus(Duration.ofHours(5)))) {
			this.reminders.scan(moment);
			this.dispatcher.drain(Instant.now());
		}

		String ppc = "個人情報保護委員会への速報（" + reference(id) + "）";
		for (Actor owner : List.of(lead, executive, responsible)) {
			assertThat(subjects(mailsByRecipient().get(address(owner))).stream().filter(s -> s.contains(ppc)))
				.containsExactly("[火消し] 期限が近づいています：" + ppc, "[火消し] 今日が期限です：" + ppc,
						"[火消し] 期限を過ぎました：" + ppc);
		}
		MimeMessage today = mailsByRecipient().get(address(lead))
			.stream()
			.filter(mail -> subject(mail).startsWith("[火消し] 今日が期限です"))
			.findFirst()
			.orElseThrow();
		assertThat(body(today)).contains(jp.hikeshi.shared.ReadableTime.day(deadline.lastDay(), Locale.JAPANESE))
			.contains("https://hikeshi.example.test/incidents/" + id + "/reporting");
		// the responsible responder cannot open step 2's page: their link is the incident's
		MimeMessage theirs = mailsByRecipient().get(address(responsible)).get(0);
		assertThat(body(theirs)).contains("https://hikeshi.example.test/incidents/" + id + "\n")
			.doesNotContain("/reporting");
	}

	@Test
	void aReportOwedWithoutDelayIsRemindedAfterADayThreeDaysAndAWeekUntilDecided() throws Exception {
		Actor lead = person("lead", Role.SECURITY_LEAD);
		Actor executive = person("exec", Role.EXECUTIVE);
		Actor responsible = person("responsible", Role.RESPONDER);
		Actor reporter = person("staff", Role.REPORTER);
		long id = leakWithATeam(reporter, lead, executive, responsible);
		DueDuty promptly = this.reporting.openDuties()
			.stream()
			.filter(due -> due.incidentId() == id && due.deadline().rule() == DeadlineRule.PROMPTLY)
			.findFirst()
			.orElseThrow(() -> new AssertionError("an unauthorised access owes a report 「速やかに」"));
		Instant from = promptly.duty().getClockFrom();

		for (Instant moment : List.of(from.plus(Duration.ofHours(23)), from.plus(Duration.ofHours(25)),
				from.plus(Duration.ofHours(30)), from.plus(Duration.ofDays(3)), from.plus(Duration.ofDays(5)),
				from.plus(Duration.ofDays(7)), from.plus(Duration.ofDays(20)))) {
			this.reminders.scan(moment);
			this.dispatcher.drain(Instant.now());
		}

		String label = this.messageSource.getMessage("DutyType." + promptly.duty().getType().name(), null, Locale.JAPANESE);
		String headline = "[火消し] 速やかな報告が未対応です：" + label + "（" + reference(id) + "）";
		for (Actor owner : List.of(lead, executive, responsible)) {
			assertThat(subjects(mailsByRecipient().get(address(owner)))).filteredOn(headline::equals).hasSize(3);
		}
		assertThat(mailsByRecipient().get(address(lead))
			.stream()
			.filter(mail -> subject(mail).equals(headline))
			.map(NotificationDeliveryTest::body)).anySatisfy(body -> assertThat(body).contains("1日たっても"))
			.anySatisfy(body -> assertThat(body).contains("3日たっても"))
			.anySatisfy(body -> assertThat(body).contains("7日たっても"));
	}

	@Test
	void aFailingMailServerFollowedByAWorkingOneDeliversEveryPendingMailExactlyOnce() throws Exception {
		Actor first = person("lead1", Role.SECURITY_LEAD);
		Actor second = person("lead2", Role.SECURITY_LEAD);
		smtp.stop();
		Incident incident;
		try {
			incident = report(StillHappening.NO);
			this.dispatcher.drain(Instant.now());
			assertThat(this.jdbc.queryForList("""
					select state || ' ' || failure || ' ' || attempts from notification
					where incident_id = ? and channel = 'EMAIL' and recipient in (?, ?)""", String.class,
					incident.getId(), first.username(), second.username()))
				.containsExactly("PENDING CONNECTION_REFUSED 1", "PENDING CONNECTION_REFUSED 1");
		}
		finally {
			smtp = new GreenMail(SMTP);
			smtp.start();
		}
		this.dispatcher.drain(Instant.now());
		assertThat(mailsByRecipient()).as("the pause before the next try is respected").isEmpty();
		this.dispatcher.drain(Instant.now().plus(Duration.ofMinutes(2)));
		this.dispatcher.drain(Instant.now().plus(Duration.ofHours(2)));

		Map<String, List<MimeMessage>> mails = mailsByRecipient();
		assertThat(mails).containsOnlyKeys(address(first), address(second));
		assertThat(mails.values()).allSatisfy(own -> assertThat(own).hasSize(1));
		assertThat(states(incident.getId(), Channel.EMAIL, first, second)).containsOnly(DeliveryState.SENT);
	}

	@Test
	void aRestartBetweenCommitAndSendLosesNothingAndTwoNodesSendAndRemindOnce() throws Exception {
		String untakenReference;
		Actor lead = person("lead", Role.SECURITY_LEAD);
		Actor executive = person("exec", Role.EXECUTIVE);
		Incident reported = report(StillHappening.NO);
		assertThat(states(reported.getId(), Channel.EMAIL, lead)).containsOnly(DeliveryState.PENDING);

		// this node "stops" before sending: a second application on the same database takes over
		try (ConfigurableApplicationContext other = secondNode()) {
			Dispatcher otherDispatcher = other.getBean(Dispatcher.class);
			Reminders otherReminders = other.getBean(Reminders.class);
			otherDispatcher.drain(Instant.now());
			assertThat(subjects(mailsByRecipient().get(address(lead))))
				.containsExactly("[火消し] 新しい報告があります（" + reported.getReference() + "）");

			Incident untaken = report(StillHappening.NO);
			untakenReference = untaken.getReference();
			Instant late = untaken.getReportedAt().plus(Duration.ofHours(1));
			int told = this.people.holding(Role.SECURITY_LEAD, Role.EXECUTIVE).size();
			together(() -> this.reminders.scan(late), () -> otherReminders.scan(late));
			together(() -> this.reminders.scan(late.plusSeconds(60)), () -> otherReminders.scan(late.plusSeconds(60)));
			// one mail and one bell entry each, however many nodes scanned
			assertThat(rows(untaken.getId(), Rule.TRIAGE_WAITING)).isEqualTo(2 * told);
			together(() -> this.dispatcher.drain(Instant.now()), () -> otherDispatcher.drain(Instant.now()));
			together(() -> this.dispatcher.drain(Instant.now()), () -> otherDispatcher.drain(Instant.now()));
		}
		String untaken = "[火消し] 報告が30分以上受け付けられていません（" + untakenReference + "）";
		assertThat(subjects(mailsByRecipient(untakenReference).get(address(executive)))).containsExactly(untaken);
		assertThat(subjects(mailsByRecipient(untakenReference).get(address(lead))))
			.containsExactlyInAnyOrder("[火消し] 新しい報告があります（" + untakenReference + "）", untaken);
	}

	@Test
	void anAddressWithALineBreakIsRefusedAndNoHeaderIsInjected() throws Exception {
		Actor lead = person("lead", Role.SECURITY_LEAD);
		this.jdbc.update("update user_account set email = ? where username = ?",
				"lead@" + this.domain + "\r\nBcc: thief@evil.example", lead.username());
		Incident incident = report(StillHappening.NO);
		this.dispatcher.drain(Instant.now());

		assertThat(this.jdbc.queryForObject("""
				select state || ' ' || failure from notification where incident_id = ? and channel = 'EMAIL' and recipient = ?""",
				String.class, incident.getId(), lead.username())).isEqualTo("FAILED INVALID_ADDRESS");
		assertThat(smtp.getReceivedMessagesForDomain("evil.example")).isEmpty();
		assertThat(mailsByRecipient()).isEmpty();
	}

	@Test
	void someoneWithoutAnAddressIsToldInTheAppAndTheLogSaysWhyNoMailWent() {
		Actor lead = person("lead", Role.SECURITY_LEAD);
		this.jdbc.update("update user_account set email = null where username = ?", lead.username());
		Incident incident = report(StillHappening.NO);
		assertThat(this.jdbc.queryForList("""
				select channel || ' ' || state || ' ' || coalesce(failure, '-') from notification
				where incident_id = ? and recipient = ? order by channel""", String.class, incident.getId(), lead.username()))
			.containsExactly("EMAIL NOT_SENT NO_ADDRESS", "IN_APP SENT -");
	}

	@Test
	void aWebhookThatRefusesIsGivenUpAndOneThatIsDownIsTriedAgainAndTheAddressIsKeptEncrypted() {
		String refusing = "/" + this.domain + "/gone";
		String down = "/" + this.domain + "/down";
		chat.answer(refusing, 404);
		chat.answer(down, 503);
		person("lead", Role.SECURITY_LEAD);
		long gone = this.webhooks.add(WebhookKind.GOOGLE_CHAT, "gone", chat.url(refusing), Locale.JAPANESE, "test");
		long flaky = this.webhooks.add(WebhookKind.SLACK, "down", chat.url(down), Locale.JAPANESE, "test");
		Incident incident = report(StillHappening.NO);
		this.dispatcher.drain(Instant.now());

		assertThat(chatState(incident.getId(), gone)).isEqualTo("FAILED WEBHOOK_REJECTED 1");
		assertThat(chatState(incident.getId(), flaky)).isEqualTo("PENDING WEBHOOK_SERVER_ERROR 1");
		byte[] stored = this.jdbc.queryForObject("select url_encrypted from chat_webhook where id = ?", byte[].class, gone);
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("127.0.0.1", this.domain);
		assertThat(this.webhooks.all()).extracting(Webhooks.Webhook::hint)
			.allSatisfy(hint -> assertThat(hint).startsWith("http://127.0.0.1/…").doesNotContain(this.domain));

		chat.answer(down, 200);
		this.dispatcher.drain(Instant.now().plus(Duration.ofMinutes(1)));
		assertThat(chatState(incident.getId(), flaky)).isEqualTo("SENT - 2");
		assertThat(chat.bodies(down)).hasSize(2);
	}

	@Test
	void onesOwnSettingsAndTheCompanysDecideWhoIsMailedButAMandatoryRowAlwaysMails() throws Exception {
		Actor lead = person("lead", Role.SECURITY_LEAD);
		Actor executive = person("exec", Role.EXECUTIVE);
		Actor quiet = person("quiet", Role.RESPONDER);
		Actor other = person("other", Role.RESPONDER);
		this.settings.savePersonal(quiet.username(),
				new PersonalSettings(Locale.JAPANESE, false, Set.of(Rule.TEAM_ASSIGNED)));
		// a lead cannot switch off the mail of a new report
		this.settings.savePersonal(lead.username(), new PersonalSettings(Locale.JAPANESE, false, Set.of(Rule.NEW_REPORT)));
		CompanySettings before = this.settings.company();
		Map<Rule, CompanySettings.Channels> rules = new java.util.EnumMap<>(before.rules());
		rules.put(Rule.NEW_REPORT, new CompanySettings.Channels(false, false));
		this.settings.saveCompany(new CompanySettings(null, null, 30, 8, rules, before.version()), "test");
		try {
			Incident incident = report(StillHappening.NO);
			long id = incident.getId();
			this.incidents.take(id, version(id, lead), lead);
			this.incidents.escalate(id, version(id, lead), lead, Category.OTHER, null, Severity.LOW, null);
			this.incidents.formTeam(id, version(id, lead), executive, quiet.username(),
					List.of(new jp.hikeshi.incident.Assignee(other.username(), "調査")));

			assertThat(this.jdbc.queryForList("""
					select recipient || ' ' || channel from notification where incident_id = ? and rule = 'TEAM_ASSIGNED'
					order by recipient, channel""", String.class, id))
				.containsExactlyInAnyOrder(quiet.username() + " IN_APP", other.username() + " EMAIL",
						other.username() + " IN_APP");
			assertThat(this.jdbc.queryForList("""
					select channel from notification where incident_id = ? and rule = 'NEW_REPORT' and recipient = ?
					order by channel""", String.class, id, lead.username())).containsExactly("EMAIL", "IN_APP");
		}
		finally {
			CompanySettings now = this.settings.company();
			this.settings.saveCompany(new CompanySettings(null, null, 30, 8, before.rules(), now.version()), "test");
		}
	}

	@Test
	void theMorningDigestGoesOnceADayFromItsHourToThoseWhoAskedForIt() throws Exception {
		Actor lead = person("lead", Role.SECURITY_LEAD);
		Actor notAsking = person("lead2", Role.SECURITY_LEAD);
		this.settings.savePersonal(lead.username(), new PersonalSettings(Locale.ENGLISH, true, Set.of()));
		report(StillHappening.NO);
		LocalDate day = LocalDate.now(JAPAN).plusDays(400);
		try {
			this.reminders.scan(day.atTime(7, 59).atZone(JAPAN).toInstant());
			this.reminders.scan(day.atTime(8, 0).atZone(JAPAN).toInstant());
			this.reminders.scan(day.atTime(17, 0).atZone(JAPAN).toInstant());
			this.dispatcher.drain(Instant.now());
			List<MimeMessage> digests = mailsByRecipient().get(address(lead))
				.stream()
				.filter(mail -> subject(mail).startsWith("[Hikeshi] What waits for you"))
				.toList();
			assertThat(digests).hasSize(1);
			assertThat(body(digests.get(0))).containsPattern("\\d+ reports? waits? to be taken").doesNotContain("DAILY");
			assertThat(mailsByRecipient().get(address(notAsking)))
				.noneMatch(mail -> subject(mail).contains("What waits") || subject(mail).contains("今日の対応待ち"));
		}
		finally {
			this.settings.savePersonal(lead.username(), new PersonalSettings(Locale.ENGLISH, false, Set.of()));
		}
	}

	// --- helpers ---

	@Test
	void theOwnerOfAnAccountWhosePasswordPathLockedIsToldByMailAndNobodyForAnUnknownName() throws Exception {
		Actor owner = person("locked", Role.REPORTER);
		Instant until = Instant.parse("2026-12-01T03:15:00Z");
		org.springframework.transaction.support.TransactionTemplate transaction = new org.springframework.transaction.support.TransactionTemplate(
				this.transactionManager);
		// as the throttle publishes it: the name as typed, in lower case
		transaction.executeWithoutResult(status -> this.events.publishEvent(
				new jp.hikeshi.account.PasswordPathLocked(owner.username().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), "10.0.0.1", until)));
		transaction.executeWithoutResult(status -> this.events
			.publishEvent(new jp.hikeshi.account.PasswordPathLocked("nobody-" + this.domain, "10.0.0.1", until)));
		this.dispatcher.drain(Instant.now());

		Map<String, List<MimeMessage>> mails = mailsByRecipient();
		assertThat(mails).containsOnlyKeys(address(owner));
		MimeMessage mail = mails.get(address(owner)).get(0);
		assertThat(subject(mail)).isEqualTo("[火消し] 2026年12月1日 12:15 まで、パスワードでのサインインを停止しています");
		assertThat(body(mail)).contains("管理者に連絡してください", "https://hikeshi.example.test/login");
	}

	private Actor person(String name, Role role) {
		String username = name + "-" + this.domain.replace('.', '-');
		UserAccount account = this.accounts.create(new CreateAccount(username,
				new Profile("通知 " + name, null, name + "@" + this.domain, null), EnumSet.of(role), CompletedSetup.PASSWORD),
				"test");
		return new Actor(account.getUsername(), account.getRoles());
	}

	private String address(Actor actor) {
		return actor.username().substring(0, actor.username().indexOf('-' + this.domain.replace('.', '-'))) + "@"
				+ this.domain;
	}

	private Incident report(StillHappening still) {
		Actor reporter = person("reporter" + sequence.incrementAndGet(), Role.REPORTER);
		return this.incidents.report(new Incident.Report(null, DESCRIPTION, Instant.now(), "ファイルサーバー", still, null,
				null), reporter);
	}

	/** This test's mail, by recipient, in the order it arrived. */
	private Map<String, List<MimeMessage>> mailsByRecipient() throws MessagingException {
		return mailsByRecipient("");
	}

	/** This test's mail about one incident (its reference in the subject), by recipient. */
	private Map<String, List<MimeMessage>> mailsByRecipient(String reference) throws MessagingException {
		Map<String, List<MimeMessage>> byRecipient = new TreeMap<>();
		for (MimeMessage mail : smtp.getReceivedMessagesForDomain(this.domain)) {
			if (!subject(mail).contains(reference)) {
				continue;
			}
			for (Address to : mail.getAllRecipients()) {
				byRecipient.computeIfAbsent(to.toString(), a -> new ArrayList<>()).add(mail);
			}
		}
		return byRecipient;
	}

	private static List<String> subjects(List<MimeMessage> mails) {
		return (mails == null) ? List.of() : mails.stream().map(NotificationDeliveryTest::subject).toList();
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String body(MimeMessage mail) {
		try {
			return (String) mail.getContent();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The states of this incident's notifications to these people on a channel. */
	private List<DeliveryState> states(long incidentId, Channel channel, Actor... people) {
		return this.jdbc.queryForList("""
				select state from notification where incident_id = ? and channel = ? and recipient = any(?) order by id""",
				String.class, incidentId, channel.name(),
				java.util.Arrays.stream(people).map(Actor::username).toArray(String[]::new))
			.stream()
			.map(DeliveryState::valueOf)
			.toList();
	}

	private int rows(long incidentId, Rule rule) {
		return this.jdbc.queryForObject("select count(*) from notification where incident_id = ? and rule = ?",
				Integer.class, incidentId, rule.name());
	}

	private String chatState(long incidentId, long webhook) {
		return this.jdbc.queryForObject("""
				select state || ' ' || coalesce(failure, '-') || ' ' || attempts from notification
				where incident_id = ? and webhook_id = ?""", String.class, incidentId, webhook);
	}

	private String reference(long id) {
		return this.incidents.findById(id).orElseThrow().getReference();
	}

	private long version(long id, Actor actor) {
		return this.incidents.find(id, actor).getVersion();
	}

	private static Instant noonInJapan(LocalDate day) {
		return ZonedDateTime.of(day, LocalTime.NOON, JAPAN).toInstant();
	}

	/** An unauthorised access reported, escalated by the lead and given its team: its reports owed are open. */
	private long leakWithATeam(Actor reporter, Actor lead, Actor executive, Actor responsible) {
		long id = this.incidents.report(new Incident.Report(null, DESCRIPTION, Instant.now(), null, StillHappening.NO,
				null, null), reporter).getId();
		this.incidents.take(id, version(id, lead), lead);
		this.incidents.escalate(id, version(id, lead), lead, Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS,
				Severity.HIGH, null);
		this.incidents.formTeam(id, version(id, lead), executive, responsible.username(), List.of());
		return id;
	}

	private void walkToPrevention(long id, Actor lead, Actor responder) {
		this.incidents.startContainment(id, version(id, lead), lead);
		decideAll(id, lead, responder, true);
		this.incidents.finishContainment(id, version(id, lead), lead);
		this.incidents.updateRecord(id, version(id, lead), responder,
				new RequiredItems("なし", "ランサムウェア感染", "添付ファイル", "隔離済み", "経理PC1台", "総務部 内線100",
						DisclosureStatus.NOT_REQUIRED),
				Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
		for (Duty duty : this.reporting.caseFor(id, lead).applicableDuties()) {
			this.reporting.file(id, this.reporting.caseFor(id, lead).getVersion(), lead, duty.getId(),
					new ReportingCase.Filing(LocalDate.now(JAPAN), "REF-1", null, Duty.NoticeOutcome.ALL_NOTIFIED, null));
		}
		this.incidents.startRecovery(id, version(id, lead), lead);
		decideAll(id, lead, responder, false);
		this.incidents.confirmRecovery(id, version(id, lead), lead, "復旧を確認した", true);
		this.incidents.startPrevention(id, version(id, lead), lead);
		assertThat(this.incidents.find(id, lead).getState()).isEqualTo(IncidentState.PREVENTION);
		this.prevention.recordRootCauses(id, lead, new PreventionService.RootCauses(
				EnumSet.of(jp.hikeshi.prevention.RootCause.values()[0]), null, 0));
	}

	private void decideAll(long id, Actor lead, Actor responder, boolean initial) {
		for (ChecklistItem item : this.incidents.findForPage(id, lead).getChecklist()) {
			if (item.getGroup().isInitial() == initial && !item.isResolved()) {
				this.incidents.decideChecklistItem(id, version(id, lead), responder, item.getId(),
						ChecklistItem.Status.DONE, null);
			}
		}
	}

	/** A second application on this test's database, as a second node would run. */
	private ConfigurableApplicationContext secondNode() {
		// as command-line arguments: they take precedence over application.properties, as a node's own settings would
		return new SpringApplicationBuilder(HikeshiApplication.class).run(
				"--spring.datasource.url=" + this.dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + this.dataSource.getUsername(),
				"--spring.datasource.password=" + this.dataSource.getPassword(), "--server.port=0",
				"--hikeshi.notifications.jobs.enabled=false", "--hikeshi.notifications.send-on-commit=false",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
				"--spring.mail.properties.mail.smtp.starttls.enable=false",
				"--spring.mail.properties.mail.smtp.starttls.required=false",
				"--hikeshi.public-base-url=https://hikeshi.example.test");
	}

	/** Runs both at the same moment on two threads; their results in order. */
	@SafeVarargs
	private static <T> List<T> together(Callable<T>... tasks) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> running = new ArrayList<>();
			for (Callable<T> task : tasks) {
				running.add(threads.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> result : running) {
				results.add(result.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}


	/**
	 * A batch that has used half of its lease sends no more: the rows it did not reach are given
	 * back, due at once, for the next drain (here a clock that moves two minutes each time the
	 * sender reads it, so the second row is reached after the first send's two readings).
	 */
	@Test
	void aBatchPastHalfItsLeaseGivesBackTheRowsItDidNotReach(@Autowired TransactionTemplate transaction,
			@Autowired MailChannel mail, @Autowired ChatChannel chat, @Autowired HookChannel hooks,
			@Autowired Messages messages, @Autowired People people, @Autowired OrganisationService organisations)
			throws Exception {
		Instant due = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MICROS);
		for (String occurrence : List.of("lease:first", "lease:second")) {
			// an addressee with no account: its try fails at once, with no server to wait for
			this.jdbc.update("""
					insert into notification (rule, occurrence, channel, recipient, priority, state, next_attempt_at,
					                          created_at)
					values ('NEW_REPORT', ?, 'EMAIL', 'nobody-of-the-lease', 1, 'PENDING', ?, now())""", occurrence,
					Timestamp.from(due));
		}
		AtomicReference<Instant> moment = new AtomicReference<>(due);
		Clock stepping = new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneId.of("UTC");
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return moment.getAndUpdate(now -> now.plus(Duration.ofMinutes(2)));
			}
		};
		Dispatcher slow = new Dispatcher(this.jdbc, transaction, mail, chat, hooks, this.webhooks, messages, this.settings,
				people, organisations, stepping, false, "https://hikeshi.example.test");

		slow.drain(due);
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				select occurrence, state, attempts, next_attempt_at from notification
				where recipient = 'nobody-of-the-lease' order by occurrence""");
		assertThat(rows).extracting(row -> row.get("occurrence"), row -> row.get("state"), row -> row.get("attempts"))
			.containsExactly(tuple("lease:first", "FAILED", 1), tuple("lease:second", "PENDING", 0));
		assertThat(((Timestamp) rows.get(1).get("next_attempt_at")).toInstant()).as("given back, due at once")
			.isEqualTo(due);

		slow.drain(due);
		assertThat(this.jdbc.queryForObject(
				"select attempts from notification where occurrence = 'lease:second'", Integer.class)).isOne();
	}

}
