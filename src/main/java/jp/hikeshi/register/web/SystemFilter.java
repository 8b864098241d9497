package jp.hikeshi.register.web;

import java.util.function.Predicate;

import jp.hikeshi.register.Register.SystemEntry;
import jp.hikeshi.register.RegisterReadiness;

/** What the list of systems shows: all, the internet-facing ones, those the readiness lines miss. */
enum SystemFilter implements Predicate<SystemEntry> {

	ALL, INTERNET_FACING, INCOMPLETE, NO_BACKUP_ANSWER;

	@Override
	public boolean test(SystemEntry system) {
		return switch (this) {
			case ALL -> true;
			case INTERNET_FACING -> system.internetFacing();
			case INCOMPLETE -> system.internetFacing() && !RegisterReadiness.complete(system);
			case NO_BACKUP_ANSWER -> !RegisterReadiness.backupRecorded(system);
		};
	}

}
