package jp.hikeshi.incident.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import jp.hikeshi.incident.Incident;

/** The damage in yen and days. Ten trillion yen is beyond any plausible incident of an SME. */
record DamageForm(@Min(0) @Max(DamageForm.MAX_YEN) Long directYen, @Min(0) @Max(DamageForm.MAX_YEN) Long indirectYen,
		@DecimalMin("0") @DecimalMax("3650") @Digits(integer = 4, fraction = 1) BigDecimal disruptionDays,
		long version) {

	static final long MAX_YEN = 10_000_000_000_000L;

	static DamageForm of(Incident incident) {
		return new DamageForm(incident.getDamageDirectYen(), incident.getDamageIndirectYen(),
				incident.getDisruptionDays(), incident.getVersion());
	}

}
