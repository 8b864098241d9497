package jp.hikeshi.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import jp.hikeshi.desk.PublicDesks.Desk;
import jp.hikeshi.shared.ReadableTime;

/**
 * One public desk. Its name and purpose ship with the application; how to reach it (phone,
 * address, e-mail, hours) is what changes, and what the administrator keeps up to date.
 */
@Entity
@Table(name = "public_desk")
class PublicDesk {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String nameJa;

	private String nameEn;

	private String purposeJa;

	private String purposeEn;

	private String phone;

	private String url;

	private String email;

	private String hoursJa;

	private String hoursEn;

	private String serves;

	private LocalDate lastCheckedOn;

	private String updatedBy;

	private Instant updatedAt;

	@Version
	private long version;

	protected PublicDesk() {
	}

	String code() {
		return this.code;
	}

	long version() {
		return this.version;
	}

	boolean serves(String duty) {
		return Arrays.asList(this.serves.split(",")).contains(duty);
	}

	/** New ways to reach the desk; {@code checkedOn} is set when the administrator checked them all. */
	void change(DeskAdministration.Reach reach, LocalDate checkedOn, String by, Instant at) {
		this.phone = reach.phone();
		this.url = reach.url();
		this.email = reach.email();
		this.hoursJa = reach.hoursJa();
		this.hoursEn = reach.hoursEn();
		if (checkedOn != null) {
			this.lastCheckedOn = checkedOn;
		}
		this.updatedBy = by;
		this.updatedAt = at;
	}

	/** Everything on record was found still right {@code on} that day. */
	void checked(LocalDate on, String by, Instant at) {
		this.lastCheckedOn = on;
		this.updatedBy = by;
		this.updatedAt = at;
	}

	DeskAdministration.Reach reach() {
		return new DeskAdministration.Reach(this.phone, this.url, this.email, this.hoursJa, this.hoursEn);
	}

	/** The desk as the reader reads it: their language, the day as a day, links ready to follow. */
	Desk view(Locale locale) {
		boolean japanese = Locale.JAPANESE.getLanguage().equals(locale.getLanguage());
		return new Desk(this.code, japanese ? this.nameJa : this.nameEn, japanese ? this.purposeJa : this.purposeEn,
				this.phone, this.url, this.email, japanese ? this.hoursJa : this.hoursEn,
				ReadableTime.day(this.lastCheckedOn, locale), this.lastCheckedOn);
	}

}
