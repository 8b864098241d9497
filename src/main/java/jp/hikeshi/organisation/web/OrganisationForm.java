package jp.hikeshi.organisation.web;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.organisation.Industry;
import jp.hikeshi.organisation.Organisation;
import jp.hikeshi.organisation.Organisation.Settings;
import jp.hikeshi.shared.PlainText;

/** The administrator's settings page for the company. */
public class OrganisationForm {

	@NotBlank @Size(max = 200) @PlainText
	private String name;

	@NotNull
	private Industry industry;

	@Size(max = 200) @PlainText
	private String supervisingMinistry;

	@NotBlank @Size(max = 64)
	private String timeZone;

	@NotNull
	private Long version;

	public String getName() {
		return this.name;
	}

	public Industry getIndustry() {
		return this.industry;
	}

	public String getSupervisingMinistry() {
		return this.supervisingMinistry;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setIndustry(Industry industry) {
		this.industry = industry;
	}

	public void setSupervisingMinistry(String supervisingMinistry) {
		this.supervisingMinistry = supervisingMinistry;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

	static OrganisationForm of(Organisation organisation) {
		OrganisationForm form = new OrganisationForm();
		form.name = organisation.getName();
		form.industry = organisation.getIndustry();
		form.supervisingMinistry = organisation.getSupervisingMinistry();
		form.timeZone = organisation.getTimeZone().getId();
		form.version = organisation.getVersion();
		return form;
	}

	boolean hasValidTimeZone() {
		try {
			ZoneId.of(this.timeZone);
			return true;
		}
		catch (DateTimeException | NullPointerException ex) {
			return false;
		}
	}

	Settings settings() {
		return new Settings(this.name, this.industry, this.supervisingMinistry, ZoneId.of(this.timeZone));
	}

}
