package jp.hikeshi.test;

import java.time.ZoneId;
import java.util.EnumSet;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.organisation.Industry;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.setup.FirstRunSetup;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Completes the first-run setup of a test context's fresh database, as its first user would. */
@TestConfiguration(proxyBeanMethods = false)
public class CompletedSetup {

	public static final String ADMIN = "first-admin";

	/** A test password that passes the policy; not a secret. */
	public static final String PASSWORD = "tall-Lighthouse-keeps-41";

	@Bean
	ApplicationRunner completeFirstRunSetup(FirstRunSetup setup) {
		return args -> {
			if (!setup.isCompleted()) {
				setup.complete(new Settings("テスト株式会社", Industry.MANUFACTURING, null, ZoneId.of("Asia/Tokyo")),
						ADMIN, new Profile("最初の管理者", null, null, null), EnumSet.noneOf(Role.class), PASSWORD, false);
			}
		};
	}

}
