package jp.hikeshi.calendar;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday tables, in plain JDBC: a few hundred rows read whole into memory, replaced a year
 * at a time; nothing here is an aggregate worth mapping.
 */
@Repository
class HolidayStore {

	static final String SHIPPED = "SHIPPED";

	static final String UPLOADED = "UPLOADED";

	private final JdbcClient jdbc;

	HolidayStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<Holiday> all() {
		return this.jdbc.sql("select day, name from public_holiday order by day")
			.query((rs, row) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2)))
			.list();
	}

	/**
	 * Adds the shipped holidays the table lacks, except in years an administrator has replaced
	 * (their file is newer than the release). In a transaction of its own: it may be asked for
	 * by a reader inside a read-only one.
	 * @return how many were added
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	int fill(List<Holiday> shipped) {
		// one statement for the thousand days of the shipped file: it runs at every start, before
		// the application says it is ready, and a statement a day took a thousand round trips
		return this.jdbc.sql("""
				insert into public_holiday (day, name, source)
				select h.day, h.name, :source
				from unnest(cast(:days as date[]), cast(:names as text[])) as h(day, name)
				where not exists (select 1 from holiday_upload
				                  where extract(year from h.day) between first_year and last_year)
				on conflict (day) do nothing""")
			.param("days", shipped.stream().map(holiday -> holiday.day().toString()).toArray(String[]::new))
			.param("names", shipped.stream().map(Holiday::name).toArray(String[]::new))
			.param("source", SHIPPED)
			.update();
	}

	/** Replaces every holiday from 1 January of {@code firstYear} to 31 December of {@code lastYear}. */
	@Transactional(propagation = Propagation.MANDATORY)
	void replace(int firstYear, int lastYear, List<Holiday> holidays, HolidayUpload upload) {
		this.jdbc.sql("delete from public_holiday where day between :from and :to")
			.param("from", LocalDate.of(firstYear, 1, 1))
			.param("to", LocalDate.of(lastYear, 12, 31))
			.update();
		for (Holiday holiday : holidays) {
			this.jdbc.sql("insert into public_holiday (day, name, source) values (:day, :name, :source)")
				.param("day", holiday.day())
				.param("name", holiday.name())
				.param("source", UPLOADED)
				.update();
		}
		this.jdbc.sql("""
				insert into holiday_upload (uploaded_by, uploaded_at, first_year, last_year, holiday_count, file_name)
				values (:by, :at, :first, :last, :count, :file)""")
			.param("by", upload.uploadedBy())
			.param("at", Timestamp.from(upload.uploadedAt()))
			.param("first", upload.firstYear())
			.param("last", upload.lastYear())
			.param("count", upload.holidayCount())
			.param("file", upload.fileName())
			.update();
	}

	@Transactional(readOnly = true)
	List<HolidayUpload> uploads(int limit) {
		return this.jdbc.sql("""
				select uploaded_at, uploaded_by, first_year, last_year, holiday_count, file_name
				from holiday_upload order by uploaded_at desc, id desc limit :limit""")
			.param("limit", limit)
			.query((rs, row) -> new HolidayUpload(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3),
					rs.getInt(4), rs.getInt(5), rs.getString(6)))
			.list();
	}

}
