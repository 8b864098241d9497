package jp.hikeshi.register;

import java.util.List;

import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.shared.Readiness;
import jp.hikeshi.shared.web.Notice;

import org.springframework.stereotype.Component;

/**
 * The executive's line 「バックアップの記録」: ransomware first asks whether there is a backup
 * and where it lives. Missing while no system in use has a backup answer (or none is registered);
 * needing attention while some system has none, or is backed up without saying where; ready when
 * every system in use answers, and each backed-up one says where.
 */
@Component
public class BackupReadiness implements Readiness {

	private final Register register;

	BackupReadiness(Register register) {
		this.register = register;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Line check() {
		return line(this.register.systemsInUse());
	}

	/** The line for these systems in use. */
	static Line line(List<SystemEntry> systems) {
		Notice label = Notice.of("readiness.backups.label");
		String href = RegisterReadiness.HREF + "?show=NO_BACKUP_ANSWER";
		if (systems.isEmpty()) {
			return new Line(label, State.MISSING, Notice.of("readiness.backups.noSystems"), RegisterReadiness.HREF);
		}
		long answered = systems.stream().filter(system -> system.backup() != Backup.UNKNOWN).count();
		long recorded = systems.stream().filter(RegisterReadiness::backupRecorded).count();
		long withoutPlace = answered - recorded;
		if (answered == 0) {
			return new Line(label, State.MISSING, Notice.of("readiness.backups.none", systems.size()), href);
		}
		if (recorded < systems.size()) {
			return new Line(label, State.ATTENTION,
					Notice.of("readiness.backups.incomplete", systems.size(), recorded, withoutPlace,
							systems.size() - answered), href);
		}
		long backedUp = systems.stream().filter(system -> system.backup() == Backup.BACKED_UP).count();
		return new Line(label, State.READY, Notice.of("readiness.backups.ready", systems.size(), backedUp),
				RegisterReadiness.HREF);
	}

}
