package jp.hikeshi.incident.web;

import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.shared.PlainText;

/** Root cause and prevention measures (再発防止). */
public class PreventionForm {

	@Size(max = 4000)
	@PlainText(multiline = true)
	private String rootCause;

	@Size(max = 4000)
	@PlainText(multiline = true)
	private String preventionMeasures;

	private long version;

	static PreventionForm of(Incident incident) {
		PreventionForm form = new PreventionForm();
		form.rootCause = incident.getRootCause();
		form.preventionMeasures = incident.getPreventionMeasures();
		form.version = incident.getVersion();
		return form;
	}

	public String getRootCause() {
		return this.rootCause;
	}

	public void setRootCause(String rootCause) {
		this.rootCause = rootCause;
	}

	public String getPreventionMeasures() {
		return this.preventionMeasures;
	}

	public void setPreventionMeasures(String preventionMeasures) {
		this.preventionMeasures = preventionMeasures;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
