package jp.hikeshi.evidence;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 100 MB file in and out under a heap far smaller than twice the file: proof that evidence
 * is streamed, not held. Runs in its own JVM with -Xmx160m (the "small-heap" execution in pom.xml).
 */
@IntegrationTest
@Tag("small-heap")
class EvidenceStreamingTest {

	private static final long SIZE = 100L * 1024 * 1024;

	@Autowired
	EvidenceService evidence;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void a100MegabyteFileIsStreamedInAndOut() throws Exception {
		assertThat(Runtime.getRuntime().maxMemory()).as("this test runs under a small heap").isLessThan(2 * SIZE);
		Actor lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		long incident = this.incidents.report(new Incident.Report(null, "ディスクイメージ", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
		Generated content = new Generated(SIZE);
		Evidence kept = this.evidence.collect(incident, lead, new NewEvidence("disk.img", "KEIRI-PC03 /dev/sda", null),
				content);
		assertThat(kept.sizeBytes()).isEqualTo(SIZE);
		assertThat(kept.sha256()).isEqualTo(content.sha256());

		// the download checks the content (one streaming pass) before it streams it (a second):
		// the check's cost is what verify alone takes
		long checking = System.nanoTime();
		assertThat(this.evidence.verify(incident, kept.id(), lead)).isTrue();
		checking = System.nanoTime() - checking;
		Hashing out = new Hashing();
		long downloading = System.nanoTime();
		this.evidence.download(incident, kept.id(), lead, () -> { }, () -> out);
		downloading = System.nanoTime() - downloading;
		System.out.printf("100 MB evidence: the check alone %d ms; checked and streamed %d ms%n", checking / 1_000_000,
				downloading / 1_000_000);
		assertThat(out.count).isEqualTo(SIZE);
		assertThat(HexFormat.of().formatHex(out.digest.digest())).isEqualTo(kept.sha256());
	}

	@Test
	void aFileOverTheLimitIsRefusedAndNothingIsKept() throws Exception {
		Actor lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		long incident = this.incidents.report(new Incident.Report(null, "大きすぎるファイル", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
		long before = this.jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class);
		assertThatThrownBy(() -> this.evidence.collect(incident, lead, new NewEvidence("huge.img", "NAS", null),
				new Generated(SIZE + 1)))
			.isInstanceOf(jp.hikeshi.shared.BusinessRuleViolation.class)
			.hasMessage("evidence.tooBig");
		assertThat(this.jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isEqualTo(before);
		assertThat(this.evidence.of(incident, lead)).isEmpty();
	}

	/** A stream of bytes made on the fly, hashing what it hands out. */
	static final class Generated extends InputStream {

		private final long size;

		private final MessageDigest digest;

		private long position;

		Generated(long size) throws Exception {
			this.size = size;
			this.digest = MessageDigest.getInstance("SHA-256");
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.position >= this.size) {
				return -1;
			}
			int count = (int) Math.min(length, this.size - this.position);
			for (int i = 0; i < count; i++) {
				buffer[offset + i] = (byte) ((this.position + i) * 31 % 251);
			}
			this.digest.update(buffer, offset, count);
			this.position += count;
			return count;
		}

		String sha256() {
			return HexFormat.of().formatHex(this.digest.digest());
		}

	}

	/** Counts and hashes what is written, keeping nothing. */
	static final class Hashing extends OutputStream {

		final MessageDigest digest;

		long count;

		Hashing() throws Exception {
			this.digest = MessageDigest.getInstance("SHA-256");
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) {
			this.digest.update(buffer, offset, length);
			this.count += length;
		}

	}

}
