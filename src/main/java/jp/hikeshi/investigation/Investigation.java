package jp.hikeshi.investigation;

import java.time.LocalDate;
import java.util.List;

/**
 * An incident's investigation (調査・対応): 5W1H, the repairs, the help asked from outside and
 * the reports to the executive. "Why" and "where" are the incident's assumed cause and
 * affected systems (the required-items record), shown here, stored there.
 */
public record Investigation(FiveW1H facts, List<Remediation> remediations, List<OutsideHelp> help,
		List<ExecutiveReport> reports) {

	/** When, who, to whom, what, how; why and where live in the required-items record. */
	public record FiveW1H(String when, String who, String whom, String what, String how, String why, String where,
			LocalDate startedOn) {

		public FiveW1H(String when, String who, String whom, String what, String how, String why, String where) {
			this(when, who, whom, what, how, why, where, null);
		}

	}

	/** A repair: a patch, a settings change, replaced equipment, restored data. */
	public record Remediation(long id, Kind kind, String description, String owner, LocalDate doneOn) {

		/** What kind of repair (修正プログラムの適用、設定変更、機器の入替、データの復元). */
		public enum Kind {

			PATCH, SETTINGS, EQUIPMENT, DATA_RESTORE, OTHER

		}

	}

	/** Help asked from a vendor, IPA's advice desk, the police, a forensics company. */
	public record OutsideHelp(long id, String helper, LocalDate askedOn, String request, String advice,
			String recordedBy) {
	}

	/** 経営者への報告 during the response: what was reported, when. */
	public record ExecutiveReport(long id, LocalDate reportedOn, String summary, String reportedBy) {
	}

	/** The items of 5W1H, as the timeline names those that changed. */
	public enum Item {

		WHEN, WHERE, WHO, WHOM, WHAT, WHY, HOW, STARTED_ON;

		static java.util.Set<Item> changed(FiveW1H before, FiveW1H after) {
			java.util.Set<Item> changed = java.util.EnumSet.noneOf(Item.class);
			compare(changed, WHEN, before.when(), after.when());
			compare(changed, WHERE, before.where(), after.where());
			compare(changed, WHO, before.who(), after.who());
			compare(changed, WHOM, before.whom(), after.whom());
			compare(changed, WHAT, before.what(), after.what());
			compare(changed, WHY, before.why(), after.why());
			compare(changed, HOW, before.how(), after.how());
			compare(changed, STARTED_ON, before.startedOn(), after.startedOn());
			return changed;
		}

		private static void compare(java.util.Set<Item> changed, Item item, Object before, Object after) {
			if (!java.util.Objects.equals(before, after)) {
				changed.add(item);
			}
		}

	}

}
