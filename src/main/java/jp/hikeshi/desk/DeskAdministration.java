package jp.hikeshi.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.ReadableTime;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator keeps the public desks up to date: how to reach each one, and the day it was
 * last checked. Every change goes to the audit trail; the first of two people changing one desk
 * at once wins.
 */
@Service
@Transactional
public class DeskAdministration {

	/** An address with or without http(s)://, e.g. {@code www.ppc.go.jp/personalinfo/}; no other scheme, no spaces. */
	public static final String URL = "(?i)(https?://)?[a-z0-9-]+(\\.[a-z0-9-]+)+(:[0-9]{1,5})?([/?#][!-~]*)?";

	/** Digits and what separates them (half- or full-width); no letters. */
	public static final String PHONE = "[0-9０-９+＋()（）\\-－ #＃]+";

	/** The desks are Japanese: the day they were checked is a day in Japan, wherever the server runs. */
	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final Pattern URL_PATTERN = Pattern.compile(URL);

	private static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);

	private final PublicDeskRepository desks;

	private final AuditLog auditLog;

	private final Clock clock;

	DeskAdministration(PublicDeskRepository desks, AuditLog auditLog, Clock clock) {
		this.desks = desks;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Every desk, to edit or to mark checked. */
	@Transactional(readOnly = true)
	public List<Editable> all(Locale locale) {
		return this.desks.findAllByOrderById()
			.stream()
			.map(desk -> new Editable(desk.view(locale), desk.reach(), desk.version()))
			.toList();
	}

	/** A desk to edit: as shown, as kept, and the version the edit starts from. */
	@Transactional(readOnly = true)
	public Optional<Editable> editable(String code, Locale locale) {
		return this.desks.findByCode(code).map(desk -> new Editable(desk.view(locale), desk.reach(), desk.version()));
	}

	/**
	 * New ways to reach a desk. Refused, with nothing saved, when the desk was changed since
	 * {@code version} or an address or number is not one.
	 * @param checkedToday whether the administrator checked every detail, so the desk counts as checked today
	 */
	public void change(String code, long version, Reach reach, boolean checkedToday, String actor) {
		PublicDesk desk = current(code, version);
		if (reach.url() != null && !URL_PATTERN.matcher(reach.url()).matches()) {
			throw BusinessRuleViolation.onField("url", "Pattern.desk.url");
		}
		if (reach.phone() != null && !PHONE_PATTERN.matcher(reach.phone()).matches()) {
			throw BusinessRuleViolation.onField("phone", "Pattern.desk.phone");
		}
		LocalDate today = today();
		desk.change(reach, checkedToday ? today : null, actor, this.clock.instant());
		this.auditLog.record(actor, AuditAction.DESK_UPDATED, name(desk), describe(reach, checkedToday ? today : null));
	}

	/** Everything on record was found still right today. */
	public void markChecked(String code, long version, String actor) {
		PublicDesk desk = current(code, version);
		LocalDate today = today();
		desk.checked(today, actor, this.clock.instant());
		this.auditLog.record(actor, AuditAction.DESK_CHECKED, name(desk), ReadableTime.day(today, Locale.JAPANESE));
	}

	private PublicDesk current(String code, long version) {
		PublicDesk desk = this.desks.findByCode(code).orElseThrow(() -> new BusinessRuleViolation("desk.unknown"));
		if (desk.version() != version) {
			throw new ObjectOptimisticLockingFailureException(PublicDesk.class, code);
		}
		return desk;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(JAPAN));
	}

	private static String name(PublicDesk desk) {
		return desk.view(Locale.JAPANESE).name();
	}

	private static String describe(Reach reach, LocalDate checkedOn) {
		return Stream.of(reach.phone(), reach.url(), reach.email(), reach.hoursJa(), reach.hoursEn(),
				(checkedOn != null) ? ReadableTime.day(checkedOn, Locale.JAPANESE) : null)
			.map(value -> (value == null) ? "—" : value)
			.collect(Collectors.joining(" / "));
	}

	/** How to reach a desk; any part may be missing. */
	public record Reach(String phone, String url, String email, String hoursJa, String hoursEn) {
	}

	/** A desk to edit. */
	public record Editable(PublicDesks.Desk desk, Reach reach, long version) {
	}

}
