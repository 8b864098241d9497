package jp.hikeshi.incident.web;

import java.util.List;

import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Incident;

/**
 * The register's systems the incident concerns, ticked (none ticked clears them), and the vendor
 * (委託先) that told the company, if one did.
 */
record SystemsForm(@Size(max = SystemsForm.MAX_SYSTEMS) List<Long> systemIds, Long reportedByVendorId, long version) {

	/** More systems than an SME's incident plausibly names. */
	static final int MAX_SYSTEMS = 100;

	SystemsForm {
		systemIds = (systemIds == null) ? List.of() : systemIds;
	}

	static SystemsForm of(Incident incident) {
		return new SystemsForm(incident.getSystemIds(), incident.getReportedByVendorId(), incident.getVersion());
	}

}
