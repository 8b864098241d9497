package jp.hikeshi.drill;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.reporting.DutyType;

/**
 * A drill's scenario: the report it starts from, the injects read out as it runs (状況付与), and
 * the reports (届出) a team should identify. Written in both languages; the drill takes the one
 * of the lead who starts it.
 */
public record Scenario(long id, String nameJa, String nameEn, String reportJa, String reportEn,
		Set<DutyType> expectedDuties, List<Inject> injects, long version) {

	public String name(Locale locale) {
		return english(locale) ? this.nameEn : this.nameJa;
	}

	public String report(Locale locale) {
		return english(locale) ? this.reportEn : this.reportJa;
	}

	static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	/**
	 * Something that happens a number of minutes into the drill.
	 * @param minute minutes after the start
	 */
	public record Inject(int minute, String textJa, String textEn) {

		public String text(Locale locale) {
			return english(locale) ? this.textEn : this.textJa;
		}

	}

}
