package jp.hikeshi.register;

import java.util.List;

import jp.hikeshi.register.Register.DataEntry;
import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.shared.Readiness.Line;
import jp.hikeshi.shared.Readiness.State;
import jp.hikeshi.shared.web.Notice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The executive's two register lines, for the registers a company may have. */
class RegisterReadinessTest {

	private static final DataEntry COUNTED = new DataEntry("会員名簿", null, Whose.CUSTOMERS, null, 1200, false, true,
			false, false, null, null);

	private static final DataEntry UNCOUNTED = new DataEntry("問い合わせ", null, Whose.CUSTOMERS, null, null, false,
			false, false, false, null, null);

	private static SystemEntry system(String owner, boolean internetFacing, Backup backup, String backupLocation,
			DataEntry... data) {
		return new SystemEntry(1, "s", SystemKind.SERVER, null, owner, null, internetFacing, backup, backupLocation,
				false, List.of(data));
	}

	private static String detail(Line line) {
		return ((Notice) line.detail()).code();
	}

	@Test
	void theRegisterLineIsMissingThenNeedsAttentionThenReady() {
		assertThat(RegisterReadiness.line(List.of()).state()).isEqualTo(State.MISSING);

		Line noneFacing = RegisterReadiness.line(List.of(system("総務", false, Backup.NONE, null)));
		assertThat(noneFacing.state()).isEqualTo(State.ATTENTION);
		assertThat(detail(noneFacing)).isEqualTo("readiness.register.noneFacing");

		SystemEntry complete = system("営業部", true, Backup.BACKED_UP, "別拠点", COUNTED);
		Line incomplete = RegisterReadiness.line(List.of(complete, system(null, true, Backup.NONE, null),
				system("総務", true, Backup.UNKNOWN, null), system("総務", true, Backup.NONE, null, UNCOUNTED),
				system(null, false, Backup.UNKNOWN, null)));
		assertThat(incomplete.state()).isEqualTo(State.ATTENTION);
		assertThat(incomplete.detail().getArguments()).containsExactly(4, 1L, 3L);
		assertThat(incomplete.href()).isEqualTo("/preparedness/systems?show=INCOMPLETE");

		Line ready = RegisterReadiness.line(List.of(complete, system(null, false, Backup.UNKNOWN, null)));
		assertThat(ready.state()).isEqualTo(State.READY);
		assertThat(ready.detail().getArguments()).containsExactly(1, 2);
	}

	@Test
	void theBackupLineWantsAnAnswerForEverySystemAndAPlaceForEachBackup() {
		assertThat(BackupReadiness.line(List.of()).state()).isEqualTo(State.MISSING);
		assertThat(BackupReadiness.line(List.of(system(null, true, Backup.UNKNOWN, null))).state())
			.isEqualTo(State.MISSING);

		Line attention = BackupReadiness.line(List.of(system(null, true, Backup.BACKED_UP, null),
				system(null, true, Backup.UNKNOWN, null), system(null, true, Backup.NONE, null)));
		assertThat(attention.state()).isEqualTo(State.ATTENTION);
		// of 3: 1 recorded (no backup), 1 backed up without a place, 1 without an answer
		assertThat(attention.detail().getArguments()).containsExactly(3, 1L, 1L, 1L);
		assertThat(attention.href()).isEqualTo("/preparedness/systems?show=NO_BACKUP_ANSWER");

		Line ready = BackupReadiness.line(
				List.of(system(null, true, Backup.BACKED_UP, "金庫"), system(null, false, Backup.NONE, null)));
		assertThat(ready.state()).isEqualTo(State.READY);
		assertThat(ready.detail().getArguments()).containsExactly(2, 1L);
	}

}
