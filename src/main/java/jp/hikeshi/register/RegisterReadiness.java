package jp.hikeshi.register;

import java.util.List;

import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.shared.Readiness;
import jp.hikeshi.shared.web.Notice;

import org.springframework.stereotype.Component;

/**
 * The executive's line 「台帳（インターネットに面したシステム）」: missing while no system is
 * registered; needing attention while an internet-facing system lacks its owner, its backup
 * answer or a count of the people whose data it holds — what an incident on it would ask first —
 * or while no system is marked internet-facing at all (every company has mail or a web site);
 * ready otherwise.
 */
@Component
public class RegisterReadiness implements Readiness {

	static final String HREF = "/preparedness/systems";

	private final Register register;

	RegisterReadiness(Register register) {
		this.register = register;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Line check() {
		return line(this.register.systemsInUse());
	}

	/** The line for these systems in use. */
	static Line line(List<SystemEntry> systems) {
		Notice label = Notice.of("readiness.register.label");
		if (systems.isEmpty()) {
			return new Line(label, State.MISSING, Notice.of("readiness.register.none"), HREF);
		}
		List<SystemEntry> facing = systems.stream().filter(SystemEntry::internetFacing).toList();
		if (facing.isEmpty()) {
			return new Line(label, State.ATTENTION, Notice.of("readiness.register.noneFacing", systems.size()),
					HREF + "?show=INTERNET_FACING");
		}
		long complete = facing.stream().filter(RegisterReadiness::complete).count();
		if (complete < facing.size()) {
			return new Line(label, State.ATTENTION,
					Notice.of("readiness.register.incomplete", facing.size(), complete, facing.size() - complete),
					HREF + "?show=INCOMPLETE");
		}
		return new Line(label, State.READY, Notice.of("readiness.register.ready", facing.size(), systems.size()),
				HREF);
	}

	/** Whether a system has what an incident on it asks first: an owner, a backup answer, a count for each of its data. */
	public static boolean complete(SystemEntry system) {
		return system.owner() != null && system.backup() != Backup.UNKNOWN
				&& system.dataSets().stream().allMatch(data -> data.peopleCount() != null);
	}

	/** Whether a system's backup is answered, and for one backed up, where the backup lives. */
	public static boolean backupRecorded(SystemEntry system) {
		return system.backup() != Backup.UNKNOWN
				&& (system.backup() != Backup.BACKED_UP || system.backupLocation() != null);
	}

}
