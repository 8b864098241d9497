package jp.hikeshi.incident;

import java.util.ArrayList;
import java.util.List;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.GenericPlan;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.StatementCounter;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export reads the register a chunk at a time after the last incident read: every incident
 * once, newest first, also across incidents reported at the same moment, and only those the
 * reader may see. Rolled back: seven incidents share one moment of reporting. A responder's list
 * finds their incidents first and reads those by id (V56).
 */
@IntegrationTest
@Import(StatementCounter.class)
@Transactional
class EachNewestTest {

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	jakarta.persistence.EntityManager entities;

	@Autowired
	StatementCounter statements;

	@Test
	void chunksAfterTheLastReadGiveEveryIncidentOnceNewestFirst() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		Actor staff = new Actor(reporter.getUsername(), reporter.getRoles());
		List<Long> same = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			same.add(this.incidents.report(new Incident.Report("同時刻の報告 " + i, "詳しくは分からない。", null, "社内PC",
					StillHappening.NO, null, null, null), staff).getId());
		}
		this.entities.flush();
		this.entities.clear();
		this.jdbc.update("update incident set reported_at = now() - interval '3 days' where id = any(?)",
				(Object) same.toArray(Long[]::new));
		Actor lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), java.util.Set.of(Role.SECURITY_LEAD));
		List<Long> expected = this.jdbc.queryForList("select id from incident where not drill order by reported_at desc, id desc",
				Long.class);

		for (int chunk : new int[] { 1, 3, 7, 500 }) {
			List<Long> read = new ArrayList<>();
			this.incidents.eachNewest(lead, 100_000, chunk, incident -> read.add(incident.getId()));
			assertThat(read).as("chunks of " + chunk).containsExactlyElementsOf(expected);
			List<Long> first = new ArrayList<>();
			this.incidents.eachNewest(lead, 5, chunk, incident -> first.add(incident.getId()));
			assertThat(first).as("the first five, chunks of " + chunk).containsExactlyElementsOf(expected.subList(0, 5));
		}

		// a responder reads only the incidents they are responsible for
		UserAccount responder = this.users.create(Role.RESPONDER);
		this.jdbc.update("update incident set responsible = ? where id = ?", responder.getUsername(), same.get(4));
		List<Long> own = new ArrayList<>();
		this.incidents.eachNewest(new Actor(responder.getUsername(), responder.getRoles()), 100_000, 3,
				incident -> own.add(incident.getId()));
		assertThat(own).containsExactly(same.get(4));
	}

	@Test
	void aResponderslistFindsTheirIncidentsFirstAndReadsThoseByIdAlone() {
		UserAccount responder = this.users.create(Role.RESPONDER);
		Actor actor = new Actor(responder.getUsername(), responder.getRoles());
		for (IncidentSearch search : List.of(IncidentSearch.none(),
				new IncidentSearch(null, null, null, null, null, "メール"))) {
			this.statements.reset();
			this.incidents.listPage(search, actor, org.springframework.data.domain.PageRequest.of(0, 50));
			List<String> team = this.statements.statements().stream().filter(sql -> sql.contains("incident_on_team")).toList();
			assertThat(team).isNotEmpty();
			for (String sql : team) {
				// its generic plan (V56): the person's incidents are an index condition, evaluated once
				assertThat(GenericPlan.of(this.jdbc, sql, false)).as(sql)
					.containsPattern("Index Cond: \\(+id = ANY \\(incident_team_of\\(");
			}
		}
	}

}
