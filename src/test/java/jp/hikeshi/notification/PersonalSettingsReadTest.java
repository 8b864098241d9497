package jp.hikeshi.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jp.hikeshi.account.Role;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Several people's notification choices read at once, as a notification to many reads them. */
@IntegrationTest
class PersonalSettingsReadTest {

	@Autowired
	NotificationSettings settings;

	@Autowired
	TestUsers users;

	@Test
	void eachPersonGetsTheirOwnChoicesAndThoseWhoChoseNothingTheDefaults() {
		String english = this.users.create(Role.RESPONDER).getUsername();
		String digest = this.users.create(Role.RESPONDER).getUsername();
		String untouched = this.users.create(Role.RESPONDER).getUsername();
		this.settings.savePersonal(english,
				new PersonalSettings(Locale.ENGLISH, false, Set.of(Rule.TEAM_ASSIGNED, Rule.MEASURE_DUE)));
		this.settings.savePersonal(digest, new PersonalSettings(Locale.JAPANESE, true, Set.of(Rule.REPORTER_UPDATE)));

		Map<String, PersonalSettings> read = this.settings.personal(List.of(english, digest, untouched, "nobody-by-this-name"));

		assertThat(read).containsOnlyKeys(english, digest, untouched, "nobody-by-this-name");
		assertThat(read.get(english)).isEqualTo(
				new PersonalSettings(Locale.ENGLISH, false, Set.of(Rule.TEAM_ASSIGNED, Rule.MEASURE_DUE)));
		assertThat(read.get(digest)).isEqualTo(new PersonalSettings(Locale.JAPANESE, true, Set.of(Rule.REPORTER_UPDATE)));
		assertThat(read.get(untouched)).isEqualTo(PersonalSettings.defaults());
		assertThat(read.get("nobody-by-this-name")).isEqualTo(PersonalSettings.defaults());
		assertThat(this.settings.personal(english)).isEqualTo(read.get(english));
		assertThat(this.settings.personal(List.of())).isEmpty();
	}

}
