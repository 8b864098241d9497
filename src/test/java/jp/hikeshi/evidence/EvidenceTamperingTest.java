package jp.hikeshi.evidence;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.shared.Sha256;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tampered evidence is not served as if it were fine (#16): content replaced together with its
 * stored hash fails the seal, content that does not match its hash fails the hash; either is
 * refused with a page that says which, and downloaded only with a reason that goes on the chain
 * of custody and the timeline. The list shows the mismatch.
 */
@IntegrationTest
class EvidenceTamperingTest {

	private static final byte[] ORIGINAL = "2026-11-28 09:12:01 login failed for admin\n".getBytes(StandardCharsets.UTF_8);

	private static final byte[] FORGED = "2026-11-28 09:12:01 login OK     for admin\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	EvidenceService evidence;

	@Autowired
	EvidenceSealBackfill backfill;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	UserAccount lead;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = this.users.create(Role.SECURITY_LEAD);
		this.incident = this.incidents.report(new Incident.Report(null, "証拠の改ざん", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void contentReplacedTogetherWithItsHashIsNotServed() throws Exception {
		Evidence kept = collect("auth.log");
		replaceContent(kept);
		this.jdbc.update("update evidence set sha256 = ? where id = ?", Sha256.hex(FORGED), kept.id());

		this.mvc.perform(get("/incidents/{id}/evidence/{e}/download", this.incident, kept.id()).with(signedIn())
			.locale(Locale.JAPANESE))
			.andExpect(status().isConflict())
			.andExpect(header().doesNotExist("X-Evidence-Verified"))
			.andExpect(content().string(containsString("このシステムの封印がありません")));
		this.mvc.perform(get("/incidents/{id}/evidence", this.incident).with(signedIn()).locale(Locale.JAPANESE))
			.andExpect(content().string(containsString("ハッシュ不一致")));
		assertThat(this.evidence.verify(this.incident, kept.id(), lead())).isFalse();
	}

	@Test
	void contentThatDoesNotMatchItsHashIsDownloadedOnlyWithAReasonOnRecord() throws Exception {
		Evidence kept = collect("firewall.log");
		replaceContent(kept);

		this.mvc.perform(get("/incidents/{id}/evidence/{e}/download", this.incident, kept.id()).with(signedIn())
			.locale(Locale.JAPANESE))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("収集時に記録したSHA-256ハッシュと一致しません")));
		assertThat(this.evidence.custody(this.incident, kept.id(), lead())).last()
			.satisfies(entry -> assertThat(entry.hashOk()).isFalse());
		assertThat(this.evidence.find(this.incident, kept.id(), lead()).tampered()).isTrue();

		// no reason: refused again, nothing served, nothing recorded
		int custody = this.evidence.custody(this.incident, kept.id(), lead()).size();
		this.mvc.perform(anyway(kept, "  ").locale(Locale.JAPANESE))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("ダウンロードする理由を入力してください")));
		assertThat(this.evidence.custody(this.incident, kept.id(), lead())).hasSize(custody);

		this.mvc.perform(anyway(kept, "改ざんの範囲を調べるため"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Evidence-Verified", "false"))
			.andExpect(content().bytes(FORGED));
		assertThat(this.evidence.custody(this.incident, kept.id(), lead())).last().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo(CustodyEntry.Action.DOWNLOADED);
			assertThat(entry.detail()).isEqualTo("改ざんの範囲を調べるため");
			assertThat(entry.hashOk()).isFalse();
		});
		assertThat(this.incidents.findForPage(this.incident, lead()).getTimeline())
			.filteredOn(entry -> entry.getKind() == TimelineEntry.Kind.EVIDENCE_TAMPERED_DOWNLOAD)
			.singleElement()
			.satisfies(entry -> assertThat(entry.getNote()).isEqualTo("改ざんの範囲を調べるため"));
	}

	@Test
	void evidenceKeptBeforeTheSealsIsSealedOnceAtStart() {
		Evidence kept = collect("before.log");
		this.jdbc.update("update evidence set seal = null where id = ?", kept.id());
		assertThat(this.evidence.find(this.incident, kept.id(), lead()).tampered()).isTrue();

		assertThat(this.backfill.sealWhatIsUnsealed()).isPositive();

		assertThat(this.evidence.find(this.incident, kept.id(), lead()).tampered()).isFalse();
		assertThat(this.jdbc.queryForObject("select sealed_at_upgrade is not null from evidence where id = ?",
				Boolean.class, kept.id())).isTrue();
	}

	private Evidence collect(String name) {
		return this.evidence.collect(this.incident, lead(), new NewEvidence(name, "FW-01", null),
				new ByteArrayInputStream(ORIGINAL));
	}

	/** What someone with the database's credentials can do: rewrite the large object in place. */
	private void replaceContent(Evidence kept) {
		this.jdbc.queryForObject("select lo_put(content_oid, 0, decode(?, 'hex')) from evidence where id = ?",
				Object.class, HexFormat.of().formatHex(FORGED), kept.id());
	}

	private MockHttpServletRequestBuilder anyway(Evidence kept, String reason) {
		return post("/incidents/{id}/evidence/{e}/download-anyway", this.incident, kept.id())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("reason", reason)
			.with(csrf())
			.with(signedIn());
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor signedIn() {
		return this.users.signedIn(this.lead.getUsername());
	}

	private Actor lead() {
		return new Actor(this.lead.getUsername(), Set.of(Role.SECURITY_LEAD));
	}

}
