package jp.hikeshi.incident;

import java.util.List;

import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autovacuum visits the incident table after every 2,000 new incidents (V54), not after a fifth
 * of its size: the list finds the newest from the index alone only once a vacuum has marked them.
 */
@IntegrationTest
class IncidentVacuumTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theIncidentTableIsVacuumedAfterEveryTwoThousandNewIncidents() {
		List<String> options = this.jdbc.queryForList(
				"select unnest(reloptions) from pg_class where oid = 'incident'::regclass", String.class);
		assertThat(options).contains("autovacuum_vacuum_insert_threshold=2000", "autovacuum_vacuum_insert_scale_factor=0");
	}

}
