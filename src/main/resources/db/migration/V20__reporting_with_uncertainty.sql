-- Step 2 right to the day (issue #10, DOMAIN.md §4): a leak may be feared rather than known;
-- what leaked is recorded per data set, where the exemptions attach; duties may be
-- provisional (要判断) with their clocks running; each case keeps the rule set it was worked
-- out with. The first model's columns (personal_data, people_count, sensitive_data,
-- financial_data, strongly_encrypted, work_for_client, data_items) stay for the record; their
-- content moves into the new columns and the first data set below.

alter table reporting_case
    add column rule_set                     varchar(20)   not null default 'APPI-2022-04',
    add column leak                         varchar(12)   not null default 'UNASSESSED'
        constraint reporting_case_leak_ck check (leak in ('UNASSESSED', 'OCCURRED', 'FEARED', 'RULED_OUT')),
    add column leak_ruled_out_reason        varchar(1000),
    add column improper_purpose_reason      varchar(1000),
    add column telecom_secrecy              boolean       not null default false,
    add column gdpr_establishment           boolean       not null default false,
    add column gdpr_offering                boolean       not null default false,
    add column gdpr_monitoring              boolean       not null default false,
    add column gdpr_member_states           varchar(300),
    add column gdpr_risk                    varchar(12)   not null default 'UNASSESSED'
        constraint reporting_case_gdpr_risk_ck check (gdpr_risk in ('UNASSESSED', 'UNLIKELY', 'RISK', 'HIGH_RISK')),
    add column gdpr_exemption               varchar(30)   not null default 'NONE'
        constraint reporting_case_gdpr_exemption_ck
            check (gdpr_exemption in ('NONE', 'ENCRYPTED', 'RISK_REMOVED', 'DISPROPORTIONATE_EFFORT')),
    add column cause                        varchar(2000),
    add column caused_by                    varchar(20)   not null default 'UNKNOWN'
        constraint reporting_case_caused_by_ck check (caused_by in ('UNKNOWN', 'COMPANY', 'CONTRACTOR', 'THIRD_PARTY')),
    add column over_thousand_since          timestamptz,
    add column over_hundred_my_number_since timestamptz;

-- The first model's "no personal data" had no reason; it reads as ruled out, and the form asks
-- for the reason the next time the facts are saved.
update reporting_case
   set leak = case personal_data when 'YES' then 'OCCURRED' when 'NO' then 'RULED_OUT' else 'UNASSESSED' end;

update reporting_case set gdpr_offering = true where eu_residents;

create table personal_data_set (
    id                bigserial     primary key,
    case_id           bigint        not null references reporting_case (id),
    description       varchar(200)  not null,
    items             varchar(1000),
    medium            varchar(200),
    whose             varchar(20)   not null default 'CUSTOMERS'
        constraint personal_data_set_whose_ck check (whose in ('CUSTOMERS', 'EMPLOYEES', 'CLIENT', 'OTHER')),
    sensitive         boolean       not null default false,
    financial         boolean       not null default false,
    my_number         boolean       not null default false,
    confirmed_count   integer       check (confirmed_count is null or confirmed_count >= 0),
    maximum_count     integer       check (maximum_count is null or maximum_count >= 0),
    encrypted         boolean       not null default false,
    encryption_method varchar(200),
    key_state         varchar(10)
        constraint personal_data_set_key_state_ck check (key_state is null or key_state in ('SAFE', 'LEAKED', 'UNKNOWN')),
    captured_in_clear boolean       not null default false,
    publicly_viewable boolean       not null default false,
    constraint personal_data_set_maximum_ck
        check (maximum_count is null or confirmed_count is null or maximum_count >= confirmed_count),
    constraint personal_data_set_clear_ck check (not (encrypted and captured_in_clear))
);

create index personal_data_set_case_idx on personal_data_set (case_id);

insert into personal_data_set (case_id, description, items, whose, sensitive, financial, confirmed_count,
                               maximum_count, encrypted, key_state)
select id, coalesce(left(data_items, 200), '個人データ'), data_items,
       case when work_for_client then 'CLIENT' else 'CUSTOMERS' end,
       sensitive_data, financial_data, people_count, people_count, strongly_encrypted,
       case when strongly_encrypted then 'SAFE' end
  from reporting_case
 where personal_data = 'YES';

-- a count already over 1,000 was known from discovery; notices filed before the outcome was asked reached everyone
update reporting_case c set over_thousand_since = i.discovered_at
  from incident i
 where i.id = c.incident_id and c.personal_data = 'YES' and c.people_count > 1000;

alter table notification_duty
    add column provisional         boolean      not null default false,
    add column deadline_rule       varchar(20)  not null default 'PROMPTLY'
        constraint notification_duty_deadline_rule_ck
            check (deadline_rule in ('NONE', 'PROMPTLY', 'DAYS_3_TO_5', 'DAYS_30', 'DAYS_60', 'HOURS_72')),
    add column clock_from          timestamptz,
    add column late_reason         varchar(1000),
    add column notice_outcome      varchar(30)
        constraint notification_duty_notice_outcome_ck
            check (notice_outcome is null or notice_outcome in ('ALL_NOTIFIED', 'PARTLY_WITH_ALTERNATIVE', 'ALTERNATIVE_ONLY')),
    add column alternative_measure varchar(20)
        constraint notification_duty_alternative_ck
            check (alternative_measure is null or alternative_measure in ('ANNOUNCEMENT', 'INQUIRY_DESK'));

update notification_duty d
   set deadline_rule = case d.type
           when 'PPC_PRELIMINARY' then 'DAYS_3_TO_5'
           when 'PPC_FINAL' then case when c.improper_purpose then 'DAYS_60' else 'DAYS_30' end
           when 'EU_AUTHORITY' then 'HOURS_72'
           when 'IPA' then 'NONE'
           when 'CLIENT' then 'DAYS_3_TO_5'
           else 'PROMPTLY' end,
       clock_from = i.discovered_at
  from reporting_case c
  join incident i on i.id = c.incident_id
 where c.id = d.case_id;

update notification_duty set notice_outcome = 'ALL_NOTIFIED' where type = 'PERSON_NOTICE' and state = 'FILED';

-- Open cases whose leak was never assessed owe the PPC's reports and the notice provisionally
-- (要判断), their clocks running from 発覚 — as a case opened today would.
insert into notification_duty (case_id, type, applies, reasons, provisional, deadline_rule, clock_from)
select c.id, t.type, true,
       case t.type
           when 'PPC_FINAL' then 'duty.reason.leakUnassessed,'
               || case when c.improper_purpose then 'duty.reason.final60' else 'duty.reason.final30' end
           when 'PERSON_NOTICE' then 'duty.reason.leakUnassessed,duty.reason.personNotice'
           else 'duty.reason.leakUnassessed' end,
       true,
       case t.type
           when 'PPC_PRELIMINARY' then 'DAYS_3_TO_5'
           when 'PPC_FINAL' then case when c.improper_purpose then 'DAYS_60' else 'DAYS_30' end
           else 'PROMPTLY' end,
       i.discovered_at
  from reporting_case c
  join incident i on i.id = c.incident_id
 cross join (values ('PPC_PRELIMINARY'), ('PPC_FINAL'), ('PERSON_NOTICE')) as t (type)
 where c.leak = 'UNASSESSED' and i.state not in ('CLOSED', 'DISMISSED')
on conflict (case_id, type) do update
   set applies = true, provisional = true, reasons = excluded.reasons, deadline_rule = excluded.deadline_rule,
       clock_from = excluded.clock_from;

-- The ministry is owed only where a rule of the sector applies, no longer because a name was set.
update notification_duty d
   set applies = false
  from reporting_case c
 where c.id = d.case_id and d.type = 'MINISTRY' and d.state = 'TO_DO'
   and not exists (select 1 from organisation o where o.industry in ('FINANCE_INSURANCE', 'INFORMATION_COMMUNICATIONS'));
