package jp.hikeshi.incident.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import jp.hikeshi.incident.Incident;

/** The damage in yen and days. Ten trillion yen is beyond any plausible incident of an SME. */
public class DamageForm {

	static final long MAX_YEN = 10_000_000_000_000L;

	@Min(0)
	@Max(MAX_YEN)
	private Long directYen;

	@Min(0)
	@Max(MAX_YEN)
	private Long indirectYen;

	@DecimalMin("0")
	@DecimalMax("3650")
	@Digits(integer = 4, fraction = 1)
	private BigDecimal disruptionDays;

	private long version;

	static DamageForm of(Incident incident) {
		DamageForm form = new DamageForm();
		form.directYen = incident.getDamageDirectYen();
		form.indirectYen = incident.getDamageIndirectYen();
		form.disruptionDays = incident.getDisruptionDays();
		form.version = incident.getVersion();
		return form;
	}

	public Long getDirectYen() {
		return this.directYen;
	}

	public void setDirectYen(Long directYen) {
		this.directYen = directYen;
	}

	public Long getIndirectYen() {
		return this.indirectYen;
	}

	public void setIndirectYen(Long indirectYen) {
		this.indirectYen = indirectYen;
	}

	public BigDecimal getDisruptionDays() {
		return this.disruptionDays;
	}

	public void setDisruptionDays(BigDecimal disruptionDays) {
		this.disruptionDays = disruptionDays;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
