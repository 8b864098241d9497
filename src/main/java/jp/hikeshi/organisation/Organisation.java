package jp.hikeshi.organisation;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The company this installation serves (事業者). There is exactly one. */
@Entity
@Table(name = "organisation")
public class Organisation {

	/** The only row's id; the table's check constraint allows no other. */
	static final short THE_ORGANISATION = 1;

	@Id
	private Short id;

	private String name;

	@Enumerated(EnumType.STRING)
	private Industry industry;

	private String supervisingMinistry;

	private String timeZone;

	private Instant createdAt;

	@Version
	private Long version;

	protected Organisation() {
	}

	Organisation(Settings settings, Instant now) {
		this.id = THE_ORGANISATION;
		this.createdAt = now;
		apply(settings);
	}

	void apply(Settings settings) {
		this.name = settings.name();
		this.industry = settings.industry();
		this.supervisingMinistry = settings.supervisingMinistry();
		this.timeZone = settings.timeZone().getId();
	}

	public String getName() {
		return this.name;
	}

	public Industry getIndustry() {
		return this.industry;
	}

	public String getSupervisingMinistry() {
		return this.supervisingMinistry;
	}

	/** Deadlines are computed in this zone, Asia/Tokyo unless the administrator changed it. */
	public ZoneId getTimeZone() {
		return ZoneId.of(this.timeZone);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getVersion() {
		return this.version == null ? 0 : this.version;
	}

	/** What an administrator may change. */
	public record Settings(String name, Industry industry, String supervisingMinistry, ZoneId timeZone) {
	}

}
