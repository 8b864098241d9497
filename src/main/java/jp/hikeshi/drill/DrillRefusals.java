package jp.hikeshi.drill;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.RefusalWitness;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.incident.Unmet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the guards that refused a drill's moves for its debrief. The refused command's
 * transaction rolls back, so this one is its own; it writes beside the drill, never the
 * incident's row (which the command still holds locked). Plain JDBC: the incident service
 * calls this, so it cannot call back into the services that use the incident service.
 */
@Component
class DrillRefusals implements RefusalWitness {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DrillRefusals(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(long incidentId, Actor actor, Transition transition, List<Unmet> unmet) {
		Timestamp now = Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		for (Unmet guard : unmet) {
			this.jdbc.update("""
					insert into drill_refusal (drill_id, occurred_at, actor, transition, code, arguments)
					select id, ?, ?, ?, ?, cast(? as jsonb) from drill where incident_id = ?""", now, actor.username(),
					transition.name(), guard.code(), DrillService.JSON.writeValueAsString(raw(guard.arguments())),
					incidentId);
		}
	}

	/** Arguments as JSON keeps them: numbers, texts, lists of item names; an enum by its name. */
	private static List<Object> raw(List<Object> arguments) {
		List<Object> raw = new ArrayList<>();
		for (Object argument : arguments) {
			if (argument instanceof List<?> list) {
				raw.add(list.stream().map(item -> (item instanceof Enum<?> e) ? e.name() : String.valueOf(item)).toList());
			}
			else if (argument instanceof Number || argument instanceof String) {
				raw.add(argument);
			}
			else {
				raw.add((argument instanceof Enum<?> e) ? e.name() : String.valueOf(argument));
			}
		}
		return raw;
	}

}
