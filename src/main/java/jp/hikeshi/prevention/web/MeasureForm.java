package jp.hikeshi.prevention.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.shared.PlainText;
import jp.hikeshi.shared.PlausibleDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new prevention measure: what kind, what, who, by when. Whether the kind is chosen, the owner
 * an active user and the date plausible, the service decides ({@code measure.*Required} and so on).
 */
public record MeasureForm(Measure.Kind kind, @Size(max = 1000) @PlainText(multiline = true) String description,
		String owner, @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {

	static MeasureForm empty() {
		return new MeasureForm(null, null, null, null);
	}

	PreventionService.NewMeasure toCommand() {
		return new PreventionService.NewMeasure(this.kind, this.description, this.owner, this.dueOn);
	}

}
