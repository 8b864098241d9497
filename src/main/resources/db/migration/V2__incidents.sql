-- Incidents: the guide's three steps as a state machine (DOMAIN.md §2), with the timeline
-- (対応経過), the checklists and the required-items record (DOMAIN.md §3).

create table incident (
    id                       bigserial     primary key,
    reference                varchar(20)   not null unique,
    title                    varchar(200)  not null,
    description              varchar(4000) not null,
    category                 varchar(40),
    leak_kind                varchar(40),
    severity                 varchar(20),
    state                    varchar(20)   not null,
    affected_system          varchar(200),
    still_happening          varchar(10)   not null default 'UNKNOWN',
    discovered_at            timestamptz   not null,
    occurred_at              timestamptz,
    reported_at              timestamptz   not null,
    reported_by              varchar(64),
    outside_reporter_name    varchar(100),
    outside_reporter_contact varchar(200),
    responsible              varchar(64),
    -- the required-items record (インシデント発生時に整理しておくべき事項)
    client_and_parties       varchar(1000),
    events_and_damage        varchar(4000),
    assumed_cause            varchar(4000),
    affected_systems_status  varchar(4000),
    system_configuration     varchar(4000),
    contact                  varchar(500),
    disclosure_status        varchar(20)   not null default 'UNDECIDED',
    -- step 3
    root_cause               varchar(4000),
    prevention_measures      varchar(4000),
    closing_approved_by      varchar(64),
    closing_approved_at      timestamptz,
    closed_at                timestamptz,
    -- the end of the hash chain, so that concurrent appends conflict on the version
    timeline_length          integer       not null default 0,
    timeline_head            varchar(64)   not null default '',
    version                  bigint        not null default 0,
    constraint incident_state_ck check (state in ('REPORTED', 'TRIAGE', 'DISMISSED', 'ESCALATED', 'TEAM_FORMED',
        'CONTAINMENT', 'DISCLOSURE', 'RECOVERY', 'PREVENTION', 'CLOSED')),
    constraint incident_occurred_before_discovered_ck check (occurred_at is null or occurred_at <= discovered_at)
);

create index incident_state_idx on incident (state, reported_at);
create index incident_reported_by_idx on incident (reported_by, reported_at desc);
create index incident_reported_at_idx on incident (reported_at desc);
create index incident_responsible_idx on incident (responsible);
create index incident_category_idx on incident (category);
create index incident_severity_idx on incident (severity);

create table incident_assignee (
    incident_id bigint       not null references incident (id),
    username    varchar(64)  not null,
    duty        varchar(200),
    primary key (incident_id, username)
);

create index incident_assignee_username_idx on incident_assignee (username);

create table incident_checklist_item (
    id           bigserial    primary key,
    incident_id  bigint       not null references incident (id),
    point_group  varchar(30)  not null,
    item         varchar(60)  not null,
    position     integer      not null,
    status       varchar(20)  not null default 'OPEN',
    decided_by   varchar(64),
    decided_at   timestamptz,
    reason       varchar(1000),
    unique (incident_id, item)
);

-- The timeline: append-only, each entry chained to the one before by a SHA-256 hash.
create table incident_timeline_entry (
    id            bigserial     primary key,
    incident_id   bigint        not null references incident (id),
    sequence      integer       not null,
    occurred_at   timestamptz   not null,
    actor         varchar(64)   not null,
    kind          varchar(30)   not null,
    from_state    varchar(20),
    to_state      varchar(20),
    field         varchar(60),
    before_value  varchar(4000),
    after_value   varchar(4000),
    note          varchar(4000),
    shared_with_reporter boolean not null default false,
    previous_hash varchar(64)   not null,
    hash          varchar(64)   not null,
    unique (incident_id, sequence)
);

create trigger incident_timeline_append_only
    before update or delete on incident_timeline_entry
    for each row execute function refuse_change_to_history();

create trigger incident_timeline_no_truncate
    before truncate on incident_timeline_entry
    for each statement execute function refuse_change_to_history();

create sequence incident_reference_seq;
