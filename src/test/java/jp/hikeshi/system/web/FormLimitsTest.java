package jp.hikeshi.system.web;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.validation.constraints.Size;
import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a form or an API body accepts fits every column it lands in: the entity's own, and
 * those it is copied into later (the timeline, the audit trail, step 2's data sets, a checklist
 * copied from the playbook). Driven by the forms' own {@code @Size} limits and the database's own
 * column widths (information_schema), so that a new form field, or a limit raised without its
 * column, fails here until its columns are named below.
 */
@IntegrationTest
class FormLimitsTest {

	/** Where a field lands: none (a password, hashed; a search filter; a secret kept encrypted). */
	private static final List<String> NOWHERE = List.of();

	private static final String TIMELINE_VALUE = "incident_timeline_entry.after_value";

	private static final String TIMELINE_NOTE = "incident_timeline_entry.note";

	private static final String AUDIT_SUBJECT = "audit_event.subject";

	/** Form field (class name below jp.hikeshi, then the field) → the columns its text lands in. */
	private static final Map<String, List<String>> LANDS_IN = new HashMap<>();

	static {
		// accounts and set-up
		lands("account.web.AccountChangesForm", "displayName", "user_account.display_name");
		lands("account.web.AccountChangesForm", "department", "user_account.department");
		lands("account.web.AccountChangesForm", "email", "user_account.email");
		lands("account.web.AccountChangesForm", "phone", "user_account.phone");
		lands("account.web.NewAccountForm", "username", "user_account.username", AUDIT_SUBJECT);
		lands("account.web.NewAccountForm", "displayName", "user_account.display_name");
		lands("account.web.NewAccountForm", "department", "user_account.department");
		lands("account.web.NewAccountForm", "email", "user_account.email");
		lands("account.web.NewAccountForm", "phone", "user_account.phone");
		for (String password : List.of("password", "passwordConfirmation", "currentPassword")) {
			LANDS_IN.put("account.web.NewAccountForm." + password, NOWHERE);
			LANDS_IN.put("account.web.ResetPasswordForm." + password, NOWHERE);
			LANDS_IN.put("account.web.PasswordForm." + password, NOWHERE);
			LANDS_IN.put("setup.web.SetupForm." + password, NOWHERE);
		}
		// sign-in with Entra ID / Google (the client secrets are kept encrypted)
		lands("account.web.SignInProvidersForm", "entraTenantId", "sign_in_settings.entra_tenant_id");
		lands("account.web.SignInProvidersForm", "entraClientId", "sign_in_settings.entra_client_id");
		lands("account.web.SignInProvidersForm", "entraAllowedDomains", "sign_in_settings.entra_allowed_domains");
		lands("account.web.SignInProvidersForm", "googleClientId", "sign_in_settings.google_client_id");
		lands("account.web.SignInProvidersForm", "googleAllowedDomains", "sign_in_settings.google_allowed_domains");
		LANDS_IN.put("account.web.SignInProvidersForm.entraClientSecret", NOWHERE);
		LANDS_IN.put("account.web.SignInProvidersForm.googleClientSecret", NOWHERE);
		lands("setup.web.SetupForm", "companyName", "organisation.name", AUDIT_SUBJECT);
		lands("setup.web.SetupForm", "username", "user_account.username");
		lands("setup.web.SetupForm", "displayName", "user_account.display_name");
		lands("setup.web.SetupForm", "email", "user_account.email");
		lands("organisation.web.OrganisationForm", "name", "organisation.name", AUDIT_SUBJECT);
		lands("organisation.web.OrganisationForm", "supervisingMinistry", "organisation.supervising_ministry");
		lands("organisation.web.OrganisationForm", "timeZone", "organisation.time_zone");
		lands("desk.web.DeskForm", "phone", "public_desk.phone");
		lands("desk.web.DeskForm", "url", "public_desk.url");
		lands("desk.web.DeskForm", "email", "public_desk.email");
		lands("desk.web.DeskForm", "hoursJa", "public_desk.hours_ja");
		lands("desk.web.DeskForm", "hoursEn", "public_desk.hours_en");
		lands("emergency.web.ContactForm", "responseRole", "emergency_contact.response_role");
		lands("emergency.web.ContactForm", "reachable", "emergency_contact.reachable");
		lands("emergency.web.ContactForm", "standIn", "emergency_contact.stand_in");
		// notifications and integrations (webhook URLs are secrets, kept encrypted: only a hint is a column)
		lands("notification.web.NotificationForms$CompanyForm", "sender", "notification_settings.sender", AUDIT_SUBJECT);
		lands("notification.web.NotificationForms$CompanyForm", "publicBaseUrl", "notification_settings.public_base_url");
		lands("notification.web.NotificationForms$WebhookForm", "name", "chat_webhook.name", AUDIT_SUBJECT);
		LANDS_IN.put("notification.web.NotificationForms$WebhookForm.url", NOWHERE);
		LANDS_IN.put("notification.web.NotificationForms$TestMailForm.to", NOWHERE);
		lands("notification.web.IntegrationAdminController$EndpointForm", "name", "integration_endpoint.name",
				AUDIT_SUBJECT);
		lands("notification.web.IntegrationAdminController$EndpointForm", "url", "integration_endpoint.url");
		// the register
		for (String form : List.of("register.web.VendorForm")) {
			lands(form, "name", "vendor.name", AUDIT_SUBJECT);
			lands(form, "incidentContact", "vendor.incident_contact");
			lands(form, "phone", "vendor.phone");
			lands(form, "email", "vendor.email");
			lands(form, "contractNote", "vendor.contract_note");
		}
		lands("register.web.ClientForm", "name", "client_company.name", AUDIT_SUBJECT);
		lands("register.web.ClientForm", "contact", "client_company.contact");
		lands("register.web.ClientForm", "phone", "client_company.phone");
		lands("register.web.ClientForm", "email", "client_company.email");
		lands("register.web.ClientForm", "note", "client_company.note");
		lands("api.SystemBody", "name", "register_system.name", AUDIT_SUBJECT);
		lands("api.SystemBody", "location", "register_system.location");
		lands("api.SystemBody", "owner", "register_system.owner");
		lands("api.SystemBody", "backupLocation", "register_system.backup_location");
		lands("api.SystemBody", "note", "register_system.note");
		// a system's data sets are proposed into step 2's data sets of the incidents that name it
		lands("api.SystemBody$SystemDataSet", "description", "register_data_set.description",
				"personal_data_set.description");
		lands("api.SystemBody$SystemDataSet", "items", "register_data_set.items", "personal_data_set.items");
		lands("api.SystemBody$SystemDataSet", "encryptionMethod", "register_data_set.encryption_method",
				"personal_data_set.encryption_method");
		lands("api.SystemBody$SystemDataSet", "keyCustody", "register_data_set.key_custody");
		// the incident: report, record, team, moves, notes; every change is also a timeline line
		for (String report : List.of("incident.web.ReportForm", "api.ReportRequest")) {
			lands(report, "description", "incident.description", "incident.events_and_damage");
			lands(report, "title", "incident.title");
			lands(report, "affectedSystem", "incident.affected_system", "incident.affected_systems_status");
		}
		lands("incident.web.ReportForm", "outsideReporterName", "incident.outside_reporter_name");
		lands("incident.web.ReportForm", "outsideReporterContact", "incident.outside_reporter_contact");
		lands("api.ReportRequest", "source", "incident.source");
		lands("api.ReportRequest$OutsideReporter", "name", "incident.outside_reporter_name");
		lands("api.ReportRequest$OutsideReporter", "contact", "incident.outside_reporter_contact");
		lands("incident.web.RecordForm", "clientAndParties", "incident.client_and_parties", TIMELINE_VALUE);
		for (String field : List.of("eventsAndDamage", "assumedCause", "affectedSystemsStatus", "systemConfiguration")) {
			lands("incident.web.RecordForm", field,
					"incident." + field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT), TIMELINE_VALUE);
		}
		lands("incident.web.RecordForm", "contact", "incident.contact", TIMELINE_VALUE);
		lands("incident.web.RecordForm", "discoveredLateReason", TIMELINE_NOTE);
		lands("incident.web.MoveForm", "reason", TIMELINE_NOTE);
		lands("incident.web.EscalateForm", "note", TIMELINE_NOTE);
		lands("incident.web.InformationForm", "text", TIMELINE_NOTE);
		lands("incident.web.NoteForm", "text", TIMELINE_NOTE);
		lands("incident.web.ChecklistForm", "reason", "incident_checklist_item.reason", TIMELINE_NOTE);
		lands("incident.web.RecoveryForm", "checks", "incident.recovery_checks", TIMELINE_NOTE);
		lands("incident.web.TeamForm", "responsible", "incident.responsible", TIMELINE_VALUE);
		lands("incident.web.TeamForm$Member", "username", "incident_assignee.username", TIMELINE_VALUE);
		lands("incident.web.TeamForm$Member", "duty", "incident_assignee.duty", TIMELINE_VALUE);
		lands("api.IncidentsApi$NoteRequest", "text", TIMELINE_NOTE);
		lands("api.TransitionRequest", "reason", TIMELINE_NOTE);
		lands("api.TransitionRequest", "note", TIMELINE_NOTE);
		lands("api.TransitionRequest", "responsible", "incident.responsible", TIMELINE_VALUE);
		lands("api.TransitionRequest$Member", "username", "incident_assignee.username", TIMELINE_VALUE);
		lands("api.TransitionRequest$Member", "duty", "incident_assignee.duty", TIMELINE_VALUE);
		for (String filter : List.of("assignee", "text", "drills")) {
			LANDS_IN.put("incident.web.SearchForm." + filter, NOWHERE);
		}
		for (String filter : List.of("kind", "person", "address")) {
			LANDS_IN.put("audit.web.AuditFilterForm." + filter, NOWHERE);
		}
		// investigation (5W1H: where and why are the record's affected systems and assumed cause)
		String facts = "investigation.web.InvestigationForms$FactsForm";
		lands(facts, "when", "investigation.when_text", TIMELINE_VALUE);
		lands(facts, "where", "incident.affected_systems_status", TIMELINE_VALUE);
		lands(facts, "who", "investigation.who_text", TIMELINE_VALUE);
		lands(facts, "whom", "investigation.whom_text", TIMELINE_VALUE);
		lands(facts, "what", "investigation.what_text", TIMELINE_VALUE);
		lands(facts, "why", "incident.assumed_cause", TIMELINE_VALUE);
		lands(facts, "how", "investigation.how_text", TIMELINE_VALUE);
		lands("investigation.web.InvestigationForms$RemediationForm", "description", "remediation_action.description");
		lands("investigation.web.InvestigationForms$RemediationForm", "owner", "remediation_action.owner");
		lands("investigation.web.InvestigationForms$HelpForm", "helper", "outside_help.helper");
		lands("investigation.web.InvestigationForms$HelpForm", "request", "outside_help.request");
		lands("investigation.web.InvestigationForms$HelpForm", "advice", "outside_help.advice");
		lands("investigation.web.InvestigationForms$ExecutiveReportForm", "summary", "executive_report.summary");
		lands("investigation.web.InvestigationForms$ContactForm", "name", "contact.name", AUDIT_SUBJECT);
		lands("investigation.web.InvestigationForms$ContactForm", "phone", "contact.phone");
		lands("investigation.web.InvestigationForms$ContactForm", "note", "contact.note");
		// evidence
		lands("evidence.web.EvidenceForms$UploadForm", "collectedFrom", "evidence.collected_from");
		lands("evidence.web.EvidenceForms$UploadForm", "description", "evidence.description");
		lands("evidence.web.EvidenceForms$HandOverForm", "recipient", "evidence_custody.detail");
		lands("evidence.web.EvidenceForms$DeletionForm", "reason", "evidence.deletion_reason", "evidence_custody.detail");
		// prevention
		lands("prevention.web.MeasureForm", "description", "prevention_measure.description");
		lands("prevention.web.RootCausesForm", "note", "prevention_plan.root_cause_note");
		// reporting (step 2), on the page and through the API
		for (String form : List.of("reporting.web.ReportingForms$FactsForm", "api.FactsBody")) {
			lands(form, "improperPurposeReason", "reporting_case.improper_purpose_reason");
			lands(form, "cause", "reporting_case.cause");
			lands(form, "secondaryDamage", "reporting_case.secondary_damage");
		}
		lands("reporting.web.ReportingForms$FactsForm", "leakRuledOutReason", "reporting_case.leak_ruled_out_reason");
		lands("api.FactsBody", "ruledOutReason", "reporting_case.leak_ruled_out_reason");
		lands("reporting.web.ReportingForms$FactsForm", "gdprMemberStates", "reporting_case.gdpr_member_states");
		lands("reporting.web.ReportingForms$FactsForm", "publicTitle", "reporting_case.public_title");
		for (String form : List.of("reporting.web.ReportingForms$DataSetForm", "api.FactsBody$FactsDataSet")) {
			lands(form, "description", "personal_data_set.description");
			lands(form, "items", "personal_data_set.items");
			lands(form, "encryptionMethod", "personal_data_set.encryption_method");
			lands(form, "medium", "personal_data_set.medium");
		}
		lands("reporting.web.ReportingForms$FileForm", "filingReference", "notification_duty.filing_reference");
		lands("reporting.web.ReportingForms$FileForm", "lateReason", "notification_duty.late_reason");
		lands("api.DutiesApi$DutyFilingRequest", "reference", "notification_duty.filing_reference");
		lands("api.DutiesApi$DutyFilingRequest", "lateReason", "notification_duty.late_reason");
		// a late 追完 (supplementary) report lives on the timeline only
		lands("reporting.web.ReportingForms$SupplementForm", "filingReference", TIMELINE_VALUE);
		lands("reporting.web.ReportingForms$SupplementForm", "reason", TIMELINE_NOTE);
		lands("api.DutiesApi$DutySupplementRequest", "reference", TIMELINE_VALUE);
		lands("api.DutiesApi$DutySupplementRequest", "reason", TIMELINE_NOTE);
		lands("reporting.web.ReportingForms$WaiveForm", "reason", "notification_duty.waiver_reason");
		lands("api.DutiesApi$DutyWaiverRequest", "reason", "notification_duty.waiver_reason");
		lands("reporting.web.ReportingForms$DraftForm", "draft", "announcement.draft");
		lands("reporting.web.ReportingForms$InquiryDeskForm", "contact", "reporting_case.inquiry_desk_contact");
	}

	/** Limits a service checks itself (no {@code @Size} on a form): the value, and where it lands. */
	private static final Map<String, List<String>> SERVICE_LIMITS = Map.of(
			// a company's own playbook point: its row, the checklists it is copied into, the timeline
			// line when it is checked off, the audit line when it is saved
			"incident.PlaybookService.MAX_TEXT",
			List.of("playbook_point.text", "incident_checklist_item.custom_text", "incident_timeline_entry.field",
					AUDIT_SUBJECT),
			"policy.PolicySection.MAX_TEXT", List.of("response_policy_section.text"),
			"drill.Scenarios.MAX_NAME", List.of("drill_scenario.name_ja", "drill_scenario.name_en", "drill.name_ja",
					"drill.name_en", AUDIT_SUBJECT),
			"drill.Scenarios.MAX_REPORT", List.of("drill_scenario.report_ja", "drill_scenario.report_en"),
			"drill.Scenarios.MAX_INJECT", List.of("drill_scenario_inject.text_ja", "drill_scenario_inject.text_en",
					"drill_inject.text_ja", "drill_inject.text_en"),
			"drill.DrillService.MAX_NOTE", List.of("drill_note.text"),
			"account.ApiTokens.MAX_NAME", List.of("api_token.name", AUDIT_SUBJECT));

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyFormFieldFitsEveryColumnItLandsIn() throws Exception {
		Map<String, Integer> widths = columnWidths();
		Map<String, Integer> limits = formLimits();
		assertThat(limits).as("the scan found the forms").hasSizeGreaterThan(100);

		Set<String> unmapped = new TreeSet<>(limits.keySet());
		unmapped.removeAll(LANDS_IN.keySet());
		assertThat(unmapped).as("form fields whose columns are not named in this test").isEmpty();

		List<String> misfits = new ArrayList<>();
		limits.forEach((field, max) -> LANDS_IN.get(field).forEach(column -> {
			assertThat(widths).as("a column " + column).containsKey(column);
			if (widths.get(column) != null && widths.get(column) < max) {
				misfits.add(field + " allows " + max + ", " + column + " holds " + widths.get(column));
			}
		}));
		for (Map.Entry<String, List<String>> limit : SERVICE_LIMITS.entrySet()) {
			int max = constant(limit.getKey());
			for (String column : limit.getValue()) {
				assertThat(widths).as("a column " + column).containsKey(column);
				if (widths.get(column) != null && widths.get(column) < max) {
					misfits.add(limit.getKey() + " allows " + max + ", " + column + " holds " + widths.get(column));
				}
			}
		}
		assertThat(misfits).isEmpty();
	}

	private static void lands(String form, String field, String... columns) {
		LANDS_IN.put(form + "." + field, List.of(columns));
	}

	/** table.column → its width in characters; {@code null} for text (no limit). */
	private Map<String, Integer> columnWidths() {
		Map<String, Integer> widths = new HashMap<>();
		this.jdbc.query("""
				select table_name || '.' || column_name, character_maximum_length from information_schema.columns
				where table_schema = current_schema() and data_type in ('character varying', 'text')""",
				(java.sql.ResultSet rs) -> {
					String column = rs.getString(1);
					int width = rs.getInt(2);
					widths.put(column, rs.wasNull() ? null : width);
				});
		return widths;
	}

	/** Every text field with a {@code @Size} in the application's classes → its maximum. */
	private static Map<String, Integer> formLimits() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		TypeFilter everything = (reader, factory) -> true;
		scanner.addIncludeFilter(everything);
		Map<String, Integer> limits = new TreeMap<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("jp.hikeshi")) {
			if (String.valueOf(definition.getResourceDescription()).contains("test-classes")) {
				continue;
			}
			Class<?> type = Class.forName(definition.getBeanClassName(), false, FormLimitsTest.class.getClassLoader());
			for (Field field : type.getDeclaredFields()) {
				Size size = field.getAnnotation(Size.class);
				if (size != null && field.getType() == String.class) {
					limits.put(type.getName().substring("jp.hikeshi.".length()) + "." + field.getName(), size.max());
				}
			}
		}
		return limits;
	}

	private static int constant(String name) throws ReflectiveOperationException {
		int dot = name.lastIndexOf('.');
		Field field = Class.forName("jp.hikeshi." + name.substring(0, dot)).getDeclaredField(name.substring(dot + 1));
		field.setAccessible(true);
		return field.getInt(null);
	}

}
