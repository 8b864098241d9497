package jp.hikeshi.demo;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.organisation.Industry;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.system.DisposableDatabase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code demo} profile: a company, one user per role, and the sign-ins printed at start-up.
 * Each start chooses a fresh random password for the demo users, so no password is written
 * anywhere but the console, and gives each of them a fresh personal API token (named
 * {@value #TOKEN_NAME}; the previous start's are revoked), printed one a line as
 * {@code   api-token <username> <token>} so that a script can pick them up. Refuses to run unless the database is a throw-away one, so it can
 * never seed production.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String ACTOR = "demo";

	/** The name of the API tokens the demo makes at each start. */
	static final String TOKEN_NAME = "demo";

	/** Demo addresses are under a reserved domain ({@code .example}): nothing is ever delivered. */
	static final String EMAIL_DOMAIN = "demo.hikeshi.example";

	/**
	 * The demo users: user name, display name (Japanese sample names), department, phone number
	 * (the security lead's, shown to staff after they report; like the demo's other sample
	 * numbers, one no line has: there is no exchange 0000), roles.
	 */
	static final List<DemoUser> USERS = List.of(
			new DemoUser("staff", "山田 花子", "営業部", null, EnumSet.of(Role.REPORTER)),
			new DemoUser("lead", "佐藤 健", "情報システム部", "03-0000-1234", EnumSet.of(Role.SECURITY_LEAD, Role.REPORTER)),
			new DemoUser("responder", "鈴木 一郎", "情報システム部", null, EnumSet.of(Role.RESPONDER, Role.REPORTER)),
			new DemoUser("executive", "高橋 誠", "経営企画室", null, EnumSet.of(Role.EXECUTIVE, Role.REPORTER)),
			new DemoUser("admin", "田中 美咲", "総務部", null, EnumSet.of(Role.ADMIN, Role.REPORTER)));

	private final OrganisationService organisations;

	private final AccountService accounts;

	private final TransactionTemplate transaction;

	private final IncidentService incidents;

	private final ObjectProvider<JdbcConnectionDetails> connection;

	private final ApiTokens tokens;

	private final Environment environment;

	private final DemoRegister register;

	DemoData(OrganisationService organisations, AccountService accounts, TransactionTemplate transaction,
			IncidentService incidents, ObjectProvider<JdbcConnectionDetails> connection, ApiTokens tokens,
			Environment environment, DemoRegister register) {
		this.register = register;
		this.organisations = organisations;
		this.accounts = accounts;
		this.transaction = transaction;
		this.incidents = incidents;
		this.connection = connection;
		this.tokens = tokens;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!(this.connection.getIfAvailable() instanceof DisposableDatabase)) {
			throw new IllegalStateException("The demo profile seeds sample data and runs only on the embedded "
					+ "development database. Unset SPRING_DATASOURCE_URL or leave out the demo profile.");
		}
		String password = randomPassword();
		this.transaction.executeWithoutResult(status -> seed(password));
		Map<String, Long> systems = this.register.seed();
		if (this.incidents.myReports(STAFF, 0).isEmpty()) {
			seedIncidents(systems);
		}
		Map<String, String> apiTokens = this.transaction.execute(status -> freshTokens());
		String site = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		StringBuilder banner = new StringBuilder("\n\n  Hikeshi demo — sign in at " + site + " as:\n");
		USERS.forEach(user -> banner.append(String.format("    %-10s %s%n", user.username(), user.roles())));
		banner.append("  password for all of them: ").append(password).append("\n");
		banner.append("  API tokens (Authorization: Bearer <token>; try: curl -H \"Authorization: Bearer <token>\" ")
			.append(site).append("/api/v1/me):\n");
		// one line each, exactly "  api-token <username> <token>", for scripts to read
		apiTokens.forEach((username, token) -> banner.append("  api-token ").append(username).append(' ').append(token)
			.append('\n'));
		log.info(banner.toString());
	}

	/**
	 * A new API token for each demo user, the previous start's revoked: a token printed once is
	 * good until the next start only. A demo user the administrator disabled gets none.
	 */
	private Map<String, String> freshTokens() {
		Map<String, String> secrets = new LinkedHashMap<>();
		for (DemoUser user : USERS) {
			UserAccount account = this.accounts.findByUsername(user.username()).orElseThrow();
			Actor owner = new Actor(account.getUsername(), account.getRoles());
			this.tokens.mine(owner)
				.stream()
				.filter(listed -> TOKEN_NAME.equals(listed.token().getName()) && listed.token().getRevokedAt() == null)
				.forEach(listed -> this.tokens.revoke(listed.token().getId(), owner));
			if (account.isEnabled()) {
				secrets.put(account.getUsername(), this.tokens.create(owner, TOKEN_NAME, null).secret());
			}
		}
		return secrets;
	}

	private void seed(String password) {
		if (this.organisations.current().isEmpty()) {
			this.organisations.register(new Settings("デモ株式会社", Industry.MANUFACTURING, "経済産業省",
					ZoneId.of("Asia/Tokyo")), ACTOR);
		}
		for (DemoUser user : USERS) {
			this.accounts.findByUsername(user.username()).ifPresentOrElse(existing -> {
				this.accounts.resetPasswordForDemo(existing.getId(), password);
				if (!user.profile().equals(profileOf(existing))) {
					this.accounts.resetProfileForDemo(existing.getId(), user.profile());
				}
			}, () -> this.accounts.create(new CreateAccount(user.username(), user.profile(), user.roles(), password),
					ACTOR));
		}
	}

	/** A few incidents at different points of the response, as in IPA's tabletop exercise. */
	private void seedIncidents(Map<String, Long> systems) {
		Incident ransomware = this.incidents.report(new Incident.Report("経理部PCに身代金要求の画面",
				"経理部のパソコンに「ファイルを暗号化した。72時間以内に10万ドルを支払え」と表示された。\n共有フォルダのファイルも開けない。",
				null, "経理部のノートPC（KEIRI-PC03）", StillHappening.YES, null, null), STAFF);
		this.incidents.take(ransomware.getId(), 0, LEAD);
		Incident taken = this.incidents.find(ransomware.getId(), LEAD);
		// the shared folder is unusable too: a ransomware incident that is also an outage
		this.incidents.escalate(taken.getId(), taken.getVersion(), LEAD, Category.VIRUS_RANSOMWARE,
				Set.of(Category.SYSTEM_OUTAGE), null, Severity.CRITICAL, "取引先への影響を確認中。経営判断をお願いします。");
		// the register names the PC and the payroll file it holds: step 2 proposes that data at once
		if (systems.containsKey(DemoRegister.ACCOUNTING_PC)) {
			this.incidents.chooseSystems(ransomware.getId(), null, LEAD, List.of(systems.get(DemoRegister.ACCOUNTING_PC)));
		}

		this.incidents.report(new Incident.Report(null, "見知らぬ送信元から請求書のメール。添付のZIPを開いてしまった。", null,
				"自分のPC", StillHappening.UNKNOWN, null, null), STAFF);
		this.incidents.report(new Incident.Report("ウェブサイトの表示がおかしいと取引先から電話",
				"取引先の担当者から、当社サイトのトップページに見慣れない英語の文章が出ていると電話があった。", null, "コーポレートサイト",
				StillHappening.YES, "株式会社サンプル商事 鈴木様", "03-0000-0000"), STAFF);
	}

	private static final Actor STAFF = new Actor("staff", Set.of(Role.REPORTER));

	private static final Actor LEAD = new Actor("lead", Set.of(Role.SECURITY_LEAD, Role.REPORTER));

	/** Four groups of five lower-case letters and digits: easy to type, about 100 bits. */
	private static String randomPassword() {
		String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int group = 0; group < 4; group++) {
			if (group > 0) {
				password.append('-');
			}
			for (int i = 0; i < 5; i++) {
				password.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
		}
		return password.toString();
	}

	private static UserAccount.Profile profileOf(UserAccount account) {
		return new UserAccount.Profile(account.getDisplayName(), account.getDepartment(), account.getEmail(),
				account.getPhone());
	}

	record DemoUser(String username, String displayName, String department, String phone, Set<Role> roles) {

		UserAccount.Profile profile() {
			return new UserAccount.Profile(this.displayName, this.department, this.username + "@" + EMAIL_DOMAIN,
					this.phone);
		}

	}

}
