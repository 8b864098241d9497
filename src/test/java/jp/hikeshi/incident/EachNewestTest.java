package jp.hikeshi.incident;

import java.util.ArrayList;
import java.util.List;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
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
 * reader may see. Rolled back: seven incidents share one moment of reporting. A person's
 * incidents are named by id when few, and asked of each incident when many.
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

	@Autowired
	IncidentRepository repository;

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
	void aPersonsIncidentsAreNamedByIdWhenFewAndAskedOfEachIncidentWhenMany() {
		UserAccount reporter = this.users.create(Role.REPORTER);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(this.incidents.report(new Incident.Report("担当の確認 " + i, "詳しくは分からない。", null, "社内PC",
					StillHappening.NO, null, null, null), new Actor(reporter.getUsername(), reporter.getRoles())).getId());
		}
		this.entities.flush();
		UserAccount responder = this.users.create(Role.RESPONDER);
		this.jdbc.update("update incident set responsible = ? where id = any(?)", responder.getUsername(),
				(Object) new Long[] { ids.get(0), ids.get(1) });
		this.jdbc.update("insert into incident_assignee (incident_id, username) values (?, ?), (?, ?)", ids.get(1),
				responder.getUsername(), ids.get(2), responder.getUsername());
		List<Long> team = List.of(ids.get(0), ids.get(1), ids.get(2));

		assertThat(this.incidents.team(responder.getUsername())).hasValueSatisfying(
				few -> assertThat(few).containsExactlyInAnyOrderElementsOf(team));
		assertThat(idsOf(IncidentSearch.onTeam(responder.getUsername(), this.incidents::team)))
			.containsExactlyInAnyOrderElementsOf(team);
		assertThat(idsOf(IncidentSearch.onTeam(responder.getUsername(), name -> java.util.Optional.empty())))
			.as("asked of each incident").containsExactlyInAnyOrderElementsOf(team);
		assertThat(idsOf(IncidentSearch.onTeam("nobody-" + ids.get(3), this.incidents::team))).isEmpty();

		// the list's statements name the ids (at a million, the primary key reads them at once)
		this.statements.reset();
		this.incidents.listPage(new IncidentSearch(null, null, null, null, null, "担当"),
				new Actor(responder.getUsername(), responder.getRoles()), org.springframework.data.domain.PageRequest.of(0, 50));
		assertThat(this.statements.statements()).filteredOn(sql -> sql.contains("from incident i1_0"))
			.isNotEmpty()
			.allMatch(sql -> sql.contains("i1_0.id in (?,?,?,?)"), "names the three ids (padded to four)")
			.noneMatch(sql -> sql.contains("incident_assignee"));
	}

	private List<Long> idsOf(org.springframework.data.jpa.domain.Specification<Incident> specification) {
		return this.repository.findAll(specification).stream().map(Incident::getId).toList();
	}

}
