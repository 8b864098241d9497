-- Step 2 for real: the facts that decide which reports are owed, the duties with their
-- deadlines and filings, public announcements and the inquiry desk (DOMAIN.md §4).

create table reporting_case (
    id                          bigserial   primary key,
    incident_id                 bigint      not null unique references incident (id),
    personal_data               varchar(10) not null default 'UNKNOWN',
    people_count                integer     check (people_count is null or people_count >= 0),
    sensitive_data              boolean     not null default false,
    financial_data              boolean     not null default false,
    strongly_encrypted          boolean     not null default false,
    improper_purpose            boolean     not null default false,
    virus_or_unauthorised_access boolean    not null default false,
    crime_suspected             boolean     not null default false,
    work_for_client             boolean     not null default false,
    client_informed             boolean     not null default false,
    eu_residents                boolean     not null default false,
    data_items                  varchar(1000),
    secondary_damage            varchar(2000),
    inquiry_desk_opened_on      date,
    inquiry_desk_contact        varchar(300),
    inquiry_count               integer     not null default 0 check (inquiry_count >= 0),
    version                     bigint      not null default 0
);

create table notification_duty (
    id               bigserial    primary key,
    case_id          bigint       not null references reporting_case (id),
    type             varchar(30)  not null,
    applies          boolean      not null,
    reasons          varchar(500) not null,
    state            varchar(20)  not null default 'TO_DO',
    filed_on         date,
    filing_reference varchar(100),
    waiver_reason    varchar(1000),
    decided_by       varchar(64),
    decided_at       timestamptz,
    unique (case_id, type),
    constraint notification_duty_state_ck check (state in ('TO_DO', 'FILED', 'WAIVED', 'NOT_YET_DUE'))
);

create index notification_duty_open_idx on notification_duty (state) where applies and state in ('TO_DO', 'NOT_YET_DUE');

create table announcement (
    id            bigserial     primary key,
    case_id       bigint        not null references reporting_case (id),
    kind          varchar(20)   not null,
    draft         varchar(8000) not null,
    created_by    varchar(64)   not null,
    created_at    timestamptz   not null,
    approved_by   varchar(64),
    approved_at   timestamptz,
    published_on  date
);
