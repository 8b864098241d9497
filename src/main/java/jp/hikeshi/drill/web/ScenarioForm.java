package jp.hikeshi.drill.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.drill.Scenario;
import jp.hikeshi.drill.Scenarios;
import jp.hikeshi.reporting.DutyType;

/** A scenario as the administrator types it; a few blank inject rows to add more. */
public class ScenarioForm {

	/** Blank inject rows offered below the scenario's own. */
	static final int SPARE_ROWS = 3;

	private String nameJa;

	private String nameEn;

	private String reportJa;

	private String reportEn;

	private Set<DutyType> duties = EnumSet.noneOf(DutyType.class);

	private List<InjectRow> injects = new ArrayList<>();

	private Long version;

	static ScenarioForm blank() {
		ScenarioForm form = new ScenarioForm();
		form.spare();
		return form;
	}

	static ScenarioForm of(Scenario scenario) {
		ScenarioForm form = new ScenarioForm();
		form.nameJa = scenario.nameJa();
		form.nameEn = scenario.nameEn();
		form.reportJa = scenario.reportJa();
		form.reportEn = scenario.reportEn();
		form.duties = scenario.expectedDuties().isEmpty() ? EnumSet.noneOf(DutyType.class)
				: EnumSet.copyOf(scenario.expectedDuties());
		for (Scenario.Inject inject : scenario.injects()) {
			InjectRow row = new InjectRow();
			row.setMinute(inject.minute());
			row.setTextJa(inject.textJa());
			row.setTextEn(inject.textEn());
			form.injects.add(row);
		}
		form.version = scenario.version();
		form.spare();
		return form;
	}

	private void spare() {
		for (int i = 0; i < SPARE_ROWS; i++) {
			this.injects.add(new InjectRow());
		}
	}

	Scenarios.Command toCommand() {
		List<Scenario.Inject> rows = new ArrayList<>();
		for (InjectRow row : this.injects) {
			// a minute left out of a row with text is refused as out of range
			rows.add(new Scenario.Inject((row.getMinute() == null) ? -1 : row.getMinute(), row.getTextJa(),
					row.getTextEn()));
		}
		return new Scenarios.Command(this.nameJa, this.nameEn, this.reportJa, this.reportEn,
				(this.duties == null) ? Set.of() : this.duties, rows);
	}

	public String getNameJa() {
		return this.nameJa;
	}

	public void setNameJa(String nameJa) {
		this.nameJa = nameJa;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getReportJa() {
		return this.reportJa;
	}

	public void setReportJa(String reportJa) {
		this.reportJa = reportJa;
	}

	public String getReportEn() {
		return this.reportEn;
	}

	public void setReportEn(String reportEn) {
		this.reportEn = reportEn;
	}

	public Set<DutyType> getDuties() {
		return this.duties;
	}

	public void setDuties(Set<DutyType> duties) {
		this.duties = duties;
	}

	public List<InjectRow> getInjects() {
		return this.injects;
	}

	public void setInjects(List<InjectRow> injects) {
		this.injects = injects;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	/** One inject row: minutes after the start and the text in both languages. */
	public static class InjectRow {

		private Integer minute;

		private String textJa;

		private String textEn;

		public Integer getMinute() {
			return this.minute;
		}

		public void setMinute(Integer minute) {
			this.minute = minute;
		}

		public String getTextJa() {
			return this.textJa;
		}

		public void setTextJa(String textJa) {
			this.textJa = textJa;
		}

		public String getTextEn() {
			return this.textEn;
		}

		public void setTextEn(String textEn) {
			this.textEn = textEn;
		}

	}

}
