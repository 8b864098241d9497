package jp.hikeshi.incident;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static jp.hikeshi.incident.ChecklistPoint.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The points of DOMAIN.md §5 per kind of incident, and their union for an incident of several kinds. */
class ChecklistPointTest {

	@ParameterizedTest
	@EnumSource(Category.class)
	void everyKindAssessesPersonalCardAndMyNumberDataButThatDoesNotHoldUpContainment(Category category) {
		assertThat(forKinds(Set.of(category), null)).startsWith(ASSESS_AFFECTED_DATA);
		assertThat(initialResponse()).doesNotContain(ASSESS_AFFECTED_DATA);
		assertThat(ASSESS_AFFECTED_DATA.group().isInitial()).isFalse();
	}

	@Test
	void noCategoryNoPoints() {
		assertThat(forKinds(Set.of(), LeakKind.INSIDER)).isEmpty();
	}

	@Test
	void ransomwarePoints() {
		assertThat(forKinds(Set.of(Category.VIRUS_RANSOMWARE), null)).containsExactly(ASSESS_AFFECTED_DATA,
				DISCONNECT_INFECTED_DEVICE, ISOLATE_BACKUPS, CHECK_BACKUPS, PHOTOGRAPH_RANSOM_NOTE,
				DO_NOT_PAY_OR_CONTACT_ATTACKER, KEEP_VPN_AND_FIREWALL_POWERED, FIND_INTRUSION_ROUTE, REPORT_TO_IPA,
				POLICE_IF_EXTORTION, WARN_BUSINESS_PARTNERS, CHANGE_MAIL_PASSWORDS);
	}

	@Test
	void lossAndTheftAreApart() {
		assertThat(forKinds(Set.of(Category.LOST_DEVICE), null)).containsExactly(ASSESS_AFFECTED_DATA,
				WIPE_OR_LOCK_DEVICE, CHECK_DEVICE_ENCRYPTED, REPORT_LOSS_TO_POLICE);
		assertThat(forKinds(Set.of(Category.STOLEN_DEVICE), null)).containsExactly(ASSESS_AFFECTED_DATA,
				WIPE_OR_LOCK_DEVICE, CHECK_DEVICE_ENCRYPTED, REPORT_THEFT_TO_POLICE);
		assertThat(forKinds(Set.of(Category.INFORMATION_LEAK), LeakKind.THEFT)).contains(REPORT_THEFT_TO_POLICE)
			.doesNotContain(REPORT_LOSS_TO_POLICE);
		assertThat(forKinds(Set.of(Category.INFORMATION_LEAK), LeakKind.LOSS)).contains(REPORT_LOSS_TO_POLICE)
			.doesNotContain(REPORT_THEFT_TO_POLICE);
		assertThat(LeakKind.THEFT.isCriminal()).isTrue();
		assertThat(LeakKind.LOSS.isCriminal()).isFalse();
	}

	@Test
	void pointsOfTheOtherKinds() {
		assertThat(forKinds(Set.of(Category.WEBSITE_DEFACEMENT), null)).contains(CLOSE_INTRUSION_ROUTE,
				TAKE_SITE_OFFLINE, CHECK_INPUT_FORMS, CONTACT_CARD_COMPANY);
		assertThat(forKinds(Set.of(Category.MISSENT_EMAIL), null)).contains(ASK_RECIPIENT_TO_DELETE,
				CONFIRM_DELETED_UNREAD);
		assertThat(forKinds(Set.of(Category.SYSTEM_OUTAGE), null)).contains(CONTACT_ISP_OR_HOSTING);
		assertThat(forKinds(Set.of(Category.FRAUDULENT_TRANSFER), null)).containsExactly(ASSESS_AFFECTED_DATA,
				ASK_BANK_TO_RECALL_TRANSFER, REPORT_FRAUD_TO_POLICE);
		assertThat(forKinds(Set.of(Category.INFORMATION_LEAK), LeakKind.INSIDER))
			.containsSubsequence(SUSPEND_ACCOUNTS_AND_PRESERVE_LOGS, POLICE_FOR_CRIMINAL_LEAK);
		assertThat(forKinds(Set.of(Category.OTHER), null)).containsExactly(ASSESS_AFFECTED_DATA);
	}

	@Test
	void severalKindsGiveTheUnionOnceInOneOrderWhateverTheOrderAsked() {
		List<ChecklistPoint> union = forKinds(EnumSet.of(Category.VIRUS_RANSOMWARE, Category.INFORMATION_LEAK,
				Category.MISSENT_EMAIL), LeakKind.MISSENT_OR_MISPUBLISHED);

		assertThat(union).doesNotHaveDuplicates()
			.containsAll(forKinds(Set.of(Category.VIRUS_RANSOMWARE), null))
			.containsAll(forKinds(Set.of(Category.INFORMATION_LEAK), LeakKind.MISSENT_OR_MISPUBLISHED))
			.containsAll(forKinds(Set.of(Category.MISSENT_EMAIL), null))
			.isSortedAccordingTo(java.util.Comparator.naturalOrder());
		java.util.LinkedHashSet<Category> reversed = new java.util.LinkedHashSet<>(
				List.of(Category.MISSENT_EMAIL, Category.INFORMATION_LEAK, Category.VIRUS_RANSOMWARE));
		assertThat(forKinds(reversed, LeakKind.MISSENT_OR_MISPUBLISHED)).isEqualTo(union);
	}

	@Test
	void theLeakKindCountsOnlyWhenALeakIsAmongTheKinds() {
		assertThat(forKinds(Set.of(Category.VIRUS_RANSOMWARE), LeakKind.INSIDER))
			.doesNotContain(SUSPEND_ACCOUNTS_AND_PRESERVE_LOGS);
		assertThat(forKinds(Set.of(Category.VIRUS_RANSOMWARE, Category.INFORMATION_LEAK), LeakKind.INSIDER))
			.contains(SUSPEND_ACCOUNTS_AND_PRESERVE_LOGS);
	}

	@Test
	void aCompanyPointAppliesWhenAnyOfTheCategoriesIsOneItNames() {
		Playbook playbook = new Playbook(List.of(
				new Playbook.Entry(1L, null, "経理部長に電話する", EnumSet.of(Category.INFORMATION_LEAK), true),
				new Playbook.Entry(2L, null, "ウェブ担当に連絡する", EnumSet.of(Category.WEBSITE_DEFACEMENT), true),
				new Playbook.Entry(3L, null, "社長に報告する", EnumSet.noneOf(Category.class), true),
				new Playbook.Entry(4L, CHECK_BACKUPS, null, Set.of(), false)));

		List<Playbook.Point> points = playbook.pointsFor(EnumSet.of(Category.VIRUS_RANSOMWARE, Category.INFORMATION_LEAK),
				null);

		assertThat(points).filteredOn(point -> point.group() == Group.COMPANY)
			.extracting(Playbook.Point::text)
			.containsExactly("経理部長に電話する", "社長に報告する");
		assertThat(points).extracting(Playbook.Point::builtin)
			.startsWith(ISOLATE_NETWORK, ISOLATE_DATA_AND_DEVICES, STOP_SYSTEM_OR_SERVICE, PRESERVE_RECORDS,
					ASSESS_AFFECTED_DATA)
			.contains(IDENTIFY_LEAKED_DATA, DISCONNECT_INFECTED_DEVICE)
			.doesNotContain(CHECK_BACKUPS);
		assertThat(points).filteredOn(point -> point.builtin() != null)
			.extracting(Playbook.Point::builtin)
			.doesNotHaveDuplicates();
	}

}
