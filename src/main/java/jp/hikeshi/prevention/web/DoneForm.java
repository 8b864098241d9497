package jp.hikeshi.prevention.web;

import jp.hikeshi.shared.Happened;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The day a measure was done: the date beside its "mark done" button. Every open measure has
 * one; the one sent is named by the address, and a refused one comes back beside its measure.
 */
public record DoneForm(@Happened @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn) {

	static DoneForm none() {
		return new DoneForm(null);
	}

}
