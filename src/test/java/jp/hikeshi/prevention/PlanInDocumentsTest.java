package jp.hikeshi.prevention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.prevention.PreventionService.NewMeasure;
import jp.hikeshi.prevention.PreventionService.RootCauses;
import jp.hikeshi.reporting.FilingTexts;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The documents read the plan, the one place: the incident report shows the causes, the
 * explanation and each measure; the texts filed with the authorities and the final announcement
 * give the explanation as the cause and the measures done and planned.
 */
@IntegrationTest
class PlanInDocumentsTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	@Autowired
	PreventionService prevention;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	Actor lead;

	long incident;

	@BeforeEach
	void anIncidentWithItsPlan() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.incident = this.incidents.report(new Incident.Report(null, "顧客情報を含むメールの誤送信", null, null, null, null,
				null), new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void anEmptyPlanIsAGapToFillIn() {
		String ppc = this.reporting.text(this.incident, this.lead, FilingTexts.Kind.PPC_PRELIMINARY);
		assertThat(ppc).contains("【要記入：再発防止のための措置】");
	}

	@Test
	void theTextsAndTheReportReadThePlan() throws Exception {
		this.prevention.recordRootCauses(this.incident, this.lead,
				new RootCauses(EnumSet.of(RootCause.HUMAN_ERROR), "宛先の自動補完で別の顧客を選んだ", 0));
		long done = this.prevention.addMeasure(this.incident, this.lead,
				new NewMeasure(Measure.Kind.TECHNICAL, "外部宛てメールの送信前確認", this.lead.username(), TODAY.plusDays(7)));
		this.prevention.complete(this.incident, done, this.lead, TODAY);
		LocalDate due = TODAY.plusMonths(1);
		this.prevention.addMeasure(this.incident, this.lead,
				new NewMeasure(Measure.Kind.TRAINING, "誤送信防止の研修", this.lead.username(), due));

		String ppc = this.reporting.text(this.incident, this.lead, FilingTexts.Kind.PPC_PRELIMINARY);
		assertThat(ppc).contains("■ 4. 原因\n宛先の自動補完で別の顧客を選んだ")
			.contains("・外部宛てメールの送信前確認（" + JAPANESE_DATE.format(TODAY) + " 実施済み）")
			.contains("・誤送信防止の研修（" + JAPANESE_DATE.format(due) + "までに実施予定）")
			.doesNotContain("【要記入：再発防止のための措置】");
		assertThat(this.reporting.text(this.incident, this.lead, FilingTexts.Kind.ANNOUNCEMENT_FINAL))
			.contains("宛先の自動補完で別の顧客を選んだ")
			.contains("・誤送信防止の研修");

		String report = this.mvc
			.perform(get("/incidents/{id}/report", this.incident).with(this.users.signedIn(this.lead.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(report).contains("人的ミス")
			.contains("宛先の自動補完で別の顧客を選んだ")
			.contains("外部宛てメールの送信前確認")
			.contains("誤送信防止の研修");
	}

}
