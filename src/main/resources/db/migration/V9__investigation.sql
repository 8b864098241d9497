-- 調査・対応: the facts organised by 5W1H, the repairs made, the help asked from outside, and
-- the reports made to the executive along the way. The "why" and "where" of 5W1H are the
-- required-items record's assumed cause and affected systems, kept there and not duplicated.

create table investigation (
    incident_id bigint        primary key references incident (id),
    when_text   varchar(1000),
    who_text    varchar(1000),
    whom_text   varchar(1000),
    what_text   varchar(2000),
    how_text    varchar(2000),
    updated_by  varchar(64)   not null,
    updated_at  timestamptz   not null
);

create table remediation_action (
    id          bigserial     primary key,
    incident_id bigint        not null references incident (id),
    kind        varchar(20)   not null check (kind in ('PATCH', 'SETTINGS', 'EQUIPMENT', 'DATA_RESTORE', 'OTHER')),
    description varchar(1000) not null,
    owner       varchar(64)   not null,
    done_on     date,
    created_by  varchar(64)   not null,
    created_at  timestamptz   not null
);

create index remediation_action_incident_idx on remediation_action (incident_id);

create table outside_help (
    id          bigserial     primary key,
    incident_id bigint        not null references incident (id),
    helper      varchar(200)  not null,
    asked_on    date          not null,
    request     varchar(2000) not null,
    advice      varchar(2000),
    recorded_by varchar(64)   not null
);

create index outside_help_incident_idx on outside_help (incident_id);

create table executive_report (
    id          bigserial     primary key,
    incident_id bigint        not null references incident (id),
    reported_on date          not null,
    summary     varchar(2000) not null,
    reported_by varchar(64)   not null
);

create index executive_report_incident_idx on executive_report (incident_id);
