package jp.hikeshi.calendar;

import java.time.Instant;

/** An administrator's replacement of the holidays of some years by a newer Cabinet Office file. */
public record HolidayUpload(Instant uploadedAt, String uploadedBy, int firstYear, int lastYear, int holidayCount,
		String fileName) {

}
