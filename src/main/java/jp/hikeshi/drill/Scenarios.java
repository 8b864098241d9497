package jp.hikeshi.drill;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scenarios the administrator keeps. A few rows of text read whole, kept with plain JDBC (as
 * the playbook is); each change goes to the audit trail.
 */
@Service
@Transactional
public class Scenarios {

	static final int MAX_NAME = 200;

	static final int MAX_REPORT = 4000;

	static final int MAX_INJECT = 1000;

	/** A drill lasts at most a week (10,080 minutes). */
	static final int MAX_MINUTE = 10_080;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	Scenarios(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the administrator typed: an inject row left blank is no inject. */
	public record Command(String nameJa, String nameEn, String reportJa, String reportEn, Set<DutyType> expectedDuties,
			List<Scenario.Inject> injects) {
	}

	@Transactional(readOnly = true)
	public List<Scenario> all() {
		Map<Long, List<Scenario.Inject>> injects = new LinkedHashMap<>();
		this.jdbc.query("select scenario_id, minute_offset, text_ja, text_en from drill_scenario_inject order by scenario_id, position",
				rs -> {
					injects.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
						.add(new Scenario.Inject(rs.getInt(2), rs.getString(3), rs.getString(4)));
				});
		return this.jdbc.query("""
				select id, name_ja, name_en, report_ja, report_en, expected_duties, version
				from drill_scenario order by id""",
				(rs, row) -> new Scenario(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						duties(rs.getString(6)), injects.getOrDefault(rs.getLong(1), List.of()), rs.getLong(7)));
	}

	@Transactional(readOnly = true)
	public Optional<Scenario> find(long id) {
		return all().stream().filter(scenario -> scenario.id() == id).findFirst();
	}

	/**
	 * Adds a scenario ({@code id == null}) or changes one, as the version the administrator saw.
	 * @return the scenario's id
	 */
	public long save(Long id, Long version, Command command, String admin) {
		List<Scenario.Inject> injects = check(command);
		Timestamp now = Timestamp.from(this.clock.instant());
		long saved;
		try {
			if (id == null) {
				saved = this.jdbc.queryForObject("""
						insert into drill_scenario (name_ja, name_en, report_ja, report_en, expected_duties, updated_by, updated_at)
						values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, command.nameJa().strip(),
						command.nameEn().strip(), command.reportJa().strip(), command.reportEn().strip(),
						raw(command.expectedDuties()), admin, now);
			}
			else {
				int changed = this.jdbc.update("""
						update drill_scenario set name_ja = ?, name_en = ?, report_ja = ?, report_en = ?, expected_duties = ?,
						       updated_by = ?, updated_at = ?, version = version + 1
						where id = ? and version = ?""", command.nameJa().strip(), command.nameEn().strip(),
						command.reportJa().strip(), command.reportEn().strip(), raw(command.expectedDuties()), admin, now, id,
						(version == null) ? -1 : version);
				if (changed == 0) {
					throw new ObjectOptimisticLockingFailureException("drill_scenario", id);
				}
				this.jdbc.update("delete from drill_scenario_inject where scenario_id = ?", id);
				saved = id;
			}
		}
		catch (DuplicateKeyException taken) {
			throw BusinessRuleViolation.onField("nameJa", "drill.scenario.nameTaken");
		}
		int position = 1;
		for (Scenario.Inject inject : injects) {
			this.jdbc.update("""
					insert into drill_scenario_inject (scenario_id, position, minute_offset, text_ja, text_en)
					values (?, ?, ?, ?, ?)""", saved, position++, inject.minute(), inject.textJa(), inject.textEn());
		}
		this.audit.record(admin, AuditAction.DRILL_SCENARIO_CHANGED, command.nameJa().strip(),
				(id == null) ? "added" : "changed");
		return saved;
	}

	/** Every refusal names its field; the injects that are kept, in the order of their minutes. */
	private static List<Scenario.Inject> check(Command command) {
		required("nameJa", command.nameJa(), MAX_NAME);
		required("nameEn", command.nameEn(), MAX_NAME);
		required("reportJa", command.reportJa(), MAX_REPORT);
		required("reportEn", command.reportEn(), MAX_REPORT);
		List<Scenario.Inject> kept = new ArrayList<>();
		for (int i = 0; i < command.injects().size(); i++) {
			Scenario.Inject inject = command.injects().get(i);
			boolean blank = blank(inject.textJa()) && blank(inject.textEn());
			if (blank) {
				continue;
			}
			String field = "injects[" + i + "]";
			if (inject.minute() < 0 || inject.minute() > MAX_MINUTE) {
				throw BusinessRuleViolation.onField(field + ".minute", "drill.scenario.minuteInvalid", MAX_MINUTE);
			}
			required(field + ".textJa", inject.textJa(), MAX_INJECT);
			required(field + ".textEn", inject.textEn(), MAX_INJECT);
			kept.add(new Scenario.Inject(inject.minute(), inject.textJa().strip(), inject.textEn().strip()));
		}
		kept.sort(java.util.Comparator.comparingInt(Scenario.Inject::minute));
		return kept;
	}

	private static void required(String field, String value, int max) {
		if (blank(value)) {
			throw BusinessRuleViolation.onField(field, "drill.scenario.required");
		}
		if (value.strip().length() > max) {
			throw BusinessRuleViolation.onField(field, "drill.scenario.tooLong", max);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static Set<DutyType> duties(String raw) {
		Set<DutyType> duties = EnumSet.noneOf(DutyType.class);
		if (raw != null && !raw.isBlank()) {
			Arrays.stream(raw.split(",")).map(String::strip).map(DutyType::valueOf).forEach(duties::add);
		}
		return duties;
	}

	static String raw(Set<DutyType> duties) {
		return (duties == null) ? "" : EnumSet.copyOf(duties.isEmpty() ? EnumSet.noneOf(DutyType.class) : duties)
			.stream()
			.map(DutyType::name)
			.collect(Collectors.joining(","));
	}

}
