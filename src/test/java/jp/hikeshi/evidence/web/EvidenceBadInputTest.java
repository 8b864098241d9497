package jp.hikeshi.evidence.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.evidence.Evidence;
import jp.hikeshi.evidence.EvidenceService;
import jp.hikeshi.evidence.NewEvidence;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Evidence the probe sent: a deleted file asked for, the same file twice at once, names with
 * control characters or long Japanese names. Each gets an answer a person can read, never an
 * empty file or a 500.
 */
@IntegrationTest
class EvidenceBadInputTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	EvidenceService evidence;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	UserAccount lead;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.incident = this.incidents.report(new Incident.Report(null, "証拠の不正な入力", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void aDeletedFileIsAnsweredGoneNotAsAnEmptyFile() throws Exception {
		Evidence item = this.evidence.collect(this.incident, lead(), new NewEvidence("auth.log", "SRV-01", null),
				new ByteArrayInputStream("sshd: Failed password\n".getBytes(StandardCharsets.UTF_8)));
		this.evidence.delete(this.incident, item.id(), lead(), "誤って保全したため");
		this.mvc.perform(get("/incidents/{id}/evidence/{e}/download", this.incident, item.id())
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isGone())
			.andExpect(header().doesNotExist("Content-Disposition"))
			.andExpect(content().string(containsString("このファイルは削除されています")));
	}

	@Test
	void theSameFileSentTwiceAtOnceIsKeptOnceAndTheOtherIsTold() throws Exception {
		byte[] bytes = "2026-11-30 09:12:01 sshd: sent twice at once\n".getBytes(StandardCharsets.UTF_8);
		// both uploads finish reading before either looks for the same file: both find none
		CyclicBarrier bothRead = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> uploads = new ArrayList<>();
			for (String name : List.of("first.log", "second.log")) {
				uploads.add(pool.submit(() -> {
					try {
						this.transactions.executeWithoutResult(status -> {
							this.evidence.collect(this.incident, lead(), new NewEvidence(name, "SRV-01", null),
									new WaitingAtTheEnd(bytes, bothRead));
							// kept, not yet committed: the other upload, past its own check, now waits on
							// the unique index; only then is this one committed
							Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.queryForObject(
									"select count(*) from pg_locks where not granted", Long.class) > 0);
						});
						return "kept";
					}
					catch (BusinessRuleViolation refused) {
						return refused.code();
					}
				}));
			}
			List<String> answers = new ArrayList<>();
			for (Future<String> upload : uploads) {
				answers.add(upload.get(60, TimeUnit.SECONDS));
			}
			assertThat(answers).containsExactlyInAnyOrder("kept", "evidence.duplicateMeanwhile");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from evidence where incident_id = ?", Long.class,
				this.incident)).isEqualTo(1);
	}

	@Test
	void namesWithControlCharactersOrLongJapaneseNamesAreKeptReadable() throws Exception {
		String longName = "取引先からの請求書メールと添付ファイルの調査記録".repeat(7) + ".txt";
		assertThat(longName.length()).isGreaterThan(160);
		int file = 0;
		for (String name : List.of("a\u0000b\r\nc.txt", "\r\n", longName)) {
			this.mvc.perform(multipart("/incidents/{id}/evidence", this.incident)
					.file(new MockMultipartFile("file", name, "application/octet-stream",
							("file " + file++ + "\n").getBytes(StandardCharsets.UTF_8)))
					.param("collectedFrom", "SRV-01")
					.with(csrf())
					.with(this.users.signedIn(this.lead.getUsername())))
				.andExpect(redirectedUrlPattern("/incidents/*/evidence/*"));
		}
		List<String> kept = this.jdbc.queryForList(
				"select file_name from evidence where incident_id = ? order by id", String.class, this.incident);
		assertThat(kept).containsExactly("abc.txt", "evidence", longName);
		long id = this.jdbc.queryForObject("select max(id) from evidence where incident_id = ?", Long.class,
				this.incident);
		this.mvc.perform(get("/incidents/{id}/evidence/{e}/download", this.incident, id)
				.with(this.users.signedIn(this.lead.getUsername())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")));
	}

	private Actor lead() {
		return new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
	}

	/** The bytes, then a wait at the end until the other upload has read its own. */
	private static final class WaitingAtTheEnd extends InputStream {

		private final ByteArrayInputStream bytes;

		private final CyclicBarrier barrier;

		private boolean waited;

		WaitingAtTheEnd(byte[] bytes, CyclicBarrier barrier) {
			this.bytes = new ByteArrayInputStream(bytes);
			this.barrier = barrier;
		}

		@Override
		public int read() {
			throw new UnsupportedOperationException();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			int read = this.bytes.read(buffer, offset, length);
			if (read == -1 && !this.waited) {
				this.waited = true;
				try {
					this.barrier.await(30, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
			return read;
		}

	}

}
